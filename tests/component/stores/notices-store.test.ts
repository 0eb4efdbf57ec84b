// Why: the words a student reads after a recovery must say what happened to
// their file and what was loaded instead.
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { describePackError, describeStoreNotice, useNoticesStore } from '@renderer/stores/notices'
import type { StoreNotice } from '@shared/domain'
import { main, resetApi } from '../helpers/fake-api'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

const recovered = (over: Partial<StoreNotice> = {}): StoreNotice => ({
  id: 'n1',
  kind: 'recovered',
  file: 'settings.json',
  keptAs: 'settings.corrupt-2026-11-25.json',
  restoredFrom: 'backup',
  reason: 'Unexpected token',
  at: '2026-11-25T10:00:00Z',
  ...over
})

beforeEach(() => {
  resetApi()
  setActivePinia(createPinia())
})

describe('notice wording', () => {
  it('says which file, where it was kept and what was loaded', () => {
    expect(describeStoreNotice(recovered()).message).toBe(
      "We couldn't read settings.json. We kept it as settings.corrupt-2026-11-25.json and loaded your newest backup."
    )
    expect(describeStoreNotice(recovered({ restoredFrom: 'defaults' })).message).toBe(
      "We couldn't read settings.json. We kept it as settings.corrupt-2026-11-25.json and loaded fresh defaults."
    )
    expect(describeStoreNotice(recovered({ restoredFrom: 'repaired' })).message).toBe(
      "We couldn't read settings.json. We kept it as settings.corrupt-2026-11-25.json and loaded the readable data inside it."
    )
  })

  it('names the first issue of a broken pack', () => {
    const n = describePackError({ file: 'x/pack.json', message: 'bad', issues: [{ path: 'tables.0', message: 'missing cell' }] })
    expect(n.message).toContain('x/pack.json')
    expect(n.detail).toBe('First problem at tables.0: missing cell')
  })
})

describe('notices store', () => {
  it('loads main’s notices once and forgets dismissed ones for good', async () => {
    main.notices = [recovered()]
    const store = useNoticesStore()
    await store.load()
    await store.load()
    expect(store.notices).toHaveLength(1)
    store.dismiss('store:n1')
    await store.load()
    expect(store.notices).toHaveLength(0)
  })

  it('shows a notice main raises after start and drops it once main no longer reports it', async () => {
    vi.useFakeTimers()
    try {
      const store = useNoticesStore()
      await store.load()
      const stop = store.follow(1000)
      main.notices = [recovered({ id: 'cp', kind: 'checkpoint-failed', file: 'study.json', reason: 'ENOSPC' })]
      await vi.advanceTimersByTimeAsync(1000)
      expect(store.notices.map((n) => n.id)).toEqual(['store:cp'])
      expect(store.notices[0]?.message).toMatch(/Nothing is lost/)
      main.notices = []
      await vi.advanceTimersByTimeAsync(1000)
      expect(store.notices).toEqual([])
      stop()
    } finally {
      vi.useRealTimers()
    }
  })
})
