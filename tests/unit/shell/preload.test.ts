// Why: the page must see exactly the contract's functions, never ipcRenderer.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '../../../src/shared/channels'
import { contract } from '../../../src/shared/contract'
import { createElectronMock } from './electron-mock'

const electron = vi.hoisted(() => ({ current: null as ReturnType<typeof createElectronMock> | null }))

describe('preload', () => {
  beforeEach(() => {
    vi.resetModules()
    electron.current = createElectronMock()
    vi.doMock('electron', () => electron.current!.module)
  })

  it('exposes window.api with exactly the contract keys', async () => {
    await import('../../../src/preload/index')
    const expose = electron.current!.module.contextBridge.exposeInMainWorld
    expect(expose).toHaveBeenCalledTimes(1)
    const [name, api] = expose.mock.calls[0] as [string, Record<string, unknown>]
    expect(name).toBe('api')
    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort())
    expect(Object.keys(contract).sort()).toEqual([...CHANNELS].sort())
    expect(Object.isFrozen(api)).toBe(true)
    for (const value of Object.values(api)) expect(typeof value).toBe('function')
    expect(api).not.toHaveProperty('invoke')
    expect(api).not.toHaveProperty('ipcRenderer')
  })

  it('forwards each call to its own channel with the input unchanged', async () => {
    await import('../../../src/preload/index')
    const api = electron.current!.module.contextBridge.exposeInMainWorld.mock.calls[0]![1] as Record<string, (input?: unknown) => Promise<unknown>>
    const invoke = electron.current!.module.ipcRenderer.invoke
    await api['settings:update']!({ theme: 'dark' })
    expect(invoke).toHaveBeenLastCalledWith('settings:update', { theme: 'dark' })
    await api['packs:list']!()
    expect(invoke).toHaveBeenLastCalledWith('packs:list', undefined)
  })
})
