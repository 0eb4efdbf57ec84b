// Why: only our own page may call main, and the window may never navigate
// away from it. These are plain functions so they can be table-tested.
import { pathToFileURL } from 'node:url'

/** Where our page lives: the dev server in `electron-vite dev`, else the built index.html. */
export type TrustedPage = { kind: 'file'; indexFile: string } | { kind: 'origin'; origin: string }

export function trustedPageFor(devServerUrl: string | undefined, indexFile: string): TrustedPage {
  if (devServerUrl) return { kind: 'origin', origin: new URL(devServerUrl).origin }
  return { kind: 'file', indexFile }
}

export function isTrustedPageUrl(candidate: unknown, page: TrustedPage): boolean {
  if (typeof candidate !== 'string') return false
  let url: URL
  try {
    url = new URL(candidate)
  } catch {
    return false
  }
  if (page.kind === 'origin') return url.origin === page.origin
  const expected = pathToFileURL(page.indexFile)
  return url.protocol === 'file:' && url.host === '' && url.pathname === expected.pathname
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

/** The data folder: REVISION_DESK_DATA_DIR when set (tests use it), else Electron's userData. */
export function resolveDataDir(env: Record<string, string | undefined>, userData: string): string {
  const override = env['REVISION_DESK_DATA_DIR']?.trim()
  return override ? override : userData
}
