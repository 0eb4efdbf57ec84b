// Why: a student has one Prelims and one set of Mains papers, whichever pack they typed the dates in;
// with four packs, dates set in one must plan every pack, and a later change anywhere must win.
import { afterEach, describe, expect, it } from 'vitest'
import { addDays } from '../../../src/main/services/study/days'
import { createPackService } from '../../../src/main/services/packs/pack-service'
import { harness, IST, studyPack, T0, type Harness } from './helpers'

const TODAY = IST.dayOf(T0)
const NO_MAINS = { gs1: null, gs2: null, gs3: null, gs4: null, essay: null }
const A = studyPack()
const B = studyPack({ id: 'economy', title: 'Economy' })
const packs = createPackService({
  packs: new Map([
    [A.id, A],
    [B.id, B]
  ]),
  errors: []
})

let h: Harness
afterEach(async () => h?.close())

describe('exam dates across packs', () => {
  it('plans a pack from dates set in another, and the newest dates win everywhere', async () => {
    h = await harness({ packs })
    expect(h.service.plan(B.id)).toBeNull()

    const first = { prelims: addDays(TODAY, 60), mains: { ...NO_MAINS, gs1: addDays(TODAY, 150) } }
    await h.service.setExam({ packId: A.id, dates: first, minutesPerDay: 45 })
    expect(h.service.plan(B.id)?.settings).toMatchObject({ prelims: first.prelims, mains: first.mains, minutesPerDay: 45 })

    h.advance(60_000)
    const moved = { prelims: addDays(TODAY, 70), mains: { ...NO_MAINS, gs1: addDays(TODAY, 160) } }
    await h.service.setExam({ packId: B.id, dates: moved, minutesPerDay: 20 })
    // A takes the new dates but keeps its own minutes a day.
    expect(h.service.plan(A.id)?.settings).toMatchObject({ prelims: moved.prelims, mains: moved.mains, minutesPerDay: 45 })
    expect(h.service.plan(B.id)?.settings).toMatchObject({ prelims: moved.prelims, minutesPerDay: 20 })

    const reopened = await h.reopen({ packs })
    expect(reopened.plan(A.id)?.settings).toMatchObject({ prelims: moved.prelims, minutesPerDay: 45 })
  })
})
