// Why: the window's security settings and lifecycle rules are invariants; they
// are checked here against a mocked `electron` because the binary is absent.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createElectronMock } from './electron-mock'

const electron = vi.hoisted(() => ({ current: null as ReturnType<typeof createElectronMock> | null }))
const services = vi.hoisted(() => ({
  create: vi.fn(async (_opts: Record<string, unknown>) => ({
    handlers: {},
    sourceAddresses: () => ['https://www.mea.gov.in/x'],
    close: vi.fn(async () => undefined)
  }))
}))
vi.mock('../../../src/main/services/app-services', () => ({ createAppServices: services.create }))

async function loadShell() {
  return import('../../../src/main/index')
}
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))
/** Start-up reads the built page's CSP from disk, so wait until it has shown a window or given up. */
async function settle(): Promise<void> {
  const mock = electron.current!
  await vi.waitFor(
    () => {
      const loaded = mock.state.windows.some((w) => w.loadURL.mock.calls.length > 0)
      if (!loaded && mock.module.app.exit.mock.calls.length === 0) throw new Error('still starting')
    },
    { timeout: 30_000 }
  )
  await flush()
}

describe('main window and lifecycle', () => {
  beforeEach(() => {
    vi.resetModules()
    electron.current = createElectronMock()
    vi.doMock('electron', () => electron.current!.module)
    services.create.mockClear()
    delete process.env['REVISION_DESK_DATA_DIR']
    delete process.env['ELECTRON_RENDERER_URL']
  })
  afterEach(() => {
    delete process.env['REVISION_DESK_DATA_DIR']
  })

  it('keeps the renderer isolated and sandboxed', async () => {
    const { webPreferencesFor } = await loadShell()
    const prefs = webPreferencesFor('/x/preload/index.cjs')
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick'
    })
    expect(prefs.preload).toMatch(/\.cjs$/)
  })

  it('opens one window with those preferences and the page from the app scheme', async () => {
    await loadShell()
    await settle()
    const win = electron.current!.state.windows[0]!
    expect(electron.current!.state.windows).toHaveLength(1)
    expect((win.options['webPreferences'] as Record<string, unknown>)['sandbox']).toBe(true)
    expect((win.options['webPreferences'] as Record<string, unknown>)['preload']).toMatch(/preload[\\/]index\.cjs$/)
    expect(win.loadURL).toHaveBeenCalledWith('app://revision-desk/index.html')
    expect((win as unknown as { loadFile: ReturnType<typeof vi.fn> }).loadFile).not.toHaveBeenCalled()
  })

  it('registers app:// as a standard, secure scheme before ready, and serves it', async () => {
    await loadShell()
    await settle()
    const { protocol } = electron.current!.module
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }
    ])
    const privileges = protocol.registerSchemesAsPrivileged.mock.calls[0]![0][0].privileges as Record<string, unknown>
    expect(privileges['bypassCSP']).toBeUndefined()
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
    const handler = protocol.handle.mock.calls[0]![1] as (r: { url: string; method: string }) => Promise<Response>
    const page = await handler({ url: 'app://revision-desk/index.html', method: 'GET' })
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect((await handler({ url: 'app://revision-desk/../../etc/passwd', method: 'GET' })).status).toBeGreaterThanOrEqual(400)
  })

  it('has no DevTools or Reload in the packaged menu, and keeps them unpackaged', async () => {
    electron.current!.module.app.isPackaged = true
    Object.assign(process, { resourcesPath: '/opt/Revision Desk/resources' })
    await loadShell()
    await settle()
    expect(services.create).toHaveBeenCalledWith(expect.objectContaining({ packsDir: join('/opt/Revision Desk/resources', 'packs') }))
    const roles = (t: unknown): string[] => JSON.stringify(t).match(/"role":"(\w+)"/g) ?? []
    const packaged = roles(electron.current!.state.menuTemplate).join(' ')
    expect(packaged).not.toMatch(/toggleDevTools|reload|forceReload/i)
    expect(packaged).toMatch(/editMenu/)
    expect((electron.current!.state.windows[0]!.options['webPreferences'] as Record<string, unknown>)['devTools']).toBe(false)

    vi.resetModules()
    electron.current = createElectronMock()
    vi.doMock('electron', () => electron.current!.module)
    await loadShell()
    await settle()
    expect(roles(electron.current!.state.menuTemplate).join(' ')).toMatch(/toggleDevTools.*/)
  })

  it('shows an error box naming the data folder, lets go of the lock and exits when start-up fails', async () => {
    process.env['REVISION_DESK_DATA_DIR'] = '/tmp/rd-broken-data'
    services.create.mockRejectedValueOnce(new Error('EACCES: permission denied, open settings.json'))
    await loadShell()
    await settle()
    const { app, dialog } = electron.current!.module
    expect(dialog.showErrorBox).toHaveBeenCalledTimes(1)
    const [title, text] = dialog.showErrorBox.mock.calls[0]!
    expect(title).toBe('Revision Desk could not start')
    expect(text).toContain('/tmp/rd-broken-data')
    expect(text).toContain('EACCES')
    expect(app.releaseSingleInstanceLock).toHaveBeenCalled()
    expect(app.exit).toHaveBeenCalledWith(1)
    expect(electron.current!.state.windows).toHaveLength(0)
  })

  it('fails the same way when the window cannot load, and flushes the services it opened', async () => {
    const mock = electron.current!
    // Through the stand-in's own state, not a second vi.doMock: a second mock of 'electron' did not always replace the first (1 run in 5 loaded the plain window and waited out the timeout).
    mock.state.loadError = new Error('ERR_FAILED (-2) loading app://revision-desk/index.html')
    await loadShell()
    await vi.waitFor(() => expect(mock.module.app.exit).toHaveBeenCalled(), { timeout: 30_000 })
    const created = await services.create.mock.results[0]!.value
    expect(mock.module.dialog.showErrorBox).toHaveBeenCalledTimes(1)
    expect(mock.module.dialog.showErrorBox.mock.calls[0]![1]).toContain('ERR_FAILED')
    expect(created.close).toHaveBeenCalled()
    expect(mock.module.app.releaseSingleInstanceLock).toHaveBeenCalled()
    expect(mock.module.app.exit).toHaveBeenCalledWith(1)
    expect(mock.state.windows).toHaveLength(0)
  })

  it('resolves a relative REVISION_DESK_DATA_DIR against the working folder', async () => {
    process.env['REVISION_DESK_DATA_DIR'] = 'rd-relative-data'
    await loadShell()
    await settle()
    expect(electron.current!.module.app.setPath).toHaveBeenCalledWith('userData', join(process.cwd(), 'rd-relative-data'))
  })

  it('on macOS keeps running when the window closes, and opens a new window on activate', async () => {
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!
    Object.defineProperty(process, 'platform', { value: 'darwin' })
    try {
      await loadShell()
      await settle()
      const { app } = electron.current!.module
      const first = electron.current!.state.windows[0]!
      first.emit('closed')
      first.destroy()
      app.emit('window-all-closed')
      expect(app.quit).not.toHaveBeenCalled()
      app.emit('activate')
      await settle()
      expect(electron.current!.state.windows).toHaveLength(1)
      expect(electron.current!.state.windows[0]).not.toBe(first)
    } finally {
      Object.defineProperty(process, 'platform', platform)
    }
  })

  it('quits when the last window closes on Linux and Windows', async () => {
    await loadShell()
    await settle()
    electron.current!.module.app.emit('window-all-closed')
    expect(electron.current!.module.app.quit).toHaveBeenCalled()
  })

  it('quits at once when another instance holds the lock, and never opens the store', async () => {
    electron.current!.state.lock = false
    await loadShell()
    await flush()
    expect(electron.current!.module.app.quit).toHaveBeenCalled()
    expect(services.create).not.toHaveBeenCalled()
    expect(electron.current!.state.windows).toHaveLength(0)
  })

  it('focuses the first window on a second launch', async () => {
    await loadShell()
    await settle()
    electron.current!.module.app.emit('second-instance')
    expect(electron.current!.state.windows[0]!.focus).toHaveBeenCalled()
  })

  it('uses REVISION_DESK_DATA_DIR for the data folder and the instance lock', async () => {
    process.env['REVISION_DESK_DATA_DIR'] = '/tmp/rd-test-data'
    await loadShell()
    await settle()
    expect(electron.current!.module.app.setPath).toHaveBeenCalledWith('userData', '/tmp/rd-test-data')
    expect(services.create).toHaveBeenCalledWith(expect.objectContaining({ dataDir: '/tmp/rd-test-data', host: 'electron' }))
  })

  it('pins the data folder to <appData>/revision-desk by default', async () => {
    await loadShell()
    await settle()
    expect(electron.current!.module.app.setPath).toHaveBeenCalledWith('userData', expect.stringMatching(/[\\/]fake[\\/]appData[\\/]revision-desk$/))
    expect(services.create).toHaveBeenCalledWith(expect.objectContaining({ dataDir: expect.stringMatching(/revision-desk$/) }))
  })

  it('denies every permission request and check', async () => {
    await loadShell()
    await settle()
    const s = electron.current!.module.session.defaultSession
    const request = s.setPermissionRequestHandler.mock.calls[0]![0] as (c: unknown, p: string, cb: (ok: boolean) => void) => void
    const callback = vi.fn()
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) request({}, permission, callback)
    expect(callback.mock.calls.every(([granted]) => granted === false)).toBe(true)
    expect((s.setPermissionCheckHandler.mock.calls[0]![0] as () => boolean)()).toBe(false)
  })

  it('flushes pending writes before quitting', async () => {
    await loadShell()
    await settle()
    const created = await services.create.mock.results[0]!.value
    const event = { preventDefault: vi.fn() }
    electron.current!.module.app.emit('before-quit', event)
    expect(event.preventDefault).toHaveBeenCalled()
    await flush()
    expect(created.close).toHaveBeenCalled()
    expect(electron.current!.module.app.quit).toHaveBeenCalled()
  })
})

describe('desktop platform', () => {
  beforeEach(() => {
    vi.resetModules()
    electron.current = createElectronMock()
    vi.doMock('electron', () => electron.current!.module)
  })

  it('writes an export where the student chose in the save dialog', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rd-save-'))
    const target = join(dir, 'notes.md')
    electron.current!.module.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target })
    const { electronPlatform } = await loadShell()
    expect(await electronPlatform().saveFile({ suggestedName: 'notes.md', content: '# Notes', mime: 'text/markdown' })).toEqual({ mode: 'saved', path: target })
    expect(await readFile(target, 'utf8')).toBe('# Notes')
    await rm(dir, { recursive: true, force: true })
  })

  it('writes nothing when the dialog is cancelled', async () => {
    const { electronPlatform } = await loadShell()
    expect(await electronPlatform().saveFile({ suggestedName: 'notes.md', content: 'x', mime: 'text/markdown' })).toEqual({ mode: 'cancelled' })
  })

  it('opens the data folder in the file manager', async () => {
    const { electronPlatform } = await loadShell()
    expect(await electronPlatform().openDataFolder('/tmp/data')).toEqual({ opened: true })
    expect(electron.current!.module.shell.openPath).toHaveBeenCalledWith('/tmp/data')
  })
})
