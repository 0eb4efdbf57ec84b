// Why: Electron serves the renderer from its own privileged scheme, so the page
// has a real origin (app://revision-desk) that the sender check can compare,
// and nothing depends on file:// privileges or on where the app is installed.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { cspFromHtml } from '../services/renderer/page-csp'
import { createStaticRoot, mimeType } from '../services/renderer/static-root'

export const APP_SCHEME = 'app'
export const APP_HOST = 'revision-desk'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/**
 * Standard (relative URLs and a real origin), secure (a secure context, like
 * https), fetch and a V8 code cache. No CSP bypass, no service workers, no CORS.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const

/** The slice of a fetch `Request` the handler reads; Electron passes a full one. */
export interface AppRequest {
  url: string
  method: string
  /** Set by Electron when web content made the request; absent when the browser itself did. */
  initiatorOrigin?: string | null
}

export type AppProtocolHandler = (request: AppRequest) => Promise<Response>

function refuse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } })
}

/** Serves files under `rendererDir` at app://revision-desk/, with the page's own CSP as a header too. */
export async function createAppProtocolHandler(rendererDir: string): Promise<AppProtocolHandler> {
  const files = createStaticRoot(rendererDir)
  const csp = cspFromHtml(await readFile(join(rendererDir, 'index.html'), 'utf8'))
  return async (request) => {
    let url: URL
    try {
      url = new URL(request.url)
    } catch {
      return refuse(400, 'Bad request')
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refuse(404, 'Not found')
    // Another origin (a page that somehow loaded elsewhere) may not read our files.
    if (request.initiatorOrigin && request.initiatorOrigin !== APP_ORIGIN) return refuse(403, 'Forbidden')
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed')
    const found = await files.lookup(url.pathname === '/' ? '/index.html' : url.pathname)
    if (found.kind === 'bad-request') return refuse(400, 'Bad request')
    if (found.kind === 'not-found') return refuse(404, 'Not found')
    const headers: Record<string, string> = {
      'Content-Type': mimeType(found.file),
      'Content-Length': String(found.size),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache'
    }
    if (found.file.endsWith('.html')) headers['Content-Security-Policy'] = csp
    const body = request.method === 'HEAD' ? null : await readFile(found.file)
    return new Response(body, { status: 200, headers })
  }
}
