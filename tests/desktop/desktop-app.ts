// Why: launches the BUILT main (out/main/index.js) under plain Node with the
// stand-in electron, as its own process (so a relaunch and a second instance
// are real processes), and plays Chromium's part: each window main loads is a
// Playwright page whose requests go through the protocol handler main
// registered, whose window.api is the built preload's, and whose navigations
// and popups are put to main's will-navigate and window-open handlers.
//
// One liberty: vanilla Chromium cannot register a privileged standard scheme,
// so the page is shown at https://revision-desk/… (same host and path) and
// every URL crossing to main is swapped back to app://revision-desk/….
import { fork, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page, Request, Route } from '@playwright/test'
import { loadPreload, pageApiScript, type FrameInfo, type LoadedPreload } from './preload-bridge'

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const registerHook = fileURLToPath(new URL('./stand-in/register.mjs', import.meta.url))
const APP = 'app://revision-desk'
const SHOWN = 'https://revision-desk'

export const toShown = (url: string): string => (url.startsWith(APP + '/') || url === APP ? SHOWN + url.slice(APP.length) : url)
export const toApp = (url: string): string => (url.startsWith(SHOWN + '/') || url === SHOWN ? APP + url.slice(SHOWN.length) : url)

export interface RecordEntry {
  area: string
  what: string
  detail: Record<string, unknown>
}

export interface LaunchOptions {
  /** Where the app's files are: the project root (npm start) or a packaged app folder. */
  appPath?: string
  /** Electron's appData; userData defaults under it. */
  appData: string
  /** REVISION_DESK_DATA_DIR, when the test pins the data folder. */
  dataDir?: string
  /** Packaged layout: app.isPackaged is true and process.resourcesPath is this folder. */
  resourcesPath?: string
  /** Chromium, for launches that show a window; without it a load only checks the page is served. */
  browser?: Browser
  env?: Record<string, string>
}

export class DesktopApp {
  readonly records: RecordEntry[] = []
  readonly offline: string[] = []
  readonly pages = new Map<number, Page>()
  readonly exited: Promise<number | null>
  output = ''
  private nextId = 1
  private waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  private context: BrowserContext | null = null
  private preload: LoadedPreload | null = null
  private pageWaiters: Array<(page: Page) => void> = []

  private constructor(
    private readonly child: ChildProcess,
    private readonly options: LaunchOptions
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)))
    child.stdout!.setEncoding('utf8').on('data', (s: string) => (this.output += s))
    child.stderr!.setEncoding('utf8').on('data', (s: string) => (this.output += s))
    child.on('message', (message: Record<string, unknown>) => void this.onMessage(message))
  }

  static launch(options: LaunchOptions): DesktopApp {
    const appPath = options.appPath ?? repoRoot
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      RD_STANDIN_APP_PATH: appPath,
      RD_STANDIN_APPDATA: options.appData,
      ...(options.resourcesPath ? { RD_STANDIN_PACKAGED: '1', RD_STANDIN_RESOURCES_PATH: options.resourcesPath } : {}),
      ...(options.env ?? {})
    }
    delete env['REVISION_DESK_DATA_DIR']
    delete env['ELECTRON_RENDERER_URL']
    if (options.dataDir) env['REVISION_DESK_DATA_DIR'] = options.dataDir
    const child = fork(join(appPath, 'out', 'main', 'index.js'), [], {
      cwd: appPath,
      env,
      execArgv: ['--import', registerHook],
      serialization: 'advanced',
      stdio: ['ignore', 'pipe', 'pipe', 'ipc']
    })
    return new DesktopApp(child, options)
  }

  find(area: string, what: string): RecordEntry[] {
    return this.records.filter((r) => r.area === area && r.what === what)
  }

  /** Asks the main process (the stand-in) to act as Electron would on an outside event. */
  call<T>(kind: string, payload: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject })
      this.child.send({ type: 'call', id, kind, payload })
    })
  }

  firstWindow(): Promise<Page> {
    const open = [...this.pages.values()][0]
    if (open) return Promise.resolve(open)
    return new Promise((resolve) => this.pageWaiters.push(resolve))
  }

  /** The student closes the window (and, off macOS, the app quits). */
  async closeWindow(windowId = 1): Promise<void> {
    await this.call('close-window', { windowId })
  }

  async kill(): Promise<void> {
    if (this.child.exitCode === null) this.child.kill('SIGKILL')
    await this.exited
    await this.context?.close().catch(() => undefined)
  }

  private async onMessage(message: Record<string, unknown>): Promise<void> {
    if (message['type'] === 'record') {
      this.records.push({ area: message['area'] as string, what: message['what'] as string, detail: message['detail'] as Record<string, unknown> })
    } else if (message['type'] === 'result') {
      const pending = this.waiting.get(message['id'] as number)
      this.waiting.delete(message['id'] as number)
      if (message['error']) pending?.reject(new Error(message['error'] as string))
      else pending?.resolve(message['value'])
    } else if (message['type'] === 'exit') {
      await this.context?.close().catch(() => undefined)
    } else if (message['type'] === 'ask') {
      const reply = (value: unknown, error?: string) => this.child.connected && this.child.send({ type: 'answer', id: message['id'], value, error })
      try {
        reply(await this.onAsk(message['kind'] as string, message['payload'] as Record<string, unknown>))
      } catch (error) {
        reply(null, error instanceof Error ? error.message : String(error))
      }
    }
  }

  private async onAsk(kind: string, payload: Record<string, unknown>): Promise<unknown> {
    if (kind === 'close-page') {
      await this.pages.get(payload['windowId'] as number)?.close()
      this.pages.delete(payload['windowId'] as number)
      return null
    }
    if (kind !== 'load') throw new Error(`unknown ask ${kind}`)
    const windowId = payload['windowId'] as number
    const url = payload['url'] as string
    if (!this.options.browser) {
      // No Chromium for this launch: the load succeeds if main serves the page.
      const served = await this.call<{ status: number }>('protocol', { url, method: 'GET' })
      if (served.status !== 200) throw new Error(`ERR_FILE_NOT_FOUND (${served.status}) loading '${url}'`)
      return null
    }
    const page = await this.openPage(windowId)
    // Electron creates no window when the handler denies; Chromium already made one, so shut it.
    page.on('popup', (popup) => void popup.close())
    await page.goto(toShown(url))
    this.pages.set(windowId, page)
    for (const waiter of this.pageWaiters.splice(0)) waiter(page)
    return null
  }

  private frameInfo(frame: import('@playwright/test').Frame): FrameInfo {
    const url = toApp(frame.url())
    const parent = frame.parentFrame()
    let origin = 'null'
    try {
      const parsed = new URL(url)
      origin = `${parsed.protocol}//${parsed.host}`
    } catch {
      // about:blank and the like have an opaque origin.
    }
    return { url, origin, isMainFrame: parent === null, parentUrl: parent ? toApp(parent.url()) : null }
  }

  private async openPage(windowId: number): Promise<Page> {
    if (!this.context) {
      this.context = await this.options.browser!.newContext()
      const created = this.find('window', 'created')[0]!.detail['options'] as { webPreferences: { preload: string } }
      this.preload = loadPreload(created.webPreferences.preload, (channel, args, frame) => this.call('invoke', { channel, args, frame, windowId }))
      await this.context.exposeBinding('__rdBridge', async (source, method: string, args: unknown[]) =>
        this.preload!.call(method, args, this.frameInfo(source.frame))
      )
      await this.context.addInitScript({ content: pageApiScript(this.preload.key, this.preload.methods) })
      await this.context.route('**/*', (route, request) => this.route(route, request, windowId))
    }
    return this.context.newPage()
  }

  private async route(route: Route, request: Request, windowId: number): Promise<void> {
    const url = request.url()
    let frame: import('@playwright/test').Frame
    try {
      frame = request.frame()
    } catch {
      // A navigation with no frame yet is a new window the page tried to open: main's window-open handler decides.
      const verdict = await this.call<{ action: string }>('window-open', { windowId, url: toApp(url) })
      this.records.push({ area: 'driver', what: 'window-open', detail: { url, action: verdict.action } })
      return route.abort('blockedbyclient')
    }
    const page = frame.page()
    const appPage = [...this.pages.values()].includes(page) || this.pages.size === 0
    const ours = url.startsWith(SHOWN + '/')
    const initial = appPage && request.isNavigationRequest() && frame.parentFrame() === null && page.url() === 'about:blank'
    if (request.isNavigationRequest() && frame.parentFrame() === null && !initial) {
      const { prevented } = await this.call<{ prevented: boolean }>('navigate', { windowId, url: toApp(url), kind: 'will-navigate', isMainFrame: true })
      this.records.push({ area: 'driver', what: 'will-navigate', detail: { url, prevented } })
      if (prevented || !ours) return route.abort('aborted')
    }
    if (!ours) {
      this.offline.push(url)
      return route.abort('internetdisconnected')
    }
    const origin = request.headers()['origin']
    const served = await this.call<{ status: number; headers: Record<string, string>; body: Uint8Array }>('protocol', {
      url: toApp(url),
      method: request.method(),
      ...(origin ? { initiatorOrigin: toApp(origin) } : {})
    })
    await route.fulfill({ status: served.status, headers: served.headers, body: Buffer.from(served.body) })
  }
}
