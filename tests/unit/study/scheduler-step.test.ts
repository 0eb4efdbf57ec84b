// Why: the exam planner's fast Good answer restates ts-fsrs's formulas so a
// plan over 20,000 items stays quick; it must give exactly what ts-fsrs gives,
// or plans would drift from the schedule the student really gets.
import fc from 'fast-check'
import { fsrs } from 'ts-fsrs'
import { describe, expect, it } from 'vitest'
import { createScheduler } from '../../../src/main/services/study/scheduler'

describe('the planner’s Good answer', () => {
  for (const shortTerm of [false, true]) {
    it(`equals ts-fsrs's next_state and next_interval (short-term steps ${shortTerm ? 'on' : 'off'})`, () => {
      const f = fsrs({ enable_fuzz: false, enable_short_term: shortTerm })
      const scheduler = createScheduler({ shortTerm })
      fc.assert(
        fc.property(
          fc.double({ min: 0.001, max: 36_500, noNaN: true }),
          fc.double({ min: 1, max: 10, noNaN: true }),
          fc.oneof(fc.constant(0), fc.double({ min: 0, max: 3_000, noNaN: true })),
          (stability, difficulty, elapsed) => {
            const next = f.next_state({ stability, difficulty }, elapsed, 3)
            expect(scheduler.step({ stability, difficulty }, elapsed, 3)).toEqual({ ...next, interval: f.next_interval(next.stability, elapsed) })
          }
        ),
        { numRuns: 2_000 }
      )
    })
  }

  for (const shortTerm of [false, true]) {
    it(`gives step()'s Good answer without allocating (short-term steps ${shortTerm ? 'on' : 'off'})`, () => {
      const scheduler = createScheduler({ shortTerm })
      const good = scheduler.goodStepper()
      const out = new Float64Array(2)
      fc.assert(
        fc.property(
          fc.double({ min: 0.001, max: 36_500, noNaN: true }),
          fc.double({ min: 1, max: 10, noNaN: true }),
          fc.oneof(fc.constant(0), fc.double({ min: 0, max: 3_000, noNaN: true })),
          (stability, difficulty, elapsed) => {
            const interval = good(stability, difficulty, elapsed, out)
            expect({ stability: out[0], difficulty: out[1], interval }).toEqual(scheduler.step({ stability, difficulty }, elapsed, 3))
          }
        ),
        { numRuns: 2_000 }
      )
    })
  }

  it('predicts recall exactly as ts-fsrs’s forgetting curve does', () => {
    const f = fsrs({ enable_fuzz: false })
    const scheduler = createScheduler()
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 36_500, noNaN: true }), fc.double({ min: 0, max: 3_000, noNaN: true }), (stability, elapsed) => {
        expect(scheduler.recallAfter(stability, elapsed)).toBe(f.forgetting_curve(elapsed, stability))
      }),
      { numRuns: 2_000 }
    )
  })

  it('leaves first answers and other grades to ts-fsrs', () => {
    const f = fsrs({ enable_fuzz: false, enable_short_term: false })
    const scheduler = createScheduler({ shortTerm: false })
    const first = f.next_state(null, 0, 3)
    expect(scheduler.step(null, 0, 3)).toEqual({ ...first, interval: f.next_interval(first.stability, 0) })
    const again = f.next_state({ stability: 12, difficulty: 6 }, 20, 1)
    expect(scheduler.step({ stability: 12, difficulty: 6 }, 20, 1)).toEqual({ ...again, interval: f.next_interval(again.stability, 20) })
  })
})
