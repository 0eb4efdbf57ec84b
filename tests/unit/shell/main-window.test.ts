// Why: the window's security settings and lifecycle rules are invariants; they
// are checked here against a mocked `electron` because the binary is absent.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createElectronMock, FakeWebContents } from './electron-mock'

const electron = vi.hoisted(() => ({ current: null as ReturnType<typeof createElectronMock> | null }))
const services = vi.hoisted(() => ({
  create: vi.fn(async () => ({ handlers: {}, sourceAddresses: ['https://www.mea.gov.in/x'], close: vi.fn(async () => undefined) }))
}))
vi.mock('../../../src/main/services/app-services', () => ({ createAppServices: services.create }))

async function loadShell() {
  return import('../../../src/main/index')
}
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

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

  it('opens one window with those preferences and the built page', async () => {
    await loadShell()
    await flush()
    await flush()
    const win = electron.current!.state.windows[0]!
    expect(electron.current!.state.windows).toHaveLength(1)
    expect((win.options['webPreferences'] as Record<string, unknown>)['sandbox']).toBe(true)
    expect((win.options['webPreferences'] as Record<string, unknown>)['preload']).toMatch(/preload[\\/]index\.cjs$/)
    expect((win as unknown as { loadFile: ReturnType<typeof vi.fn> }).loadFile).toHaveBeenCalledWith(expect.stringMatching(/renderer[\\/]index\.html$/))
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
    await flush()
    await flush()
    electron.current!.module.app.emit('second-instance')
    expect(electron.current!.state.windows[0]!.focus).toHaveBeenCalled()
  })

  it('uses REVISION_DESK_DATA_DIR for the data folder and the instance lock', async () => {
    process.env['REVISION_DESK_DATA_DIR'] = '/tmp/rd-test-data'
    await loadShell()
    await flush()
    expect(electron.current!.module.app.setPath).toHaveBeenCalledWith('userData', '/tmp/rd-test-data')
    expect(services.create).toHaveBeenCalledWith(expect.objectContaining({ dataDir: '/tmp/rd-test-data', host: 'electron' }))
  })

  it('pins the data folder to <appData>/revision-desk by default', async () => {
    await loadShell()
    await flush()
    expect(electron.current!.module.app.setPath).toHaveBeenCalledWith('userData', expect.stringMatching(/[\\/]fake[\\/]appData[\\/]revision-desk$/))
    expect(services.create).toHaveBeenCalledWith(expect.objectContaining({ dataDir: expect.stringMatching(/revision-desk$/) }))
  })

  it('denies every permission request and check', async () => {
    await loadShell()
    await flush()
    const s = electron.current!.module.session.defaultSession
    const request = s.setPermissionRequestHandler.mock.calls[0]![0] as (c: unknown, p: string, cb: (ok: boolean) => void) => void
    const callback = vi.fn()
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) request({}, permission, callback)
    expect(callback.mock.calls.every(([granted]) => granted === false)).toBe(true)
    expect((s.setPermissionCheckHandler.mock.calls[0]![0] as () => boolean)()).toBe(false)
  })

  it('flushes pending writes before quitting', async () => {
    await loadShell()
    await flush()
    await flush()
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

describe('navigation, new windows and links out', () => {
  const page = { kind: 'file', indexFile: '/opt/app/out/renderer/index.html' } as const
  const hosts = new Set(['www.mea.gov.in'])

  beforeEach(() => {
    vi.resetModules()
    electron.current = createElectronMock()
    vi.doMock('electron', () => electron.current!.module)
  })

  it.each([
    ['file:///opt/app/out/renderer/index.html#/compare', false],
    ['https://www.mea.gov.in/', true],
    ['http://127.0.0.1:5199/', true],
    ['file:///etc/passwd', true],
    ['javascript:alert(1)', true],
    ['about:blank', true]
  ])('will-navigate to %s → prevented: %s', async (url, prevented) => {
    const { hardenContents } = await loadShell()
    const contents = new FakeWebContents()
    hardenContents(contents as never, page, hosts)
    const event = { preventDefault: vi.fn() }
    contents.emit('will-navigate', event, url)
    expect(event.preventDefault).toHaveBeenCalledTimes(prevented ? 1 : 0)
  })

  it.each([
    ['https://www.mea.gov.in/bilateral', true],
    ['https://www.mea.gov.in.attacker.com/', false],
    ['http://www.mea.gov.in/', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false]
  ])('window.open(%s) is denied; opened in the system browser: %s', async (url, external) => {
    const { hardenContents } = await loadShell()
    const contents = new FakeWebContents()
    hardenContents(contents as never, page, hosts)
    expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' })
    expect(electron.current!.module.shell.openExternal).toHaveBeenCalledTimes(external ? 1 : 0)
  })

  it('refuses to attach a webview', async () => {
    const { hardenContents } = await loadShell()
    const contents = new FakeWebContents()
    hardenContents(contents as never, page, hosts)
    const event = { preventDefault: vi.fn() }
    contents.emit('will-attach-webview', event)
    expect(event.preventDefault).toHaveBeenCalled()
  })
})
