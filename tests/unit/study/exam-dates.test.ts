// Why: exam dates are the student's own and must never be lost: the one date
// saved before Prelims and Mains existed becomes the Prelims date, bad dates
// are refused with a message that says what is wrong, and the plan main
// returns follows the dates through Prelims into Mains.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { contract } from '../../../src/shared/contract'
import { addDays } from '../../../src/main/services/study/days'
import { PackSchema } from '../../../src/shared/pack/schema'
import { DAY_MS, harness, IST, studyPack, T0, type Harness } from './helpers'

const P = 'polity'
const TODAY = IST.dayOf(T0)
const NO_MAINS = { gs1: null, gs2: null, gs3: null, gs4: null, essay: null }
const input = contract['exam:set'].input

const withPrompt = () => {
  const base = studyPack()
  return PackSchema.parse({
    ...base,
    questions: [
      ...base.questions,
      { id: 'q-m1', kind: 'mains', tests: ['blk-c'], prompt: 'Critically examine Article 370.', wordLimit: 150, outline: ['a', 'b', 'c'], explanation: 'x' }
    ]
  })
}

let h: Harness
afterEach(async () => h?.close())

describe('exam dates in main', () => {
  const issues = (payload: unknown) => {
    const r = input.safeParse(payload)
    expect(r.success).toBe(false)
    return r.error!.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
  }

  it('refuses bad payloads with a message and the field it is about', () => {
    expect(issues({ packId: P, dates: { prelims: null, mains: NO_MAINS }, minutesPerDay: 60 })).toEqual([
      { path: 'dates.prelims', message: 'set the Prelims date or at least one Mains paper date' }
    ])
    expect(issues({ packId: P, dates: { prelims: '2027-05-24', mains: { ...NO_MAINS, gs4: '2027-05-24' } }, minutesPerDay: 60 })).toEqual([
      { path: 'dates.mains.gs4', message: 'GS-IV must come after Prelims (2027-05-24)' }
    ])
    expect(issues({ packId: P, dates: { prelims: '2027-02-30', mains: NO_MAINS }, minutesPerDay: 60 })).toEqual([
      { path: 'dates.prelims', message: 'not a real date' }
    ])
    expect(issues({ packId: P, dates: { prelims: '2027-05-24', mains: { gs1: '2027-08-21' } }, minutesPerDay: 60 }).map((i) => i.path)).toContain(
      'dates.mains.gs2'
    )
    expect(issues({ packId: P, dates: { prelims: '2027-05-24', mains: { ...NO_MAINS, gs5: null } }, minutesPerDay: 60 })[0]!.path).toBe('dates.mains')
    expect(issues({ packId: P, examDate: '2027-05-24', minutesPerDay: 60 }).map((i) => i.path)).toContain('dates')
  })

  it('refuses a new date already passed, naming it, and keeps what was saved', async () => {
    h = await harness()
    await h.service.setExam({ packId: P, dates: { prelims: addDays(TODAY, 5), mains: NO_MAINS }, minutesPerDay: 30 })
    const bad = h.service.setExam({ packId: P, dates: { prelims: addDays(TODAY, -1), mains: NO_MAINS }, minutesPerDay: 30 })
    await expect(bad).rejects.toMatchObject({
      code: 'validation',
      message: `the Prelims date ${addDays(TODAY, -1)} has already passed.`,
      issues: [{ path: 'dates.prelims' }]
    })
    expect(h.service.plan(P)?.settings.prelims).toBe(addDays(TODAY, 5))
    // Once Prelims is over, the saved Prelims date can be sent back with new Mains dates.
    h.advance(7 * DAY_MS)
    const plan = await h.service.setExam({
      packId: P,
      dates: { prelims: addDays(TODAY, 5), mains: { ...NO_MAINS, gs1: addDays(TODAY, 40) } },
      minutesPerDay: 30
    })
    expect(plan).toMatchObject({ phase: 'mains', nextExam: { name: 'GS-I', daysLeft: 33 } })
  })

  it('reads the one exam date saved by an older version as the Prelims date, from a real file, and saves it so', async () => {
    h = await harness()
    await h.service.flush()
    const file = join(h.dir, 'study.json')
    const legacy = { examDate: '2027-05-24', minutesPerDay: 45, setAt: '2026-11-01T10:00:00.000Z' }
    const env = JSON.parse(await readFile(file, 'utf8').catch(() => '{"schemaVersion":1,"data":{"appliedThrough":0,"packs":{}}}'))
    env.data.packs[P] = { cards: {}, highlights: {}, daily: {}, exam: legacy }
    await writeFile(file, JSON.stringify(env))
    const service = await h.reopen()
    expect(service.notices()).toEqual([])
    expect(service.plan(P)).toMatchObject({
      settings: { prelims: '2027-05-24', mains: NO_MAINS, minutesPerDay: 45 },
      phase: 'prelims',
      nextExam: { date: '2027-05-24', name: 'Prelims' }
    })
    // The next save writes the new shape, with the Prelims date kept.
    await service.addCustomCard({ packId: P, id: 'hl-1', kind: 'highlight-cloze', text: 'x {{blank}}', answer: 'y', blockId: 'blk-a' })
    await service.flush()
    const saved = JSON.parse(await readFile(file, 'utf8')).data.packs[P].exam
    expect(saved).toEqual({ dates: { prelims: '2027-05-24', mains: NO_MAINS }, minutesPerDay: 45, setAt: legacy.setAt })
    expect((await h.reopen()).plan(P)?.settings.prelims).toBe('2027-05-24')
  })
})

describe('the plan main returns', () => {
  it('works towards Prelims, then switches to Mains the day after, with today in minutes and an answer to write', async () => {
    h = await harness({}, withPrompt())
    await h.service.rate({ packId: P, itemId: 'q:q-1', rating: 3 })
    const prelims = addDays(TODAY, 10)
    const gs1 = addDays(TODAY, 60)
    const plan = await h.service.setExam({ packId: P, dates: { prelims, mains: { ...NO_MAINS, gs1, essay: addDays(TODAY, 59) } }, minutesPerDay: 30 })
    expect(plan).toMatchObject({
      phase: 'prelims',
      peaks: { prelims, mains: addDays(TODAY, 59) },
      nextExam: { name: 'Prelims', daysLeft: 10 },
      items: 9,
      unseen: 8
    })
    expect(plan.days).toHaveLength(10)
    expect(plan.todayPlan.answer).toMatchObject({ questionId: 'q-m1', prompt: 'Critically examine Article 370.', minutes: 7 })
    expect(plan.todayPlan.minutes).toBe(plan.todayPlan.cardMinutes + 7)
    expect(plan.todayPlan.newItems).toBe(plan.days[0]!.newItems)
    expect(plan.forecast.weakest.length).toBeGreaterThan(0)

    // The eve of Prelims: nothing new, no answer to write.
    h.advance(9 * DAY_MS)
    const eve = h.service.plan(P)!
    expect(eve.days).toHaveLength(1)
    expect(eve.todayPlan).toMatchObject({ newItems: 0, answer: null })

    h.advance(DAY_MS)
    expect(h.service.plan(P)).toMatchObject({ phase: 'prelims', nextExam: { daysLeft: 0 }, days: [] })
    h.advance(DAY_MS)
    const after = h.service.plan(P)!
    expect(after).toMatchObject({ phase: 'mains', nextExam: { name: 'Essay', date: addDays(TODAY, 59), daysLeft: 48 } })
    expect(after.days).toHaveLength(48)
    expect(after.todayPlan.answer?.questionId).toBe('q-m1')
  })
})
