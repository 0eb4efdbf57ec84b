// Why: the ts-fsrs wrapper is what every mode trusts: a rating must move the
// due date as FSRS says, survive a JSON round trip, and undo exactly.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createScheduler, toStoredCard, fromStoredCard, type StoredCard } from '../../../src/main/services/study/scheduler'
import { RATINGS, ratingForAnswer } from '../../../src/shared/domain/grading'
import { createEmptyCard, Rating } from 'ts-fsrs'

const T0 = new Date('2026-11-25T04:30:00.000Z')
const MIN = 60_000
const DAY = 86_400_000

describe('scheduler', () => {
  const s = createScheduler()

  it('schedules a new item by rating: Again/Hard/Good stay in learning steps, Easy jumps to days', () => {
    const due = (rating: 1 | 2 | 3 | 4) => s.review(undefined, T0, rating).card
    expect(due(1)).toMatchObject({ state: 1, due: new Date(T0.getTime() + 1 * MIN).toISOString(), reps: 1 })
    expect(due(2)).toMatchObject({ state: 1, due: new Date(T0.getTime() + 6 * MIN).toISOString() })
    expect(due(3)).toMatchObject({ state: 1, due: new Date(T0.getTime() + 10 * MIN).toISOString() })
    const easy = due(4)
    expect(easy.state).toBe(2)
    expect(Date.parse(easy.due) - T0.getTime()).toBeGreaterThanOrEqual(DAY)
    expect(easy.last_review).toBe(T0.toISOString())
  })

  it('graduates after the learning step and lengthens the interval with each Good', () => {
    const first = s.review(undefined, T0, 3).card
    const second = s.review(first, new Date(T0.getTime() + 10 * MIN), 3).card
    expect(second.state).toBe(2)
    const gap2 = Date.parse(second.due) - Date.parse(second.last_review!)
    const third = s.review(second, new Date(second.due), 3).card
    const gap3 = Date.parse(third.due) - Date.parse(third.last_review!)
    expect(gap2).toBeGreaterThanOrEqual(DAY)
    expect(gap3).toBeGreaterThan(gap2)
    // A lapse: Again on a review card sends it to relearning and counts a lapse.
    const lapse = s.review(third, new Date(third.due), 1).card
    expect(lapse).toMatchObject({ state: 3, lapses: 1 })
  })

  // The shared grading rules carry no ts-fsrs import (the page uses them); their numbers must be ts-fsrs's grades.
  it('maps marked answers, and lists the ratings, as ts-fsrs grades', () => {
    expect(ratingForAnswer(false)).toBe(Rating.Again)
    expect(ratingForAnswer(false, true)).toBe(Rating.Again)
    expect(ratingForAnswer(true, true)).toBe(Rating.Hard)
    expect(ratingForAnswer(true)).toBe(Rating.Good)
    expect(RATINGS.map((r) => [r.value, r.label])).toEqual([
      [Rating.Again, 'Again'],
      [Rating.Hard, 'Hard'],
      [Rating.Good, 'Good'],
      [Rating.Easy, 'Easy']
    ])
  })

  it('round-trips cards through JSON with ISO dates', () => {
    const card = s.review(undefined, T0, 3).card
    const back = JSON.parse(JSON.stringify(card)) as StoredCard
    expect(toStoredCard(fromStoredCard(back))).toEqual(card)
    expect(toStoredCard(createEmptyCard(T0))).toEqual({
      due: T0.toISOString(),
      stability: 0,
      difficulty: 0,
      elapsed_days: 0,
      scheduled_days: 0,
      learning_steps: 0,
      reps: 0,
      lapses: 0,
      state: 0
    })
  })

  it('rollback restores the previous card exactly, whatever came before', () => {
    const step = fc.record({ rating: fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>, lateness: fc.double({ min: -0.5, max: 3, noNaN: true }) })
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        let card: StoredCard | undefined
        let at = T0.getTime()
        for (const { rating, lateness } of steps) {
          const before = card
          const { card: after, log } = s.review(before, new Date(at), rating)
          if (before) expect(s.rollback(after, log, before.due)).toEqual(before)
          card = after
          const gap = Date.parse(after.due) - at
          at += Math.max(MIN, Math.round(gap * (1 + lateness)))
        }
      }),
      { numRuns: 300 }
    )
  })

  it('predicts recall with the forgetting curve: 1 right after a review, falling with time, ≈1 for huge stability', () => {
    const card = s.review(undefined, T0, 4).card
    expect(s.recall(card, T0)).toBeCloseTo(1, 10)
    const later = [1, 10, 100].map((d) => s.recall(card, new Date(T0.getTime() + d * DAY))!)
    expect(later[0]).toBeGreaterThan(later[1]!)
    expect(later[1]).toBeGreaterThan(later[2]!)
    // At t = stability days, FSRS defines recall as 90%.
    expect(s.recall(card, new Date(T0.getTime() + card.stability * DAY))).toBeCloseTo(0.9, 6)
    expect(s.recall({ ...card, stability: 36_500 }, new Date(T0.getTime() + 200 * DAY))).toBeGreaterThan(0.99)
    expect(s.recall(undefined, T0)).toBeNull()
  })
})
