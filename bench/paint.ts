// Why: first contentful paint of the real app, measured beside a blank
// Vite+Vue page in the same Chromium run, so the ratio says what our code costs.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join } from 'node:path'
import { chromium, type Browser } from '@playwright/test'
import { build } from 'vite'

const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }

/**
 * The browser host's security headers (src/web/http-host.ts). The blank page is
 * served with them too, so the ratio measures our page, not the headers: COOP
 * alone costs a renderer-process swap (~50 ms) on the first navigation.
 */
const SAME_HEADERS_AS_HOST: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'"
}

async function buildBlankPage(root: string): Promise<string> {
  // Inside node_modules/.cache so `vue` resolves from the project.
  const dir = join(root, 'node_modules/.cache/rd-blank-page')
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"><title>blank</title></head><body><div id="app"></div><script type="module" src="./main.js"></script></body></html>')
  await writeFile(join(dir, 'main.js'), "import { createApp, h } from 'vue'\ncreateApp({ render: () => h('h1', 'Blank') }).mount('#app')\n")
  await build({ root: dir, logLevel: 'silent', build: { outDir: join(dir, 'dist'), emptyOutDir: true } })
  return join(dir, 'dist')
}

async function serveStatic(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!
    const file = join(dir, path === '/' ? 'index.html' : path)
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end()
      return
    }
    void readFile(file).then((body) => res.writeHead(200, { ...SAME_HEADERS_AS_HOST, 'content-type': MIME[extname(file)] ?? 'application/octet-stream' }).end(body))
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` }
}

async function startHost(root: string, dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(join(root, 'node_modules/.bin/tsx'), ['src/web/server.ts'], { cwd: root, env: { ...process.env, PORT: '0', REVISION_DESK_DATA_DIR: dataDir } })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`host did not start: ${out}`)), 30_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const m = out.match(/Listening on (http:\/\/127\.0\.0\.1:\d+)/)
      if (m) {
        clearTimeout(timer)
        resolve(`${m[1]}/`)
      }
    })
    child.once('exit', (code) => reject(new Error(`host exited (${code}): ${out}`)))
  })
  return { child, url }
}

async function fcp(browser: Browser, url: string, runs: number): Promise<number> {
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(url, { waitUntil: 'load' })
    const value = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const seen = performance.getEntriesByName('first-contentful-paint')[0]
          if (seen) return resolve(seen.startTime)
          new PerformanceObserver((list) => resolve(list.getEntries()[0]!.startTime)).observe({ type: 'paint' as never, buffered: true })
        })
    )
    samples.push(value)
    await context.close()
  }
  samples.sort((a, b) => a - b)
  return samples[Math.floor(samples.length / 2)]!
}

export async function measurePaint(root: string, dataDir: string): Promise<{ fcp_ms: number; fcp_blank_ms: number }> {
  const blankDir = await buildBlankPage(root)
  const blank = await serveStatic(blankDir)
  const host = await startHost(root, dataDir)
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']
  })
  try {
    // Warm both once so disk caches do not favour either, then alternate the two
    // so a busy moment on the machine falls on both alike.
    await fcp(browser, blank.url, 1)
    await fcp(browser, host.url, 1)
    const blankRuns: number[] = []
    const appRuns: number[] = []
    for (let i = 0; i < 11; i++) {
      blankRuns.push(await fcp(browser, blank.url, 1))
      appRuns.push(await fcp(browser, host.url, 1))
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
    return { fcp_ms: median(appRuns), fcp_blank_ms: median(blankRuns) }
  } finally {
    await browser.close()
    blank.server.close()
    host.child.kill('SIGTERM')
  }
}
