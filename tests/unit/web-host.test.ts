// Why: the browser host is the only door from a browser into the services, so
// each guard is tested on a real listening socket: a request that fails one
// must never reach the dispatcher, and no file outside the renderer may leak.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createDispatcher, type Dispatch } from '../../src/main/dispatch'
import { CHANNELS } from '../../src/shared/channels'
import type { Handlers } from '../../src/shared/contract'
import { createHostHandler, TOKEN_HEADER } from '../../src/web/http-host'

const TOKEN = 'ab'.repeat(32)
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'"
const INDEX = `<!doctype html>
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

interface Reply {
  status: number
  headers: IncomingHttpHeaders
  text: string
  json(): any
}

let root: string
let rendererDir: string
let calls: { channel: string; input: unknown }[]
let servers: Server[] = []

async function listen(dispatch: Dispatch, maxBodyBytes?: number): Promise<number> {
  const server = createServer()
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const port = (server.address() as AddressInfo).port
  server.on('request', createHostHandler({ dispatch, rendererDir, token: TOKEN, port, ...(maxBodyBytes ? { maxBodyBytes } : {}) }))
  servers.push(server)
  return port
}

function send(
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

function api(port: number, channel: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send(port, {
    method: 'POST',
    path: `/api/${channel}`,
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body)
  })
}

const recording: Dispatch = async (channel, input) => {
  calls.push({ channel, input })
  return { ok: true, value: { echoed: input ?? null, channel } }
}

let port: number

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

describe('API guards', () => {
  it('dispatches a well-formed call and returns the envelope', async () => {
    const reply = await api(port, 'settings:update', { input: { theme: 'dark' } })
    expect(reply.status).toBe(200)
    expect(reply.json()).toEqual({ ok: true, value: { echoed: { theme: 'dark' }, channel: 'settings:update' } })
    expect(reply.headers['cache-control']).toBe('no-store')
    expect(reply.headers['content-type']).toMatch(/^application\/json/)
    expect(calls).toEqual([{ channel: 'settings:update', input: { theme: 'dark' } }])
  })

  it('passes a missing input as undefined and accepts a charset and our own Origin', async () => {
    const reply = await api(
      port,
      'app:info',
      {},
      { 'content-type': 'application/json; charset=utf-8', origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin' }
    )
    expect(reply.status).toBe(200)
    expect(calls).toEqual([{ channel: 'app:info', input: undefined }])
  })

  it('accepts localhost:<port> as Host with its own Origin', async () => {
    const reply = await api(port, 'app:info', {}, { host: `localhost:${port}`, origin: `http://localhost:${port}` })
    expect(reply.status).toBe(200)
    expect(calls).toHaveLength(1)
  })

  const refused: [string, Record<string, string>, number][] = [
    ['no token', { [TOKEN_HEADER]: '' }, 403],
    ['a wrong token', { [TOKEN_HEADER]: 'cd'.repeat(32) }, 403],
    ['a token of another length', { [TOKEN_HEADER]: 'ab' }, 403],
    ['a foreign Host (DNS rebinding)', { host: `evil.example:${port}` }, 403],
    ['our host on another port', { host: `127.0.0.1:1` }, 403],
    ['a foreign Origin', { origin: 'http://evil.example' }, 403],
    ['an Origin on another port', { origin: 'http://127.0.0.1:1' }, 403],
    ['a null Origin', { origin: 'null' }, 403],
    ['a cross-site fetch', { 'sec-fetch-site': 'cross-site' }, 403],
    ['a form content type', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
    ['text/plain', { 'content-type': 'text/plain' }, 415]
  ]
  for (const [what, headers, status] of refused) {
    it(`refuses ${what} without calling the dispatcher`, async () => {
      const reply = await api(port, 'settings:update', { input: { theme: 'dark' } }, headers)
      expect(reply.status).toBe(status)
      expect(reply.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      expect(calls).toEqual([])
    })
  }

  it('refuses a missing token header entirely', async () => {
    const reply = await send(port, { method: 'POST', path: '/api/app:info', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(reply.status).toBe(403)
    expect(calls).toEqual([])
  })

  it('takes POST only', async () => {
    const reply = await send(port, { method: 'GET', path: '/api/app:info', headers: { [TOKEN_HEADER]: TOKEN } })
    expect(reply.status).toBe(405)
    expect(reply.headers.allow).toBe('POST')
    expect(calls).toEqual([])
  })

  it('answers an oversize body with 413 (declared length)', async () => {
    const big = JSON.stringify({ input: 'x'.repeat(8 * 1024 * 1024 + 10) })
    const reply = await api(port, 'settings:update', big)
    expect(reply.status).toBe(413)
    expect(reply.json()).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(calls).toEqual([])
  })

  it('answers an oversize chunked body with 413', async () => {
    const small = await listen(recording, 1024)
    const reply = await send(small, {
      method: 'POST',
      path: '/api/settings:update',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN, 'transfer-encoding': 'chunked' },
      chunks: [Buffer.from('{"input":"'), Buffer.alloc(2048, 'x'), Buffer.from('"}')]
    })
    expect(reply.status).toBe(413)
    expect(calls).toEqual([])
  })

  it.each(['{not json', '', '[1,2]', '"input"', 'null'])('answers an unusable body %j with 400 validation', async (body) => {
    const reply = await api(port, 'settings:update', body)
    expect(reply.status).toBe(400)
    expect(reply.json()).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(calls).toEqual([])
  })

  it('hands an unknown channel to the dispatcher, which decides', async () => {
    await api(port, 'fs:readFile', { input: '/etc/passwd' })
    expect(calls).toEqual([{ channel: 'fs:readFile', input: '/etc/passwd' }])
  })
})

describe('with the real dispatcher', () => {
  const handled: string[] = []
  const handlers = Object.fromEntries(CHANNELS.map((c) => [c, async (input: unknown) => (handled.push(c), { handled: c, input })])) as unknown as Handlers
  let realPort: number
  beforeAll(async () => {
    realPort = await listen(createDispatcher(handlers, () => {}))
  })

  it('returns a validation error for a bad input and never calls the service', async () => {
    const reply = await api(realPort, 'settings:update', { input: { theme: 'purple' } })
    expect(reply.status).toBe(200)
    expect(reply.json()).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(handled).toEqual([])
  })

  it('returns a validation error for an unknown channel', async () => {
    const reply = await api(realPort, 'fs:readFile', { input: '/etc/passwd' })
    expect(reply.json()).toMatchObject({ ok: false, error: { code: 'validation', message: 'Unknown call.' } })
    expect(handled).toEqual([])
  })

  it('reaches the service with a valid input', async () => {
    const reply = await api(realPort, 'settings:update', { input: { theme: 'dark' } })
    expect(reply.json()).toEqual({ ok: true, value: { handled: 'settings:update', input: { theme: 'dark' } } })
    expect(handled).toEqual(['settings:update'])
  })
})

describe('static files', () => {
  it('serves index.html with the token meta and the bridge before the module script', async () => {
    const reply = await send(port, { path: '/' })
    expect(reply.status).toBe(200)
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(reply.headers['cache-control']).toBe('no-store')
    const html = reply.text
    const meta = html.indexOf(`<meta name="revision-desk-token" content="${TOKEN}">`)
    const bridge = html.indexOf('<script defer src="/__bridge.js"></script>')
    const app = html.indexOf('<script type="module"')
    expect(meta).toBeGreaterThan(html.indexOf('<head>'))
    expect(bridge).toBeGreaterThan(meta)
    expect(app).toBeGreaterThan(bridge)
    expect(app).toBeLessThan(html.indexOf('</head>'))
    expect((await send(port, { path: '/index.html' })).text).toBe(html)
  })

  it('serves /__bridge.js with every channel and without the token', async () => {
    const reply = await send(port, { path: '/__bridge.js' })
    expect(reply.status).toBe(200)
    expect(reply.headers['content-type']).toMatch(/^text\/javascript/)
    for (const channel of CHANNELS) expect(reply.text).toContain(JSON.stringify(channel))
    expect(reply.text).not.toContain(TOKEN)
  })

  it('serves built assets with their MIME type', async () => {
    const js = await send(port, { path: '/assets/index-abc.js?v=1' })
    expect(js.status).toBe(200)
    expect(js.headers['content-type']).toMatch(/^text\/javascript/)
    expect(js.text).toContain('console.log')
    const css = await send(port, { path: '/assets/style.css' })
    expect(css.headers['content-type']).toMatch(/^text\/css/)
    const head = await send(port, { method: 'HEAD', path: '/assets/style.css' })
    expect(head.status).toBe(200)
    expect(head.text).toBe('')
  })

  it('puts the security headers on every response', async () => {
    const replies = [
      await send(port, { path: '/' }),
      await send(port, { path: '/assets/style.css' }),
      await send(port, { path: '/missing.js' }),
      await api(port, 'app:info', {}),
      await api(port, 'app:info', {}, { [TOKEN_HEADER]: 'nope' })
    ]
    for (const reply of replies) {
      expect(reply.headers['x-content-type-options']).toBe('nosniff')
      expect(reply.headers['referrer-policy']).toBe('no-referrer')
      expect(reply.headers['cross-origin-resource-policy']).toBe('same-origin')
      expect(reply.headers['content-security-policy']).toBe(`${CSP}; frame-ancestors 'none'`)
    }
  })

  const traversals = [
    '/../secret.txt',
    '/../../etc/passwd',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/..%2fsecret.txt',
    '/..%2f..%2fetc%2fpasswd',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/assets%00.js',
    '/%00',
    '/%zz',
    '/.env',
    '/assets'
  ]
  for (const path of traversals) {
    it(`refuses ${path}`, async () => {
      const reply = await send(port, { path })
      expect([400, 404]).toContain(reply.status)
      expect(reply.text).not.toContain('outside the renderer')
      expect(reply.text).not.toContain('SECRET')
      expect(reply.text).not.toContain('root:')
    })
  }

  it('refuses a bad Host for pages too, so a rebinding site cannot read the token', async () => {
    const reply = await send(port, { path: '/', headers: { host: 'evil.example' } })
    expect(reply.status).toBe(403)
    expect(reply.text).not.toContain(TOKEN)
  })

  it('takes GET and HEAD only for files', async () => {
    const reply = await send(port, { method: 'POST', path: '/index.html', body: '' })
    expect(reply.status).toBe(405)
  })
})

describe('the bridge script', () => {
  async function loadBridge(fetchImpl: (url: string, init: any) => Promise<any>) {
    const script = (await send(port, { path: '/__bridge.js' })).text
    const window: Record<string, unknown> = {}
    const document = {
      querySelector: (selector: string) =>
        selector === 'meta[name="revision-desk-token"]' ? { getAttribute: (name: string) => (name === 'content' ? TOKEN : null) } : null
    }
    runInNewContext(script, { window, document, fetch: fetchImpl, JSON, Object, String })
    return window.api as Record<string, (input?: unknown) => Promise<unknown>>
  }

  it('exposes exactly the channels, frozen, each posting the input with the token', async () => {
    const seen: { url: string; init: any }[] = []
    const bridge = await loadBridge(async (url, init) => {
      seen.push({ url, init })
      return { json: async () => ({ ok: true, value: 1 }) }
    })
    expect(Object.keys(bridge).sort()).toEqual([...CHANNELS].sort())
    expect(Object.isFrozen(bridge)).toBe(true)
    expect(await bridge['settings:update']!({ theme: 'dark' })).toEqual({ ok: true, value: 1 })
    await bridge['app:info']!()
    expect(seen[0]!.url).toBe('/api/settings:update')
    expect(seen[0]!.init.method).toBe('POST')
    expect(seen[0]!.init.headers).toEqual({ 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN })
    expect(JSON.parse(seen[0]!.init.body)).toEqual({ input: { theme: 'dark' } })
    expect(JSON.parse(seen[1]!.init.body)).toEqual({})
  })

  it('turns a network failure into an internal envelope', async () => {
    const bridge = await loadBridge(async () => {
      throw new TypeError('Failed to fetch')
    })
    expect(await bridge['app:info']!()).toMatchObject({ ok: false, error: { code: 'internal' } })
  })
})

describe('construction', () => {
  it('refuses a renderer folder without index.html, saying how to build it', () => {
    expect(() => createHostHandler({ dispatch: recording, rendererDir: join(root, 'nowhere'), token: TOKEN, port: 1 })).toThrow(/electron-vite build/)
  })

  it('refuses a weak token', () => {
    expect(() => createHostHandler({ dispatch: recording, rendererDir, token: 'short', port: 1 })).toThrow(/token/)
  })
})
