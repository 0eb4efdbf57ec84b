// Why: "Answer sheet saved" is a promise that closing the app now loses nothing. Answers go to main
// one whole sheet at a time, in order; an older sheet landing while a newer one waits must not say so.
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { PrelimsPaper } from '@shared/domain/prelims'
import { usePrelimsStore } from '@renderer/stores/prelims'
import { api, resetApi } from '../helpers/fake-api'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

const paper = (): PrelimsPaper => ({
  paperId: 'paper-test-1',
  startedAt: new Date().toISOString(),
  minutes: 4,
  endsAt: new Date(Date.now() + 4 * 60_000).toISOString(),
  questions: [1, 2].map((n) => ({
    packId: 'fixture',
    packTitle: 'Fixture pack',
    sectionId: 'sec-origins',
    sectionTitle: 'Origins',
    questionId: `q-${n}`,
    kind: 'mcq' as const,
    stem: `Question ${n}?`,
    options: ['One', 'Two', 'Three', 'Four']
  })),
  answers: [null, null],
  review: [false, false],
  timeMs: [0, 0]
})

beforeEach(() => {
  resetApi()
  setActivePinia(createPinia())
})

describe('prelims store', () => {
  it('says the sheet is saved only once the newest answers have landed', async () => {
    api['prelims:start'].mockResolvedValue(paper())
    const landings: Array<() => void> = []
    api['prelims:save'].mockImplementation(() => new Promise((done) => landings.push(() => done(paper()))))
    const store = usePrelimsStore()
    await store.start(true)

    const first = store.choose(0)
    const second = store.choose(1)
    await vi.waitFor(() => expect(landings).toHaveLength(1))
    landings.shift()!()
    // The first sheet is on disk, the second is not yet: still saving.
    await vi.waitFor(() => expect(landings).toHaveLength(1))
    expect(store.saveState).toBe('saving')
    landings.shift()!()
    await Promise.all([first, second])
    expect(store.saveState).toBe('saved')
    expect(api['prelims:save']).toHaveBeenLastCalledWith(expect.objectContaining({ answers: [1, null] }))
  })
})
