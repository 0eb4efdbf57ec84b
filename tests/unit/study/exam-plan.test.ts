// Why: the plan is what a student arranges their weeks by, so it must keep
// its promises: each item revised for its own exam, everything seen and swept
// once before it, nothing new on an exam day or its eve, never more than the
// minutes given, and a sweep spread out rather than piled onto the eve.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { trackOf } from '../../../src/shared/domain/exam'
import { addDays } from '../../../src/main/services/study/days'
import { planExam, SECONDS_PER_REVIEW, SWEEP_DAYS, type PlanInput } from '../../../src/main/services/study/exam-plan'
import type { DeckItem } from '../../../src/main/services/study/items'
import { createScheduler, type StoredCard } from '../../../src/main/services/study/scheduler'
import { cardsFor, deckOf } from './exam-helpers'
import { IST, T0 } from './helpers'

const planner = createScheduler({ shortTerm: false })
const TODAY = IST.dayOf(T0)

/** One exam `days` ahead for everything (or Prelims for objective items and Mains `mainsIn` days ahead for prompts). */
function input(deck: DeckItem[], cards: Map<string, StoredCard>, days: number, minutesPerDay: number, mainsIn?: number): PlanInput {
  const until = addDays(TODAY, days)
  const mains = mainsIn === undefined ? until : addDays(TODAY, mainsIn)
  const peaks = [until, mains]
  return {
    deck,
    cards,
    now: T0,
    today: TODAY,
    calendar: IST,
    until,
    peakOf: (item) => (trackOf(item.ref) === 'mains' ? mains : until),
    noNewDays: new Set(peaks.flatMap((d) => [d, addDays(d, -1)])),
    minutesPerDay,
    planner
  }
}

const capOf = (minutes: number): number => Math.floor((minutes * 60) / SECONDS_PER_REVIEW)

function check(deck: DeckItem[], cards: Map<string, StoredCard>, days: number, minutes: number) {
  const plan = planExam(input(deck, cards, days, minutes))
  const cap = capOf(minutes)
  expect(plan.capPerDay).toBe(cap)
  expect(plan.days.map((d) => d.date)).toEqual(Array.from({ length: days }, (_, i) => addDays(TODAY, i)))
  for (const d of plan.days) {
    expect(d.newItems + d.reviews + d.sweep).toBeLessThanOrEqual(cap)
    expect([d.ids.fresh.length, d.ids.reviews.length, d.ids.sweep.length]).toEqual([d.newItems, d.reviews, d.sweep])
  }
  // No new items on the eve.
  if (days > 0) expect(plan.days.at(-1)!.newItems).toBe(0)
  const fresh = plan.days.flatMap((d) => d.ids.fresh)
  expect(new Set(fresh).size).toBe(fresh.length)
  const swept = plan.days.flatMap((d) => d.ids.sweep)
  expect(new Set(swept).size).toBe(swept.length)
  if (plan.feasible) {
    const unseen = deck.filter((i) => !cards.has(i.itemId)).map((i) => i.itemId)
    expect([...fresh].sort()).toEqual([...unseen].sort())
    expect(plan.unswept).toBe(0)
  } else {
    expect(plan.unswept + plan.days.filter((d) => d.overCap).length).toBeGreaterThan(0)
  }
  return plan
}

describe('the daily plan', () => {
  it('brings every item in, then sweeps every seen item once in the last 3 days', () => {
    const deck = deckOf(120)
    const plan = check(deck, cardsFor(deck, 40), 30, 30)
    expect(plan.feasible).toBe(true)
    expect(plan.days.slice(0, 27).reduce((n, d) => n + d.newItems, 0)).toBe(80)
    const sweep = plan.days.slice(-SWEEP_DAYS)
    expect(sweep.map((d) => d.sweep)).toEqual([40, 40, 40])
    expect(sweep.every((d) => d.reviews === 0 && d.newItems === 0)).toBe(true)
    expect(plan.days.slice(0, -SWEEP_DAYS).every((d) => d.sweep === 0)).toBe(true)
  })

  it('spreads a sweep the cap cannot hold in 3 days over more days, never piling onto the eve', () => {
    const deck = deckOf(200)
    const plan = check(deck, cardsFor(deck, 200), 20, 10) // 30 a day: 200 items need 7 sweep days
    const sweepDays = plan.days.filter((d) => d.sweep > 0)
    expect(sweepDays).toHaveLength(7)
    expect(sweepDays.map((d) => d.date)).toEqual(plan.days.slice(-7).map((d) => d.date))
    expect(sweepDays.reduce((n, d) => n + d.sweep, 0)).toBe(200)
    const eve = sweepDays.at(-1)!.sweep
    for (const d of sweepDays) expect(eve).toBeLessThanOrEqual(d.sweep)
    expect(plan).toMatchObject({ feasible: true, unswept: 0 })
  })

  it('leaves the strongest items out when the days left cannot hold the sweep, and says so', () => {
    const deck = deckOf(100)
    const cards = cardsFor(deck, 100)
    const plan = check(deck, cards, 2, 5) // 15 a day, 2 days: room for 30 of 100
    expect(plan.unswept).toBe(70)
    expect(plan.feasible).toBe(false)
    expect(plan.days.map((d) => d.sweep)).toEqual([15, 15])
    // The weakest are the ones kept: nothing swept is stronger than anything left out.
    const examAt = new Date(IST.startOf(addDays(TODAY, 2)).getTime() + 9.5 * 3_600_000)
    const recall = (id: string): number => planner.recall(cards.get(id), examAt)!
    const swept = new Set(plan.days.flatMap((d) => d.ids.sweep))
    const kept = Math.max(...[...swept].map(recall))
    const out = Math.min(
      ...deck
        .map((i) => i.itemId)
        .filter((id) => !swept.has(id))
        .map(recall)
    )
    expect(kept).toBeLessThanOrEqual(out)
  })

  it('brings no new item in on the eve, even when items are still unseen', () => {
    const deck = deckOf(30)
    const plan = check(deck, new Map(), 1, 60)
    expect(plan.days).toHaveLength(1)
    expect(plan.days[0]).toMatchObject({ newItems: 0, sweep: 0 })
    expect(plan).toMatchObject({ feasible: false, unswept: 30 })
  })

  it('says how many minutes a day would be enough', () => {
    const deck = deckOf(300)
    const plan = check(deck, new Map(), 6, 10) // 30 a day, 300 items, 6 days
    expect(plan.feasible).toBe(false)
    expect(check(deck, new Map(), 6, plan.minutesNeeded).feasible).toBe(true)
    expect(check(deck, new Map(), 6, plan.minutesNeeded - 5).feasible).toBe(false)
  })

  it('reads a due written without milliseconds the same as toISOString()’s', () => {
    const deck = deckOf(60)
    const cards = cardsFor(deck, 60)
    const short = new Map(
      [...cards].map(([id, c]) => [id, { ...c, due: new Date(Date.parse(c.due) - (Date.parse(c.due) % 1000)).toISOString().replace('.000Z', 'Z') }])
    )
    const counts = (m: Map<string, StoredCard>) => planExam(input(deck, m, 30, 10)).days.map((d) => d.reviews)
    const trimmed = new Map([...cards].map(([id, c]) => [id, { ...c, due: new Date(Date.parse(c.due) - (Date.parse(c.due) % 1000)).toISOString() }]))
    expect(counts(short)).toEqual(counts(trimmed))
    expect(counts(short).some((n) => n > 0)).toBe(true)
  })

  it('holds for any deck, history, exam date and budget', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 150 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 5, max: 120 }),
        (n, seenShare, days, minutes) => {
          const deck = deckOf(n)
          check(deck, cardsFor(deck, Math.floor(n * seenShare)), days, minutes)
        }
      ),
      { numRuns: 60 }
    )
  })
})

describe('items peaking by their exam', () => {
  it('sweeps only objective items before Prelims, while Mains prompts are brought in on the way', () => {
    const deck = deckOf(60, 40)
    const mainsIds = new Set(deck.filter((i) => trackOf(i.ref) === 'mains').map((i) => i.itemId))
    const plan = planExam(input(deck, cardsFor(deck, 0), 20, 60, 110))
    const swept = plan.days.flatMap((d) => [...d.ids.sweep])
    expect(swept.length).toBe(60)
    expect(swept.some((id) => mainsIds.has(id))).toBe(false)
    // 40 prompts over the ~105 days before the Mains sweep: a few before Prelims, spread out.
    const prompts = plan.days.flatMap((d) => d.ids.fresh.filter((id) => mainsIds.has(id)))
    expect(prompts.length).toBeGreaterThan(0)
    expect(prompts.length).toBeLessThan(15)
    expect(Math.max(...plan.days.map((d) => d.ids.fresh.filter((id) => mainsIds.has(id)).length))).toBeLessThanOrEqual(1)
    expect(plan).toMatchObject({ feasible: true, unswept: 0 })
  })

  it('keeps every promise for any mix of items and any gap between the two exams', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 80 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 5, max: 60 }),
        (objective, prompts, days, gap, minutes) => {
          const deck = deckOf(objective, prompts)
          const cards = cardsFor(deck, Math.floor((objective + prompts) / 2))
          const plan = planExam(input(deck, cards, days, minutes, days + gap))
          const mainsEve = addDays(TODAY, days + gap - 1)
          for (const d of plan.days) {
            expect(d.newItems + d.reviews + d.sweep).toBeLessThanOrEqual(capOf(minutes))
            if (d.date === mainsEve || d.date === addDays(TODAY, days - 1)) expect(d.newItems).toBe(0)
          }
          for (const ids of [plan.days.flatMap((d) => d.ids.fresh), plan.days.flatMap((d) => d.ids.sweep)]) expect(new Set(ids).size).toBe(ids.length)
          // A prompt is swept only in the last days before Mains, however close Prelims is.
          const mainsSweep = addDays(TODAY, days + gap - Math.max(SWEEP_DAYS, Math.ceil(prompts / capOf(minutes))))
          for (const d of plan.days) {
            const prompt = d.ids.sweep.some((id) => Number(id.slice(3)) >= objective)
            if (prompt) expect(d.date >= mainsSweep).toBe(true)
          }
        }
      ),
      { numRuns: 60 }
    )
  })

  it('leaves out items that peak at no exam still to come', () => {
    const deck = deckOf(10)
    const plan = planExam({ ...input(deck, new Map(), 10, 60), peakOf: () => null })
    expect(plan.days.every((d) => d.newItems + d.reviews + d.sweep === 0)).toBe(true)
    expect(plan.feasible).toBe(true)
  })
})
