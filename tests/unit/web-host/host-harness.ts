// Why: the browser host's tests run against a real listening socket on a real renderer folder; this
// sets both up once per test file and gives the tests the few ways they talk to it.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import type { Dispatch } from '../../../src/main/dispatch'
import { createHostHandler, TOKEN_HEADER } from '../../../src/web/http-host'

export const TOKEN = 'ab'.repeat(32)
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'"
export const INDEX = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="Content-Security-Policy" content="${CSP}" />
    <title>Revision Desk</title>
    <script type="module" crossorigin src="/assets/index-abc.js"></script>
  </head>
  <body><div id="app"></div></body>
</html>
`

export interface Reply {
  status: number
  headers: IncomingHttpHeaders
  text: string
  json(): any
}

export let root: string
export let rendererDir: string
export let calls: { channel: string; input: unknown }[]
let servers: Server[] = []

export async function listen(dispatch: Dispatch, maxBodyBytes?: number): Promise<number> {
  const server = createServer()
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const port = (server.address() as AddressInfo).port
  server.on('request', createHostHandler({ dispatch, rendererDir, token: TOKEN, port, ...(maxBodyBytes ? { maxBodyBytes } : {}) }))
  servers.push(server)
  return port
}

export function send(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; chunks?: Buffer[] }
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: { host: `127.0.0.1:${port}`, ...opts.headers } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) })
        })
      }
    )
    req.on('error', reject)
    if (opts.chunks) {
      for (const c of opts.chunks) req.write(c)
      req.end()
    } else req.end(opts.body)
  })
}

export function api(port: number, channel: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send(port, {
    method: 'POST',
    path: `/api/${channel}`,
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body)
  })
}

export const recording: Dispatch = async (channel, input) => {
  calls.push({ channel, input })
  return { ok: true, value: { echoed: input ?? null, channel } }
}

export let port: number

/** Registers the shared renderer folder, the recording host and their clean-up on the calling test file. */
export function setUpHost(): void {
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'rd-web-host-'))
    rendererDir = join(root, 'renderer')
    mkdirSync(join(rendererDir, 'assets'), { recursive: true })
    writeFileSync(join(rendererDir, 'index.html'), INDEX)
    writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'console.log("app")\n')
    writeFileSync(join(rendererDir, 'assets', 'style.css'), 'body{}\n')
    writeFileSync(join(rendererDir, '.env'), 'SECRET=1\n')
    writeFileSync(join(root, 'secret.txt'), 'outside the renderer\n')
    port = await listen(recording)
  })

  beforeEach(() => {
    calls = []
  })

  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((done) => s.close(done))))
    servers = []
    rmSync(root, { recursive: true, force: true })
  })
}
