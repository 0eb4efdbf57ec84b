// Why: the window may only ever show our own page; a link out opens in the
// system browser only for a host the notes cite. Checked against a mocked
// `electron`, because the binary is absent.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createElectronMock, FakeWebContents } from './electron-mock'

const electron = vi.hoisted(() => ({ current: null as ReturnType<typeof createElectronMock> | null }))
vi.mock('../../../src/main/services/app-services', () => ({ createAppServices: vi.fn(async () => new Promise(() => undefined)) }))

async function loadShell() {
  return import('../../../src/main/index')
}
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('navigation, new windows and links out', () => {
  const page = { origin: 'app://revision-desk' } as const
  const hostSet = new Set(['www.mea.gov.in'])
  const hosts = () => hostSet

  beforeEach(() => {
    vi.resetModules()
    electron.current = createElectronMock()
    vi.doMock('electron', () => electron.current!.module)
  })

  it.each([
    ['app://revision-desk/index.html#/compare', false],
    ['file:///opt/app/out/renderer/index.html#/compare', true],
    ['app://revision-desk.evil/index.html', true],
    ['https://www.mea.gov.in/', true],
    ['http://127.0.0.1:5199/', true],
    ['file:///etc/passwd', true],
    ['javascript:alert(1)', true],
    ['about:blank', true]
  ])('will-navigate to %s → prevented: %s', async (url, prevented) => {
    const { hardenContents } = await loadShell()
    const contents = new FakeWebContents()
    hardenContents(contents as never, page, hosts)
    // Electron 45 passes one details event; the positional URL is deprecated, so give it a decoy.
    const details = { url, isMainFrame: true, isSameDocument: false, preventDefault: vi.fn() }
    contents.emit('will-navigate', details, 'app://revision-desk/index.html')
    expect(details.preventDefault).toHaveBeenCalledTimes(prevented ? 1 : 0)
    const redirect = { url, isMainFrame: true, isSameDocument: false, preventDefault: vi.fn() }
    contents.emit('will-redirect', redirect, 'app://revision-desk/index.html')
    expect(redirect.preventDefault).toHaveBeenCalledTimes(prevented ? 1 : 0)
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

  it('catches a failure to open the system browser', async () => {
    const { hardenContents } = await loadShell()
    electron.current!.module.shell.openExternal.mockRejectedValueOnce(new Error('no handler for https'))
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const contents = new FakeWebContents()
    hardenContents(contents as never, page, hosts)
    expect(contents.windowOpenHandler!({ url: 'https://www.mea.gov.in/x' })).toEqual({ action: 'deny' })
    await flush()
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('https://www.mea.gov.in/x'), expect.any(Error))
    warn.mockRestore()
  })

  it('asks for the allowed hosts at each click, so an imported pack counts at once', async () => {
    const { hardenContents } = await loadShell()
    const live = new Set<string>()
    const contents = new FakeWebContents()
    hardenContents(contents as never, page, () => live)
    contents.windowOpenHandler!({ url: 'https://pib.gov.in/a' })
    expect(electron.current!.module.shell.openExternal).not.toHaveBeenCalled()
    live.add('pib.gov.in')
    contents.windowOpenHandler!({ url: 'https://pib.gov.in/a' })
    expect(electron.current!.module.shell.openExternal).toHaveBeenCalledWith('https://pib.gov.in/a')
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
