// Why: the desk's rules are what a student is judged by: a word count that is
// wrong for Hindi, a directive misread, or a score that schedules a weak
// answer later than a strong one would each teach the wrong thing.
import { describe, expect, it } from 'vitest'
import { findDirectives } from '../../../src/shared/domain/directives'
import { countWords } from '../../../src/shared/domain/word-count'
import {
  answerScore,
  marksForWordLimit,
  paperClock,
  paperSeconds,
  paperSecondsFor,
  questionShare,
  RUBRIC_MAX,
  rewriteGrade,
  rubricTotal,
  wordLimitLevel,
  type MainsMarks,
  type Rubric
} from '../../../src/shared/domain/writing'

describe('countWords', () => {
  it('counts English words, not spaces or punctuation', () => {
    expect(countWords('')).toBe(0)
    expect(countWords('   \n\t ')).toBe(0)
    expect(countWords('India and Russia met in New Delhi.')).toBe(7)
    expect(countWords('  Strategic   autonomy —  a   balance!  ')).toBe(4)
    expect(countWords("India's stance, however, isn't new.")).toBe(5)
  })

  it('counts Hindi words, with the danda and matras handled', () => {
    // भारत | और | रूस | के | बीच | पहला | संवाद | दिसंबर | में | हुआ  (the । is not a word)
    expect(countWords('भारत और रूस के बीच पहला संवाद दिसंबर में हुआ।')).toBe(10)
    // Conjuncts and vowel signs stay inside their word: three words, not a piece per letter.
    expect(countWords('रणनीतिक स्वायत्तता महत्वपूर्ण')).toBe(3)
    expect(countWords('प्रश्न।उत्तर')).toBe(2)
  })

  it('counts mixed Hindi and English text, numbers included', () => {
    expect(countWords('S-400 सौदा 2018 में हुआ, CAATSA के बावजूद।')).toBe(9)
  })

  it('grows by one per word typed, as the live count does', () => {
    const words = 'the first India Russia two plus two dialogue'.split(' ')
    words.forEach((_, i) => expect(countWords(words.slice(0, i + 1).join(' '))).toBe(i + 1))
  })
})

describe('findDirectives', () => {
  const words = (prompt: string): string[] => findDirectives(prompt).map((d) => d.word)

  it('finds the directive at the end or the start of a prompt', () => {
    expect(words('The first 2+2 dialogue was about signalling as much as substance. Discuss.')).toEqual(['discuss'])
    expect(words('Examine the challenge that CAATSA poses to India–Russia defence cooperation.')).toEqual(['examine'])
    expect(words('Elucidate the term strategic autonomy.')).toEqual(['elucidate'])
  })

  it('prefers the two-word directive to the word inside it', () => {
    expect(words('Critically examine the outcomes of the dialogue.')).toEqual(['critically examine'])
    expect(words('critically   ANALYSE the role of RELOS')).toEqual(['critically analyse'])
    expect(findDirectives('Critically examine X.')[0]?.asks).toMatch(/verdict/)
  })

  it('lists every directive in order, each once, each with a line on what it asks', () => {
    const found = findDirectives('Explain the deal. Comment on its timing, and explain its cost.')
    expect(found.map((d) => d.word)).toEqual(['explain', 'comment'])
    for (const d of found) expect(d.asks.length).toBeGreaterThan(20)
  })

  it('matches whole words only, and finds nothing in a prompt without one', () => {
    expect(words('The commentary on examinations')).toEqual([])
    expect(words('What does it reveal?')).toEqual([])
    expect(words('justify, illustrate and evaluate')).toEqual(['justify', 'illustrate', 'evaluate'])
  })
})

const rubric = (level: 0 | 1 | 2, patch: Partial<Rubric> = {}): Rubric => ({
  directive: level,
  structure: level,
  content: level,
  examples: level,
  conclusion: level,
  wordLimit: level,
  ...patch
})

describe('the rubric and the score', () => {
  it('totals six criteria of 0–2', () => {
    expect(RUBRIC_MAX).toBe(12)
    expect(rubricTotal(rubric(0))).toBe(0)
    expect(rubricTotal(rubric(2))).toBe(12)
    expect(rubricTotal(rubric(1, { content: 2, conclusion: 0 }))).toBe(6)
  })

  it('scores out of 100, a fifth of it for the key points covered when the prompt has them', () => {
    expect(answerScore(rubric(2), 0, 0)).toBe(100)
    expect(answerScore(rubric(1), 0, 0)).toBe(50)
    expect(answerScore(rubric(2), 5, 5)).toBe(100)
    expect(answerScore(rubric(2), 0, 5)).toBe(80)
    expect(answerScore(rubric(1), 2, 4)).toBe(50)
    expect(answerScore(rubric(0), 4, 4)).toBe(20)
    // More ticks than points (a stale outline) cannot lift the score past full coverage.
    expect(answerScore(rubric(2), 9, 4)).toBe(100)
  })

  it('suggests the word-limit level from the count', () => {
    expect(wordLimitLevel(150, 150)).toBe(2)
    expect(wordLimitLevel(136, 150)).toBe(2)
    expect(wordLimitLevel(120, 150)).toBe(1)
    expect(wordLimitLevel(60, 150)).toBe(0)
    expect(wordLimitLevel(400, 250)).toBe(0)
  })

  it('grades a weak answer Again or Hard and a strong one Good or Easy', () => {
    expect(rewriteGrade(0)).toBe(1)
    expect(rewriteGrade(39)).toBe(1)
    expect(rewriteGrade(40)).toBe(2)
    expect(rewriteGrade(59)).toBe(2)
    expect(rewriteGrade(60)).toBe(3)
    expect(rewriteGrade(84)).toBe(3)
    expect(rewriteGrade(85)).toBe(4)
    expect(rewriteGrade(100)).toBe(4)
  })
})

describe('timing', () => {
  it('makes a 250-word prompt a 15-marker and anything shorter a 10-marker', () => {
    expect(marksForWordLimit(undefined)).toBe(10)
    expect(marksForWordLimit(150)).toBe(10)
    expect(marksForWordLimit(250)).toBe(15)
  })

  it('shares 3 hours over a 20-question paper by marks', () => {
    expect(paperSecondsFor(10)).toBe(432)
    expect(paperSecondsFor(15)).toBe(648)
    const real: MainsMarks[] = [...Array(10).fill(10), ...Array(10).fill(15)]
    expect(paperSeconds(real)).toBe(3 * 3600)
    // Packs rarely hold ten of each: a 20-question paper is still 3 hours, each question's share by its marks.
    const mixed = [...Array<10>(6).fill(10), ...Array<15>(14).fill(15)]
    expect(paperSeconds(mixed)).toBe(3 * 3600)
    expect(questionShare(3 * 3600, 10, mixed)).toBe(400)
    expect(questionShare(3 * 3600, 15, mixed)).toBe(600)
    expect(paperSeconds([10, 15])).toBe(432 + 648)
    expect(questionShare(432 + 648, 15, [10, 15])).toBe(648)
  })

  it('says the time left on the paper, on this question and per question to go', () => {
    expect(paperClock(10_800, 600, 432, 300, 19)).toEqual({ paperLeft: 10_200, questionLeft: 132, perRemaining: 536 })
    expect(paperClock(10_800, 11_000, 648, 700, 1)).toEqual({ paperLeft: 0, questionLeft: -52, perRemaining: 0 })
  })
})
