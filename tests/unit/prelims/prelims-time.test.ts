// Why: the time per question is only worth showing if every moment goes to
// the question on screen, once: switching, pausing, saving and resuming must
// neither drop time nor count it twice.
import { describe, expect, it } from 'vitest'
import { bankClock, clockTotals, pauseClock, startClock, switchQuestion } from '../../../src/shared/domain/prelims-time'

describe('question clock', () => {
  it('gives each stretch on screen to the question shown', () => {
    let c = startClock([0, 0, 0], 0, 1_000)
    c = switchQuestion(c, 2, 4_000) // 3 s on question 1
    c = switchQuestion(c, 0, 4_500) // 0.5 s on question 3
    c = pauseClock(c, 6_000) // 1.5 s more on question 1
    expect(c.spent).toEqual([4_500, 0, 500])
    expect(c.open).toBeNull()
    // Paused: time passing counts for nothing.
    expect(clockTotals(c, 60_000)).toEqual([4_500, 0, 500])
  })

  it('shows the open visit in the totals without closing it, and banking does not count it twice', () => {
    let c = startClock([100, 0], 1, 0)
    expect(clockTotals(c, 2_000)).toEqual([100, 2_000])
    c = bankClock(c, 2_000)
    expect(c.spent).toEqual([100, 2_000])
    expect(c.open).toEqual({ index: 1, since: 2_000 })
    expect(clockTotals(c, 3_000)).toEqual([100, 3_000])
  })

  it('carries on from saved totals after a restart, and ignores a clock that went backwards', () => {
    let c = startClock([7_000, 2_000], null, 0)
    c = switchQuestion(c, 1, 10_000)
    c = switchQuestion(c, 0, 9_000) // the wall clock stepped back
    expect(c.spent).toEqual([7_000, 2_000])
    expect(clockTotals(c, 10_000)).toEqual([8_000, 2_000])
    // A visit to a position the paper does not have adds nothing anywhere.
    expect(pauseClock(startClock([0], 5, 0), 1_000).spent).toEqual([0])
  })
})
