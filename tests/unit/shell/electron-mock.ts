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
    windows: [] as Array<{ options: Record<string, unknown>; webContents: FakeWebContents; focus: ReturnType<typeof vi.fn>; restore: ReturnType<typeof vi.fn>; isMinimized: () => boolean }>,
    ready: Promise.resolve() as Promise<void>
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
    quit: vi.fn(),
    whenReady: vi.fn(() => state.ready)
  })
  class BrowserWindow extends FakeEmitter {
    webContents = new FakeWebContents()
    focus = vi.fn()
    restore = vi.fn()
    show = vi.fn()
    isMinimized = (): boolean => false
    loadFile = vi.fn(async () => undefined)
    loadURL = vi.fn(async () => undefined)
    constructor(public options: Record<string, unknown>) {
      super()
      state.windows.push(this)
    }
  }
  const defaultSession = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn()
  }
  const ipcMain = { handle: vi.fn(), removeHandler: vi.fn() }
  const shell = { openExternal: vi.fn(async () => undefined), openPath: vi.fn(async (_path: string) => '') }
  const dialog = { showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: undefined as string | undefined })) }
  const contextBridge = { exposeInMainWorld: vi.fn() }
  const ipcRenderer = { invoke: vi.fn(async () => ({ ok: true, value: null })) }
  return { state, module: { app, BrowserWindow, dialog, session: { defaultSession }, ipcMain, shell, contextBridge, ipcRenderer } }
}
