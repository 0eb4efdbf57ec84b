// Why: a Prelims score is what a student judges their readiness by, so the
// marks must be exact to the hundredth: +2, −0.66 and 0, added in hundredths
// so 3 wrong is −1.98 and not −1.9800000000000002, with the guessing cost,
// the sections and the time per question all adding up to the whole.
import { describe, expect, it } from 'vitest'
import { scorePaper, type AnsweredQuestion } from '../../../src/main/services/prelims/prelims-score'

const facts = { paperId: 'paper-x', startedAt: '2026-11-25T04:30:00.000Z', submittedAt: '2026-11-25T06:00:00.000Z', minutes: 120, timedOut: false }

function q(i: number, chosen: number | null, over: Partial<AnsweredQuestion> = {}): AnsweredQuestion {
  return { packId: 'a', packTitle: 'Pack A', sectionId: 's1', sectionTitle: 'One', questionId: `q-${i}`, correct: 0, chosen, timeMs: 1000, ...over }
}

describe('scorePaper', () => {
  it('gives +2 right, −0.66 wrong and 0 unanswered, to exact hundredths', () => {
    const r = scorePaper(facts, [q(1, 0), q(2, 1), q(3, 2), q(4, 3), q(5, null)])
    expect([r.right, r.wrong, r.unanswered]).toEqual([1, 3, 1])
    expect(r.score).toBe(0.02)
    expect(r.guessingCost).toBe(-1.98)
    expect(r.maxScore).toBe(10)
    expect(r.items.map((i) => i.marks)).toEqual([2, -0.66, -0.66, -0.66, 0])
    expect(r.items.map((i) => i.outcome)).toEqual(['right', 'wrong', 'wrong', 'wrong', 'unanswered'])
  })

  it('adds 100 questions without float drift: 67 right, 33 wrong is 134 − 21.78 = 112.22', () => {
    const qs = Array.from({ length: 100 }, (_, i) => q(i, i < 67 ? 0 : 1))
    const r = scorePaper(facts, qs)
    expect(r.score).toBe(112.22)
    expect(r.guessingCost).toBe(-21.78)
    expect(r.maxScore).toBe(200)
    // 100 wrong is −66 exactly, the least a full paper can score.
    expect(
      scorePaper(
        facts,
        Array.from({ length: 100 }, (_, i) => q(i, 3))
      ).score
    ).toBe(-66)
    // Nothing answered costs nothing.
    const blank = scorePaper(
      facts,
      Array.from({ length: 100 }, (_, i) => q(i, null))
    )
    expect([blank.score, blank.guessingCost, blank.unanswered]).toEqual([0, 0, 100])
  })

  it('reports each pack + section once, in the order they first appear, and they add up to the paper', () => {
    const qs = [
      q(1, 0, { packId: 'b', packTitle: 'Pack B', sectionId: 's1', sectionTitle: 'B one', timeMs: 500 }),
      q(2, 1),
      q(3, 0, { sectionId: 's2', sectionTitle: 'Two' }),
      q(4, null, { packId: 'b', packTitle: 'Pack B', sectionId: 's1', sectionTitle: 'B one', timeMs: 2500 }),
      q(5, 2)
    ]
    const r = scorePaper(facts, qs)
    expect(r.sections.map((s) => [s.packId, s.sectionId, s.questions, s.right, s.wrong, s.unanswered, s.marks, s.timeMs])).toEqual([
      ['b', 's1', 2, 1, 0, 1, 2, 3000],
      ['a', 's1', 2, 0, 2, 0, -1.32, 2000],
      ['a', 's2', 1, 1, 0, 0, 2, 1000]
    ])
    // Same section id in two packs stays two sections.
    expect(r.sections.filter((s) => s.sectionId === 's1')).toHaveLength(2)
    expect(r.timeMs).toBe(6000)
    expect(r.items.map((i) => [i.number, i.timeMs])).toEqual([
      [1, 500],
      [2, 1000],
      [3, 1000],
      [4, 2500],
      [5, 1000]
    ])
  })
})
