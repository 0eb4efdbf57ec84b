// Why: reading progress is the student's own record; it must come from main
// and survive a failed write without pretending it was saved.
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { useNoticesStore } from '@renderer/stores/notices'
import { useProgressStore } from '@renderer/stores/progress'
import { api, failNext, main, resetApi } from '../helpers/fake-api'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

beforeEach(() => {
  resetApi()
  setActivePinia(createPinia())
})

describe('progress store', () => {
  it('marks a section read from main’s answer', async () => {
    const store = useProgressStore()
    await store.load('fixture')
    expect(await store.markRead('fixture', 'sec-origins', true)).toBe(true)
    expect(api['progress:markRead']).toHaveBeenCalledWith({ packId: 'fixture', sectionId: 'sec-origins', read: true })
    expect(store.isRead('fixture', 'sec-origins')).toBe(true)
  })

  it('keeps the section unread and raises a notice when the write fails', async () => {
    const store = useProgressStore()
    await store.load('fixture')
    failNext('progress:markRead', 'write-failed')
    expect(await store.markRead('fixture', 'sec-origins', true)).toBe(false)
    expect(store.isRead('fixture', 'sec-origins')).toBe(false)
    expect(useNoticesStore().notices[0]?.code).toBe('write-failed')
  })

  it('does not re-save a location it already holds, nor wipe a finer one', async () => {
    main.progress = { packId: 'fixture', readSections: [], location: { sectionId: 'sec-defence', blockId: 'blk-s400' } }
    const store = useProgressStore()
    await store.load('fixture')
    await store.setLocation('fixture', 'sec-defence')
    expect(api['progress:setLocation']).not.toHaveBeenCalled()
    await store.setLocation('fixture', 'sec-origins')
    expect(api['progress:setLocation']).toHaveBeenCalledWith({ packId: 'fixture', sectionId: 'sec-origins' })
    expect(store.of('fixture')?.location).toEqual({ sectionId: 'sec-origins' })
  })

  it('loads each pack once however often it is asked', async () => {
    const store = useProgressStore()
    await Promise.all([store.ensureLoaded('fixture'), store.ensureLoaded('fixture')])
    expect(api['progress:get']).toHaveBeenCalledTimes(1)
    expect(store.isSettled('fixture')).toBe(true)
  })
})
