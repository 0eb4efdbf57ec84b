// Why: the browser host's request handler. It puts the same IPC contract on
// `POST /api/<channel>` through the same dispatcher Electron uses, and serves
// the built renderer. Everything here is a guard (token, Host, Origin, body
// size, paths); what a call does is decided by the dispatcher alone.
import { createHash, timingSafeEqual } from 'node:crypto'
import { createReadStream, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Dispatch } from '../main/dispatch'
import type { ApiErrorCode, Result } from '../shared/result'
import { fileBodyLimit } from '../shared/domain/data'
import { bridgeScript } from './bridge'
import { BRIDGE_PATH, injectBridge } from './page'
import { cspFromHtml } from '../main/services/renderer/page-csp'
import { createStaticRoot, mimeType } from '../main/services/renderer/static-root'

export const TOKEN_HEADER = 'x-revision-desk-token'
export const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024

export interface HostOptions {
  dispatch: Dispatch
  /** The built renderer (out/renderer); must contain index.html. */
  rendererDir: string
  /** Per-launch secret, handed to the page only inside index.html. */
  token: string
  /** The port the server listens on, for the Host and Origin checks. */
  port: number
  maxBodyBytes?: number
}

export type HostHandler = (req: IncomingMessage, res: ServerResponse) => void

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest()

function sameSecret(given: string | string[] | undefined, expected: Buffer): boolean {
  if (typeof given !== 'string' || given.length === 0) return false
  // Hashing first gives equal lengths, so the comparison time says nothing about the token.
  return timingSafeEqual(digest(given), expected)
}

function apiError(code: ApiErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } }
}

type BodyRead = { kind: 'ok'; body: Buffer } | { kind: 'too-large' } | { kind: 'aborted' }

/** Reads at most `limit` bytes; past that it discards the rest so the client still gets a 413. */
function readBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'])
    let tooLarge = Number.isFinite(declared) && declared > limit
    let size = 0
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) tooLarge = true
      if (tooLarge) {
        chunks.length = 0
        // Draining is for a polite 413; a client that keeps sending is cut off.
        if (size > limit * 4) req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(tooLarge ? { kind: 'too-large' } : { kind: 'ok', body: Buffer.concat(chunks) }))
    req.on('aborted', () => resolve({ kind: 'aborted' }))
    req.on('error', () => resolve({ kind: 'aborted' }))
  })
}

export function createHostHandler(options: HostOptions): HostHandler {
  const { dispatch, port, token } = options
  if (!/^[0-9a-f]{32,}$/i.test(token)) throw new Error('The launch token must be at least 32 hex characters.')
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  const expectedToken = digest(token)
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  const indexFile = join(options.rendererDir, 'index.html')
  let csp: string
  try {
    csp = cspFromHtml(readFileSync(indexFile, 'utf8'))
  } catch (error) {
    throw new Error(`Cannot read ${indexFile}: run \`npx electron-vite build\` first.`, { cause: error })
  }
  const files = createStaticRoot(options.rendererDir)
  const bridge = bridgeScript()

  function baseHeaders(res: ServerResponse): void {
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'no-referrer')
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
    res.setHeader('X-Frame-Options', 'DENY')
    res.setHeader('Content-Security-Policy', csp)
  }

  function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    let text: string
    try {
      text = JSON.stringify(body)
    } catch {
      status = 500
      text = JSON.stringify(apiError('internal', 'The host could not encode the answer.'))
    }
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers })
    res.end(text)
  }

  function sendText(res: ServerResponse, status: number, text: string): void {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
    res.end(res.req.method === 'HEAD' ? undefined : text)
  }

  function sendBody(res: ServerResponse, body: string | Buffer, contentType: string, cache: string): void {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body
    res.writeHead(200, { 'Content-Type': contentType, 'Content-Length': String(bytes.length), 'Cache-Control': cache })
    res.end(res.req.method === 'HEAD' ? undefined : bytes)
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, rawPath: string, host: string): Promise<void> {
    if (req.method !== 'POST') {
      sendJson(res, 405, apiError('forbidden', 'The API takes POST only.'), { Allow: 'POST' })
      return
    }
    const origin = req.headers.origin
    if (origin !== undefined && origin !== `http://${host}`) {
      sendJson(res, 403, apiError('forbidden', 'Calls from another origin are refused.'))
      return
    }
    const fetchSite = req.headers['sec-fetch-site']
    if (fetchSite !== undefined && fetchSite !== 'same-origin') {
      sendJson(res, 403, apiError('forbidden', 'Calls from another site are refused.'))
      return
    }
    if (!sameSecret(req.headers[TOKEN_HEADER], expectedToken)) {
      sendJson(res, 403, apiError('forbidden', 'Missing or wrong launch token: reload the page from the host.'))
      return
    }
    const mediaType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
    if (mediaType !== 'application/json') {
      sendJson(res, 415, apiError('forbidden', 'The API takes Content-Type: application/json only.'))
      return
    }
    let channel: string
    try {
      channel = decodeURIComponent(rawPath.slice('/api/'.length))
    } catch {
      sendJson(res, 400, apiError('validation', 'The call name is not valid URL encoding.'))
      return
    }

    // Pack imports and backups carry a whole file: they get room for the largest one allowed.
    const limit = Math.max(maxBody, fileBodyLimit(channel) ?? 0)
    const read = await readBody(req, limit)
    if (read.kind === 'aborted') return
    if (read.kind === 'too-large') {
      sendJson(res, 413, apiError('validation', `The request body is larger than ${limit} bytes.`), { Connection: 'close' })
      return
    }
    let body: unknown
    try {
      body = JSON.parse(read.body.toString('utf8'))
    } catch {
      sendJson(res, 400, apiError('validation', 'The request body is not valid JSON.'))
      return
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      sendJson(res, 400, apiError('validation', 'The request body must be a JSON object like {"input": …}.'))
      return
    }
    const input = Object.hasOwn(body, 'input') ? (body as { input: unknown }).input : undefined
    sendJson(res, 200, await dispatch(channel, input))
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, rawPath: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD')
      sendText(res, 405, 'Method not allowed')
      return
    }
    if (rawPath === BRIDGE_PATH) {
      sendBody(res, bridge, 'text/javascript; charset=utf-8', 'no-store')
      return
    }
    if (rawPath === '/' || rawPath === '/index.html') {
      const html = await readFile(indexFile, 'utf8')
      sendBody(res, injectBridge(html, token), 'text/html; charset=utf-8', 'no-store')
      return
    }
    const found = await files.lookup(rawPath)
    if (found.kind === 'bad-request') return sendText(res, 400, 'Bad request')
    if (found.kind === 'not-found') return sendText(res, 404, 'Not found')
    res.writeHead(200, { 'Content-Type': mimeType(found.file), 'Content-Length': String(found.size), 'Cache-Control': 'no-cache' })
    if (req.method === 'HEAD') {
      res.end()
      return
    }
    const stream = createReadStream(found.file)
    stream.on('error', () => res.destroy())
    stream.pipe(res)
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    baseHeaders(res)
    const host = (req.headers.host ?? '').toLowerCase()
    // DNS-rebinding guard: a page on evil.example resolved to 127.0.0.1 still sends its own Host.
    if (!allowedHosts.has(host)) {
      sendJson(res, 403, apiError('forbidden', 'Unknown Host header; open the app at http://127.0.0.1:' + port + '/.'))
      return
    }
    const url = req.url ?? ''
    if (!url.startsWith('/')) return sendText(res, 400, 'Bad request')
    const rawPath = url.split(/[?#]/, 1)[0] ?? '/'
    if (rawPath === '/api' || rawPath.startsWith('/api/')) return handleApi(req, res, rawPath, host)
    return handleStatic(req, res, rawPath)
  }

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[web-host] request failed', error)
      if (!res.headersSent) sendJson(res, 500, apiError('internal', 'The host failed to answer; the details are in its log.'))
      else res.destroy()
    })
  }
}
