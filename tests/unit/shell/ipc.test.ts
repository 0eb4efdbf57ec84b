// Why: every IPC call passes the sender check before the dispatcher; a call
// from another frame or page never reaches a service.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '../../../src/shared/channels'
import type { Dispatch } from '../../../src/main/dispatch'
import type { TrustedPage } from '../../../src/main/security/page-policy'
import { createElectronMock } from './electron-mock'

const electron = vi.hoisted(() => ({ current: null as ReturnType<typeof createElectronMock> | null }))

const page: TrustedPage = { origin: 'app://revision-desk' }
const ours = 'app://revision-desk/index.html#/read'

describe('IPC registration', () => {
  beforeEach(() => {
    vi.resetModules()
    electron.current = createElectronMock()
    vi.doMock('electron', () => electron.current!.module)
  })

  it('registers exactly one handler per contract channel, and removes them', async () => {
    const { registerIpc } = await import('../../../src/main/ipc')
    const dispose = registerIpc(vi.fn(), page)
    const handle = electron.current!.module.ipcMain.handle
    expect(handle.mock.calls.map((c) => c[0]).sort()).toEqual([...CHANNELS].sort())
    dispose()
    expect(electron.current!.module.ipcMain.removeHandler).toHaveBeenCalledTimes(CHANNELS.length)
  })

  it('passes a call from our page to the dispatcher', async () => {
    const { registerIpc } = await import('../../../src/main/ipc')
    const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, value: 'x' }))
    registerIpc(dispatch, page)
    const [, handler] = electron.current!.module.ipcMain.handle.mock.calls.find((c) => c[0] === 'settings:update')!
    const result = await (handler as (e: unknown, i: unknown) => Promise<unknown>)({ senderFrame: { url: ours, parent: null } }, { theme: 'dark' })
    expect(result).toEqual({ ok: true, value: 'x' })
    expect(dispatch).toHaveBeenCalledWith('settings:update', { theme: 'dark' })
  })

  it.each([
    ['a missing frame', null],
    ['a child frame', { url: ours, parent: {} }],
    ['a file page', { url: 'file:///tmp/evil.html', parent: null }],
    ['our built page opened as a file', { url: 'file:///opt/app/out/renderer/index.html', parent: null }],
    ['a look-alike host', { url: 'app://revision-desk.evil/index.html', parent: null }],
    ['another app host', { url: 'app://other/index.html', parent: null }],
    ['a web page', { url: 'https://example.com/', parent: null }],
    ['a devtools page', { url: 'devtools://devtools/bundled/index.html', parent: null }]
  ])('refuses %s with a forbidden error and never dispatches', async (_name, frame) => {
    const { handleInvoke } = await import('../../../src/main/ipc')
    const dispatch = vi.fn<Dispatch>()
    const result = await handleInvoke(dispatch, page, { senderFrame: frame as never }, 'settings:get', undefined)
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(dispatch).not.toHaveBeenCalled()
  })
})
