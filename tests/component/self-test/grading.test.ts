// Why: self-marking must be fair and predictable: these are the rules a
// student would argue about (capitals, spaces, quotes, a full stop, an accepted
// alternative, one wrong pair in a match) and the rating each answer earns.
import { describe, expect, it } from 'vitest'
import { formatMarks } from '@renderer/lib/format'
import { allowedRatings, clozeIsCorrect, gradeMatch, normaliseAnswer, ratingForAnswer } from '@shared/domain/grading'

describe('typed answers', () => {
  it.each([
    ['New Delhi', 'new delhi'],
    ['  New   Delhi ', 'New Delhi'],
    ['“New Delhi.”', 'New Delhi'],
    ['(New Delhi)', 'New Delhi'],
    ['S - 400', 'S-400'],
    ['S–400', 'S-400'],
    ['2 + 2', '2+2'],
    ['ＲＥＬＯＳ', 'RELOS']
  ])('accepts %j for %j', (typed, answer) => {
    expect(clozeIsCorrect(typed, answer)).toBe(true)
  })

  it.each([
    ['Moscow', 'New Delhi'],
    ['New', 'New Delhi'],
    ['', 'New Delhi'],
    ['...', 'New Delhi'],
    ['S-300', 'S-400']
  ])('refuses %j for %j', (typed, answer) => {
    expect(clozeIsCorrect(typed, answer)).toBe(false)
  })

  it('accepts the pack’s listed alternatives, with the same tolerance', () => {
    expect(clozeIsCorrect('december 6.', '6 December', ['December 6'])).toBe(true)
    expect(clozeIsCorrect('6th December', '6 December', ['December 6'])).toBe(false)
  })

  it('keeps punctuation inside an answer', () => {
    expect(normaliseAnswer("  'Sushma Swaraj Bhawan', ")).toBe('sushma swaraj bhawan')
    expect(normaliseAnswer('U.S.')).toBe('u.s')
    expect(normaliseAnswer('2021–2031')).toBe('2021-2031')
  })
})

describe('match-the-following', () => {
  it('is right only when every pair is right', () => {
    expect(gradeMatch([1, 3, 0, 2], [1, 3, 0, 2])).toEqual({ rows: [true, true, true, true], correct: true })
    expect(gradeMatch([1, 3, 2, 0], [1, 3, 0, 2])).toEqual({ rows: [true, true, false, false], correct: false })
    expect(gradeMatch([1, null, 0, 2], [1, 3, 0, 2]).correct).toBe(false)
  })
})

describe('ratings', () => {
  it('maps wrong to Again, unsure to Hard, right to Good', () => {
    expect(ratingForAnswer(false, false)).toBe(1)
    expect(ratingForAnswer(false, true)).toBe(1)
    expect(ratingForAnswer(true, true)).toBe(2)
    expect(ratingForAnswer(true, false)).toBe(3)
  })

  it('never lets a wrong answer be promoted; a right one may go to Easy', () => {
    expect(allowedRatings(false)).toEqual([1])
    expect(allowedRatings(true)).toEqual([1, 2, 3, 4])
  })
})

describe('marks', () => {
  it('prints UPSC marks to 2 decimals with a true minus sign', () => {
    expect(formatMarks(2, true)).toBe('+2.00')
    expect(formatMarks(-0.66, true)).toBe('−0.66')
    expect(formatMarks(-1.98)).toBe('−1.98')
    expect(formatMarks(0, true)).toBe('0.00')
    expect(formatMarks(47.34)).toBe('47.34')
  })
})
