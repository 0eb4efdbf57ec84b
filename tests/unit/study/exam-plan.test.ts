// Why: the exam countdown is what a student plans their weeks by: its
// forecast must behave (later exam, lower recall) and its plan must keep its
// promises (everything seen, a final sweep, never more than the minutes given).
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { addDays } from '../../../src/main/services/study/days'
import { forecastExam, planExam, SECONDS_PER_REVIEW, type ExamInput } from '../../../src/main/services/study/exam-plan'
import type { DeckItem } from '../../../src/main/services/study/items'
import { createScheduler, type StoredCard } from '../../../src/main/services/study/scheduler'
import { DAY_MS, harness, IST, T0, type Harness } from './helpers'

const scheduler = createScheduler()
const planner = createScheduler({ shortTerm: false })
const TODAY = IST.dayOf(T0)

function deckOf(n: number): DeckItem[] {
  return Array.from({ length: n }, (_, i) => ({
    itemId: `q:x${i}`,
    ref: { kind: 'question', questionId: `x${i}`, questionKind: 'mcq' },
    sectionIds: [i % 2 ? 's-odd' : 's-even']
  }))
}

/** Cards for the first `seen` items, reviewed over the past weeks with varied ratings. */
function cardsFor(deck: DeckItem[], seen: number): Map<string, StoredCard> {
  const cards = new Map<string, StoredCard>()
  deck.slice(0, seen).forEach((item, i) => {
    const at = new Date(T0.getTime() - ((i % 20) + 1) * DAY_MS)
    cards.set(item.itemId, planner.review(undefined, at, ((i % 4) + 1) as 1 | 2 | 3 | 4).card)
  })
  return cards
}

function input(deck: DeckItem[], cards: Map<string, StoredCard>, daysToExam: number, minutesPerDay: number): ExamInput {
  return {
    deck,
    cards,
    sections: [
      { id: 's-even', title: 'Even' },
      { id: 's-odd', title: 'Odd' }
    ],
    now: T0,
    today: TODAY,
    examDate: addDays(TODAY, daysToExam),
    minutesPerDay,
    calendar: IST,
    recall: scheduler,
    planner
  }
}

describe('exam-day forecast', () => {
  it('falls as the exam moves later, per section and overall', () => {
    const deck = deckOf(40)
    const cards = cardsFor(deck, 30)
    const at = [10, 30, 90, 365].map((d) => forecastExam(input(deck, cards, d, 60)))
    for (let i = 1; i < at.length; i++) {
      expect(at[i]!.overallSeen!).toBeLessThan(at[i - 1]!.overallSeen!)
      at[i]!.sections.forEach((s, j) => expect(s.recallSeen!).toBeLessThan(at[i - 1]!.sections[j]!.recallSeen!))
    }
    // Unseen items are counted apart, and as 0 in recallAll.
    expect(at[0]!.sections.map((s) => s.unseen)).toEqual([5, 5])
    expect(at[0]!.overallAll).toBeCloseTo((at[0]!.overallSeen! * 30) / 40, 10)
  })

  it('is ≈ 1 for a card with huge stability, and null for a section never studied', () => {
    const deck = deckOf(2)
    const solid = { ...planner.review(undefined, T0, 4).card, stability: 36_500 }
    const f = forecastExam(input(deck, new Map([['q:x0', solid]]), 200, 60))
    expect(f.sections[0]!.recallSeen).toBeGreaterThan(0.99)
    expect(f.sections[1]).toMatchObject({ items: 1, unseen: 1, recallSeen: null, recallAll: 0 })
  })
})

describe('daily plan', () => {
  const check = (deck: DeckItem[], cards: Map<string, StoredCard>, days: number, minutes: number) => {
    const plan = planExam(input(deck, cards, days, minutes))
    const cap = Math.floor((minutes * 60) / SECONDS_PER_REVIEW)
    expect(plan.capPerDay).toBe(cap)
    expect(plan.days.map((d) => d.date)).toEqual(Array.from({ length: days }, (_, i) => addDays(TODAY, i)))
    for (const d of plan.days) {
      expect(d.newItems + d.reviews + d.sweep).toBeLessThanOrEqual(cap)
      expect(d.ids.fresh.length + d.ids.reviews.length + d.ids.sweep.length).toBe(d.newItems + d.reviews + d.sweep)
    }
    const fresh = plan.days.flatMap((d) => d.ids.fresh)
    const unseen = deck.filter((i) => !cards.has(i.itemId)).map((i) => i.itemId)
    const sweepDays = plan.days.slice(-Math.min(3, days))
    const swept = sweepDays.flatMap((d) => [...d.ids.fresh, ...d.ids.sweep])
    if (plan.feasible) {
      // Every unseen item is met exactly once, before the exam.
      expect([...fresh].sort()).toEqual([...unseen].sort())
      // The last three days sweep every item exactly once.
      expect([...swept].sort()).toEqual(deck.map((i) => i.itemId).sort())
      expect(sweepDays.every((d) => d.reviews === 0)).toBe(true)
    } else {
      expect(plan.days.some((d) => d.overCap)).toBe(true)
    }
    expect(new Set(fresh).size).toBe(fresh.length)
    return plan
  }

  it('brings every item in before the sweep, sweeps in the last 3 days, and keeps to the cap', () => {
    const deck = deckOf(120)
    const plan = check(deck, cardsFor(deck, 40), 30, 30)
    expect(plan.feasible).toBe(true)
    expect(plan.days.slice(0, 27).reduce((n, d) => n + d.newItems, 0)).toBe(80)
    expect(plan.days.slice(-3).map((d) => d.sweep)).toEqual([40, 40, 40])
  })

  it('says when the minutes are not enough, and by how much', () => {
    const deck = deckOf(300)
    const plan = check(deck, new Map(), 5, 10) // 30 reviews a day, 300 items, 5 days
    expect(plan.feasible).toBe(false)
    // 2 days to meet 300 items (150 a day), then 100 a day to sweep: 150 × 20 s = 50 minutes.
    expect(plan.minutesNeeded).toBe(50)
    expect(check(deck, new Map(), 5, plan.minutesNeeded).feasible).toBe(true)
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

describe('exam channels', () => {
  let h: Harness
  afterEach(async () => h?.close())

  it('sets an exam, returns the plan, and refuses a past date', async () => {
    h = await harness()
    expect(h.service.plan('polity')).toBeNull()
    const plan = await h.service.setExam({ packId: 'polity', examDate: addDays(TODAY, 10), minutesPerDay: 30 })
    expect(plan).toMatchObject({ daysLeft: 10, items: 8, unseen: 8, capPerDay: 90, secondsPerReview: 20, feasible: true })
    expect(plan.days).toHaveLength(10)
    expect(plan.days[0]).not.toHaveProperty('ids')
    expect(plan.days.slice(-3).reduce((n, d) => n + d.sweep + d.newItems, 0)).toBe(8)
    await expect(h.service.setExam({ packId: 'polity', examDate: addDays(TODAY, -1), minutesPerDay: 30 })).rejects.toMatchObject({ code: 'validation' })
    await expect(h.service.setExam({ packId: 'nope', examDate: addDays(TODAY, 3), minutesPerDay: 30 })).rejects.toMatchObject({ code: 'not-found' })
    // Exam day itself: nothing left to plan.
    h.advance(10 * DAY_MS)
    expect(h.service.plan('polity')).toMatchObject({ daysLeft: 0, days: [] })
  })
})
