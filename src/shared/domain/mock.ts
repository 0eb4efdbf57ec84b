// Why: a UPSC prelims-style mock's rules, used by main to set and mark a
// paper and by the page to offer and explain one. Only single-choice
// questions are in a mock (prelims is all single-choice MCQ; this pack's
// `match` kind is answered pair by pair, so it stays in self-test). Marks are
// kept in hundredths (integers) so 3 wrong is exactly −1.98, with no float drift.

export const MARKS_HUNDREDTHS = { right: 200, wrong: -66, unanswered: 0 } as const

/** Hundredths to marks, e.g. −198 → −1.98 (the nearest double to the 2-decimal value). */
export function marks(hundredths: number): number {
  return hundredths / 100
}

/** Questions in one paper. */
export const MOCK_QUESTIONS_MAX = 100
export const MOCK_QUESTIONS_DEFAULT = 25

/** UPSC prelims pace: 120 minutes for 100 questions. */
export function suggestedMinutes(count: number): number {
  return Math.ceil(count * 1.2)
}
