// Why: a stand-in for the `electron` module, since the binary cannot be
// downloaded here; it records what the shell asks of Electron.
import { vi } from 'vitest'

type Listener = (...args: unknown[]) => unknown

export class FakeEmitter {
  listeners = new Map<string, Listener[]>()
  on(name: string, fn: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn])
    return this
  }
  once(name: string, fn: Listener): this {
    return this.on(name, fn)
  }
  emit(name: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(name) ?? []).map((fn) => fn(...args))
  }
}

export class FakeWebContents extends FakeEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  setWindowOpenHandler(fn: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = fn
  }
}

export function createElectronMock() {
  const state = {
    lock: true,
    paths: { userData: '/fake/userData' } as Record<string, string>,
    windows: [] as Array<{
      options: Record<string, unknown>
      webContents: FakeWebContents
      focus: ReturnType<typeof vi.fn>
      restore: ReturnType<typeof vi.fn>
      destroy: () => void
      loadURL: ReturnType<typeof vi.fn<(url: string) => Promise<undefined>>>
      isMinimized: () => boolean
      emit: (name: string, ...args: unknown[]) => unknown[]
    }>,
    ready: Promise.resolve() as Promise<void>,
    menuTemplate: null as unknown,
    /** Set, and every window's loadURL fails with it (as Electron's does when the page cannot load). */
    loadError: null as Error | null
  }
  const app = Object.assign(new FakeEmitter(), {
    isPackaged: false,
    getPath: vi.fn((name: string) => state.paths[name] ?? `/fake/${name}`),
    setPath: vi.fn((name: string, value: string) => {
      state.paths[name] = value
    }),
    getAppPath: vi.fn(() => '/fake/app'),
    getVersion: vi.fn(() => '0.0.0-test'),
    requestSingleInstanceLock: vi.fn(() => state.lock),
    releaseSingleInstanceLock: vi.fn(),
    quit: vi.fn(),
    exit: vi.fn(),
    whenReady: vi.fn(() => state.ready)
  })
  class BrowserWindow extends FakeEmitter {
    webContents = new FakeWebContents()
    focus = vi.fn()
    restore = vi.fn()
    show = vi.fn()
    destroy = vi.fn(() => {
      state.windows.splice(state.windows.indexOf(this), 1)
    })
    isMinimized = (): boolean => false
    loadFile = vi.fn(async () => undefined)
    loadURL = vi.fn(async (_url: string) => {
      if (state.loadError) throw state.loadError
      return undefined
    })
    constructor(public options: Record<string, unknown>) {
      super()
      state.windows.push(this)
    }
    static getAllWindows(): BrowserWindow[] {
      return [...state.windows] as unknown as BrowserWindow[]
    }
  }
  const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() }
  const Menu = {
    buildFromTemplate: vi.fn((template: unknown) => ({ template })),
    setApplicationMenu: vi.fn((menu: { template: unknown } | null) => {
      state.menuTemplate = menu?.template ?? null
    })
  }
  const defaultSession = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn()
  }
  const ipcMain = { handle: vi.fn(), removeHandler: vi.fn() }
  const shell = { openExternal: vi.fn(async () => undefined), openPath: vi.fn(async (_path: string) => '') }
  const dialog = {
    showErrorBox: vi.fn((_title: string, _content: string) => undefined),
    showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: undefined as string | undefined }))
  }
  const contextBridge = { exposeInMainWorld: vi.fn() }
  const ipcRenderer = { invoke: vi.fn(async () => ({ ok: true, value: null })) }
  return { state, module: { app, BrowserWindow, dialog, Menu, protocol, session: { defaultSession }, ipcMain, shell, contextBridge, ipcRenderer } }
}
