// Why: the browser host serves the renderer's files and the bridge script; no file outside the
// renderer may leak, every response carries the security headers, and the bridge is exactly the contract.
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { CHANNELS } from '../../../src/shared/channels'
import { TOKEN_HEADER } from '../../../src/web/http-host'
import { api, CSP, port, send, setUpHost, TOKEN } from './host-harness'

setUpHost()

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
