// Why: self-test marks answers itself, so the marking must be fair and the
// same everywhere: a typed answer is not wrong for its capitals, spacing,
// curly quotes or a stray full stop, and a marked answer maps to an FSRS
// rating the same way on the page and in main's mock marking.
import type { StudyRating } from './study'

/** ts-fsrs's grades, in order; the key is the digit that gives it. */
export const RATINGS: readonly { value: StudyRating; label: string; key: string }[] = [
  { value: 1, label: 'Again', key: '1' },
  { value: 2, label: 'Hard', key: '2' },
  { value: 3, label: 'Good', key: '3' },
  { value: 4, label: 'Easy', key: '4' }
]

export function ratingLabel(rating: StudyRating): string {
  return RATINGS[rating - 1]?.label ?? String(rating)
}

/**
 * The rating an auto-marked answer earns: wrong is Again; right but unsure is
 * Hard (a guess should come back soon); right is Good. Easy is the student's
 * own call, offered as an override on a right answer.
 */
export function ratingForAnswer(correct: boolean, unsure = false): StudyRating {
  if (!correct) return 1
  return unsure ? 2 : 3
}

/** Which ratings a marked answer may be given: a wrong answer cannot be promoted, a right one may be marked down. */
export function allowedRatings(correct: boolean): StudyRating[] {
  return correct ? [1, 2, 3, 4] : [1]
}

const EDGE_PUNCTUATION = /^\p{P}+|\p{P}+$/gu
// Spaces around joiners are noise: "2 + 2" is "2+2", "S - 400" is "S-400".
const SPACED_JOINER = /\s*([-/+&])\s*/g

/** The form two typed answers are compared in. */
export function normaliseAnswer(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(EDGE_PUNCTUATION, '')
    .trim()
    .replace(SPACED_JOINER, '$1')
}

/** Is `typed` the answer, or one of the other answers the pack accepts? */
export function clozeIsCorrect(typed: string, answer: string, accept: readonly string[] = []): boolean {
  const given = normaliseAnswer(typed)
  if (!given) return false
  return [answer, ...accept].some((a) => normaliseAnswer(a) === given)
}

export interface MatchGrade {
  /** Per List-I row: did the student pick its List-II partner? */
  rows: boolean[]
  correct: boolean
}

/** A match is right only when every pair is right, as in the exam's single option code. */
export function gradeMatch(chosen: readonly (number | null)[], answer: readonly number[]): MatchGrade {
  const rows = answer.map((target, i) => chosen[i] === target)
  return { rows, correct: rows.length > 0 && rows.every(Boolean) }
}
