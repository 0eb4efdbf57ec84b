// Why: how long a student waits to read. The clock stops when the first block
// of the first section (the notes themselves, rendered by Vue) is on screen,
// not at a splash line; beside it, a blank Vite+Vue page that renders one
// line by script, served with the host's own headers, loaded in turn with the
// app in the same Chromium run. The JS the page fetched by then is weighed too.
import { existsSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium, type Browser } from '@playwright/test'
import { build } from 'vite'
import { blockPlainText } from '../src/shared/domain/anchoring'
import type { Pack } from '../src/shared/pack/schema'
import { startHost } from './host'
import { spread, type Spread } from './stats'

const BLANK_LINE = 'A blank page, one line rendered by Vue.'
const MIME: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' }
/** Headers copied from the host's own answers, so the blank page pays what the app pays (COOP alone costs a process swap). */
const COPIED = [
  'x-content-type-options',
  'referrer-policy',
  'cross-origin-resource-policy',
  'cross-origin-opener-policy',
  'x-frame-options',
  'content-security-policy',
  'cache-control'
]

export interface PaintBench {
  first_text: Spread
  first_text_blank: Spread
  /** Gzip-sized JS the app page requested (the browser's network requests) by the time its first text was on screen. */
  route_js_gzip_kb: number
  route_js_files: string[]
  blank_js_gzip_kb: number
  needle: string
}

/**
 * Runs before any page script. It watches the DOM for `needle`, and once the
 * smallest element holding it is laid out inside the viewport, waits for the
 * next frame and the task after it (that frame's paint), then notes the time
 * since navigation.
 */
const probe = (needle: string): string => `(() => {
  const needle = ${JSON.stringify(needle)};
  const result = { dom: -1, painted: -1 };
  window.__firstText = result;
  const holder = () => {
    let el = document.body;
    if (!el || !el.textContent.includes(needle)) return null;
    for (;;) {
      const next = Array.from(el.children).find((c) => c.textContent.includes(needle));
      if (!next) return el;
      el = next;
    }
  };
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    const styled = el.checkVisibility ? el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) : true;
    return styled && r.width > 0 && r.height > 0 && r.top < innerHeight && r.bottom > 0;
  };
  const check = () => {
    if (result.dom >= 0) return;
    const el = holder();
    if (!el) return;
    if (!shown(el)) { requestAnimationFrame(check); return; }
    result.dom = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { result.painted = performance.now(); };
      channel.port2.postMessage(0);
    });
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
})();`

/** The first words of the first section's first block: what the Read view at `/` must show. */
function firstText(pack: Pack): string {
  const block = pack.sections[0]?.blocks[0]
  if (!block) throw new Error('the pack has no first block')
  const text = block.kind === 'bullets' ? (block.items?.[0] ?? '') : blockPlainText(block)
  return text.split(/\s+/).slice(0, 6).join(' ')
}

async function buildBlankPage(root: string): Promise<string> {
  // Inside node_modules/.cache so `vue` resolves from the project.
  const dir = join(root, 'node_modules/.cache/rd-blank-page')
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
  await writeFile(
    join(dir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title><script type="module" src="./main.js"></script></head><body><div id="app"></div></body></html>'
  )
  await writeFile(
    join(dir, 'main.js'),
    `import { createApp, h } from 'vue'\ncreateApp({ render: () => h('p', ${JSON.stringify(BLANK_LINE)}) }).mount('#app')\n`
  )
  await build({ root: dir, logLevel: 'silent', build: { outDir: join(dir, 'dist'), emptyOutDir: true } })
  return join(dir, 'dist')
}

/** The headers the host sends with its page and with a script, as it sends them in this run. */
async function hostHeaders(hostUrl: string): Promise<{ page: Record<string, string>; asset: Record<string, string> }> {
  const pick = (res: Response): Record<string, string> =>
    Object.fromEntries(COPIED.flatMap((h) => (res.headers.get(h) === null ? [] : [[h, res.headers.get(h)!]])))
  const page = await fetch(hostUrl)
  const html = await page.text()
  const script = html.match(/<script[^>]*type="module"[^>]*src="([^"]+)"/)?.[1]
  if (!script) throw new Error('the host page has no module script')
  const asset = await fetch(new URL(script, hostUrl))
  await asset.arrayBuffer()
  return { page: pick(page), asset: pick(asset) }
}

async function serveStatic(dir: string, headers: { page: Record<string, string>; asset: Record<string, string> }): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!
    const file = join(dir, path === '/' ? 'index.html' : path)
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end()
      return
    }
    const extra = path === '/' ? headers.page : headers.asset
    void readFile(file).then((body) => res.writeHead(200, { ...extra, 'content-type': MIME[extname(file)] ?? 'application/octet-stream' }).end(body))
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` }
}

async function loadOnce(browser: Browser, url: string, needle: string): Promise<{ ms: number; js: string[] }> {
  const context = await browser.newContext()
  try {
    await context.addInitScript({ content: probe(needle) })
    const page = await context.newPage()
    const js: string[] = []
    page.on('request', (request) => {
      if (request.resourceType() === 'script') js.push(request.url())
    })
    await page.goto(url, { waitUntil: 'commit' })
    type Probe = { painted: number } | undefined
    // Functions, not strings: the page's CSP forbids eval.
    await page.waitForFunction(() => ((globalThis as { __firstText?: Probe }).__firstText?.painted ?? -1) >= 0, undefined, { timeout: 60_000 })
    const result = (await page.evaluate(() => (globalThis as { __firstText?: Probe }).__firstText))!
    return { ms: result.painted, js }
  } finally {
    await context.close()
  }
}

async function gzipKb(urls: readonly string[]): Promise<number> {
  let total = 0
  for (const url of urls) total += gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer())).length
  return Math.round((total / 1024) * 100) / 100
}

export async function measurePaint(root: string, dataDir: string, pack: Pack, pairs = 15): Promise<PaintBench> {
  const needle = firstText(pack)
  const blankDir = await buildBlankPage(root)
  const host = await startHost(root, dataDir)
  const blank = await serveStatic(blankDir, await hostHeaders(host.url))
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']
  })
  try {
    // Warm both once (disk caches, the host's first answers), then alternate,
    // so a busy moment on the machine falls on both alike.
    const blankWarm = await loadOnce(browser, blank.url, BLANK_LINE)
    await loadOnce(browser, host.url, needle)
    const blankRuns: number[] = []
    const appRuns: number[] = []
    const appJs = new Set<string>()
    for (let i = 0; i < pairs; i++) {
      blankRuns.push((await loadOnce(browser, blank.url, BLANK_LINE)).ms)
      const app = await loadOnce(browser, host.url, needle)
      appRuns.push(app.ms)
      app.js.forEach((u) => appJs.add(u))
    }
    const files = [...appJs].sort()
    return {
      first_text: spread(appRuns),
      first_text_blank: spread(blankRuns),
      route_js_gzip_kb: await gzipKb(files),
      route_js_files: files.map((u) => new URL(u).pathname),
      blank_js_gzip_kb: await gzipKb(blankWarm.js),
      needle
    }
  } finally {
    await browser.close()
    blank.server.close()
    await host.stop()
  }
}
