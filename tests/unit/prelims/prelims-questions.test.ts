// Why: a paper is only a Prelims paper if it holds the right questions, each
// as the exam prints it: mcq, statements and match (as four coded options,
// the same every time), never a two-way guess, drawn from every pack.
import { describe, expect, it } from 'vitest'
import { eligibleQuestions, isEligible, matchCode, matchOptions, setQuestion } from '../../../src/main/services/prelims/prelims-questions'
import { PackSchema, type Question } from '../../../src/shared/pack/schema'
import { generatedPack } from '../fixtures/prelims-packs'

describe('Prelims questions', () => {
  it('draws mcq, statements and match, and leaves out true-false and two-option questions', () => {
    const pack = PackSchema.parse(generatedPack({ id: 'gen', mcq: 2, statements: 2, match: 2, trueFalse: 3 }))
    expect(eligibleQuestions([pack]).map((q) => q.questionId.split('-')[1])).toEqual(['mcq', 'mcq', 'st', 'st', 'match', 'match'])
    const twoOptions: Question = { id: 'x', kind: 'mcq', tests: ['gen-b0'], prompt: 'Yes?', options: ['Yes', 'No'], answer: 0, explanation: 'x' }
    const twoPairs: Question = {
      id: 'y',
      kind: 'match',
      tests: ['gen-b0'],
      prompt: 'Match',
      listI: ['A', 'B'],
      listII: ['1', '2'],
      answer: [1, 0],
      explanation: 'y'
    }
    expect([isEligible(twoOptions), isEligible(twoPairs)]).toEqual([false, false])
  })

  it('sets a match question as four distinct codes, one right, the same on every call', () => {
    const pack = PackSchema.parse(generatedPack({ id: 'gen', match: 3 }))
    for (const q of pack.questions) {
      if (q.kind !== 'match') throw new Error('expected match')
      const { codes, correct } = matchOptions(pack.id, q)
      expect(codes).toHaveLength(4)
      expect(new Set(codes.map((c) => c.join(','))).size).toBe(4)
      expect(codes[correct]).toEqual(q.answer)
      expect(matchOptions(pack.id, q)).toEqual({ codes, correct })
      const set = setQuestion(pack, q)!
      expect(set.correct).toBe(correct)
      expect(set.printed.options[correct]).toBe('A-2, B-1, C-4, D-3')
      expect(set.printed).toMatchObject({ kind: 'match', listI: ['P', 'Q', 'R', 'S'], sectionTitle: expect.stringContaining('section') })
      expect(set.printed).not.toHaveProperty('answer')
    }
    expect(matchCode([2, 0, 1])).toBe('A-3, B-1, C-2')
  })

  it('prints an mcq and a statements question with their section and no answer', () => {
    const pack = PackSchema.parse(generatedPack({ id: 'gen', mcq: 1, statements: 1, sections: 2, answer: () => 2 }))
    const [mcq, st] = pack.questions.map((q) => setQuestion(pack, q)!)
    expect(mcq).toMatchObject({ correct: 2, printed: { kind: 'mcq', packId: 'gen', sectionId: 'gen-s0', options: ['One', 'Two', 'Three', 'Four'] } })
    expect(st).toMatchObject({ correct: 2, printed: { kind: 'statements', sectionId: 'gen-s1', statements: ['First statement.', 'Second statement.'] } })
    expect(JSON.stringify(mcq?.printed)).not.toContain('Explanation')
  })
})
