// Why: only our own page may call main, and the window may never navigate
// away from it. The page is known by its origin (app://revision-desk, or the
// dev server), never by a file path, so where the app is installed (a drive
// letter's case, `%`, `#`, a UNC share) cannot change the answer.
import { isAbsolute, resolve } from 'node:path'
import { APP_ORIGIN } from './app-scheme'

/** Where our page lives: the dev server in `electron-vite dev`, else the app scheme. */
export interface TrustedPage {
  /** Scheme and host, as `protocol//host` (for example `app://revision-desk`). */
  origin: string
}

function originOf(url: URL): string {
  // URL.origin is "null" for schemes Node does not know, so build it from its parts.
  return `${url.protocol}//${url.host}`
}

export function trustedPageFor(devServerUrl: string | undefined): TrustedPage {
  return { origin: devServerUrl ? originOf(new URL(devServerUrl)) : APP_ORIGIN }
}

export function isTrustedPageUrl(candidate: unknown, page: TrustedPage): boolean {
  if (typeof candidate !== 'string') return false
  let url: URL
  try {
    url = new URL(candidate)
  } catch {
    return false
  }
  if (url.username !== '' || url.password !== '') return false
  return originOf(url) === page.origin
}

/** The sender frame of an IPC call: a top-level frame showing our page. */
export interface SenderFrameLike {
  url: string
  parent: unknown
}

export function isTrustedSender(frame: SenderFrameLike | null | undefined, page: TrustedPage): boolean {
  if (!frame || frame.parent !== null) return false
  return isTrustedPageUrl(frame.url, page)
}

/** The window may only ever show our own page; everything else is refused (links out go through the link policy). */
export function isAllowedNavigation(url: unknown, page: TrustedPage): boolean {
  return isTrustedPageUrl(url, page)
}

/**
 * The data folder: REVISION_DESK_DATA_DIR when set (tests use it), else Electron's
 * userData. A relative override is taken from the working folder, once, so the
 * folder cannot move if something later changes the working folder.
 */
export function resolveDataDir(env: Record<string, string | undefined>, userData: string, cwd: string = process.cwd()): string {
  const override = env['REVISION_DESK_DATA_DIR']?.trim()
  if (!override) return userData
  return isAbsolute(override) ? override : resolve(cwd, override)
}
