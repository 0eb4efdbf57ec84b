// Why: main is the source of truth; the store must show what main confirmed and
// nothing else, and say so when a save fails.
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { useNoticesStore } from '@renderer/stores/notices'
import { useSettingsStore } from '@renderer/stores/settings'
import { api, failNext, main, resetApi } from '../helpers/fake-api'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

beforeEach(() => {
  resetApi()
  setActivePinia(createPinia())
})

describe('settings store', () => {
  it('loads what main holds', async () => {
    main.settings = { theme: 'dark', fontSize: 20, lineWidth: 'narrow' }
    const store = useSettingsStore()
    await store.load()
    expect(store.settings).toEqual({ theme: 'dark', fontSize: 20, lineWidth: 'narrow' })
    expect(store.loaded).toBe(true)
  })

  it('sets state from main’s answer, not from the request', async () => {
    // Main may normalise a change; the page must show main's version.
    api['settings:update'].mockResolvedValueOnce({ theme: 'light', fontSize: 24, lineWidth: 'wide' })
    const store = useSettingsStore()
    await store.load()
    const result = await store.update({ fontSize: 25 })
    expect(result).toEqual({ ok: true })
    expect(store.settings).toEqual({ theme: 'light', fontSize: 24, lineWidth: 'wide' })
  })

  it('keeps the old value and raises a notice when main reports write-failed', async () => {
    const store = useSettingsStore()
    await store.load()
    const before = { ...store.settings }
    failNext('settings:update', 'write-failed', 'EACCES: settings.json is read-only')

    const result = await store.update({ theme: 'dark' })

    expect(result).toEqual({ ok: false, message: 'EACCES: settings.json is read-only' })
    expect(store.settings).toEqual(before)
    expect(store.saving).toBe(false)
    const notices = useNoticesStore().notices
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatchObject({ code: 'write-failed', tone: 'error', detail: 'EACCES: settings.json is read-only' })
    expect(notices[0]?.message).toMatch(/couldn't save your settings/i)
  })

  it('raises a notice when settings cannot be read, and keeps showing the fallback', async () => {
    failNext('settings:get', 'internal', 'bridge down')
    const store = useSettingsStore()
    await store.load()
    expect(store.loaded).toBe(false)
    expect(store.settings.fontSize).toBe(18)
    expect(useNoticesStore().notices[0]?.detail).toBe('bridge down')
  })
})
