// Why: the app:// handler is the only way a file reaches the window; it must
// serve the build with the right types and headers and nothing beside it,
// from a real folder whose name has the characters that broke file:// trust.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppProtocolHandler, type AppProtocolHandler } from '../../../src/main/security/app-scheme'

let base: string
let handler: AppProtocolHandler
const CSP = "default-src 'self'; script-src 'self'"

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'rd-100%^|# ü-'))
  const renderer = join(base, 'out', 'renderer')
  await mkdir(join(renderer, 'assets'), { recursive: true })
  await writeFile(
    join(renderer, 'index.html'),
    `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${CSP}"></head><body></body></html>`
  )
  await writeFile(join(renderer, 'assets', 'app.js'), 'console.log(1)')
  await writeFile(join(renderer, 'assets', 'style.css'), 'body{}')
  await writeFile(join(renderer, 'assets', 'inter.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]))
  await writeFile(join(renderer, '.env'), 'SECRET=1')
  await writeFile(join(base, 'out', 'secret.txt'), 'outside')
  await symlink(join(base, 'out', 'secret.txt'), join(renderer, 'assets', 'link.txt'))
  handler = await createAppProtocolHandler(renderer)
})
afterAll(async () => {
  await rm(base, { recursive: true, force: true })
})

const get = (url: string, extra: Partial<{ method: string; initiatorOrigin: string | null }> = {}) => handler({ url, method: 'GET', ...extra })

describe('app:// protocol handler', () => {
  it('serves the page with its CSP as a header, and assets with their MIME types', async () => {
    const page = await get('app://revision-desk/index.html')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(`${CSP}; frame-ancestors 'none'`)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await page.text()).toContain('<!doctype html>')
    expect((await get('app://revision-desk/')).status).toBe(200)
    expect((await get('app://revision-desk/assets/app.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect((await get('app://revision-desk/assets/style.css')).headers.get('content-type')).toBe('text/css; charset=utf-8')
    const font = await get('app://revision-desk/assets/inter.woff2')
    expect(font.headers.get('content-type')).toBe('font/woff2')
    expect(Buffer.from(await font.arrayBuffer())).toEqual(Buffer.from([0x77, 0x4f, 0x46, 0x32]))
    expect((await get('app://revision-desk/index.html?x=1#/read')).status).toBe(200)
  })

  it.each([
    ['app://revision-desk/../secret.txt'],
    ['app://revision-desk/%2e%2e/secret.txt'],
    ['app://revision-desk/assets/..%2f..%2fsecret.txt'],
    ['app://revision-desk/assets/%5c..%5c..%5csecret.txt'],
    ['app://revision-desk/assets/link.txt'],
    ['app://revision-desk/.env'],
    ['app://revision-desk/missing.js'],
    ['app://revision-desk/assets'],
    ['app://other-host/index.html'],
    ['app://revision-desk.evil/index.html'],
    ['file:///etc/passwd']
  ])('refuses %s', async (url) => {
    const response = await get(url)
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(await response.text()).not.toContain('outside')
  })

  it('refuses writes and requests that another origin started', async () => {
    expect((await get('app://revision-desk/index.html', { method: 'POST' })).status).toBe(405)
    expect((await get('app://revision-desk/assets/app.js', { initiatorOrigin: 'https://evil.example' })).status).toBe(403)
    expect((await get('app://revision-desk/assets/app.js', { initiatorOrigin: 'app://revision-desk' })).status).toBe(200)
    const head = await get('app://revision-desk/assets/app.js', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })
})
