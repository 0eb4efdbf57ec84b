// Why: a UPSC prelims-style mock, built and marked by pure functions. Only
// question kinds answered by picking one option are in a mock (statements,
// mcq, true-false): prelims is all single-choice MCQ, and this pack's `match`
// kind is answered pair by pair, not by one option code, so it stays in
// self-test. Marking is +2 right, −0.66 wrong, 0 unanswered, added up in
// hundredths (integers) so 3 wrong is exactly −1.98, with no float drift.
import type { Question } from '../../../shared/pack/schema'

export type MockQuestion = Extract<Question, { kind: 'statements' | 'mcq' | 'true-false' }>

export const MARKS_HUNDREDTHS = { right: 200, wrong: -66, unanswered: 0 } as const

export function isMockable(q: Question): q is MockQuestion {
  return q.kind === 'statements' || q.kind === 'mcq' || q.kind === 'true-false'
}

/** True/false is shown as two options: 0 = True, 1 = False. */
export function optionCount(q: MockQuestion): number {
  return q.kind === 'true-false' ? 2 : q.options.length
}

export function correctOption(q: MockQuestion): number {
  if (q.kind === 'true-false') return q.answer ? 0 : 1
  return q.answer
}

/** `count` distinct questions in random order (Fisher–Yates with the given source of randomness). */
export function pickQuestions(eligible: readonly string[], count: number, random: () => number): string[] {
  const ids = [...eligible]
  const n = Math.min(count, ids.length)
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (ids.length - i))
    ;[ids[i], ids[j]] = [ids[j] as string, ids[i] as string]
  }
  return ids.slice(0, n)
}

export interface MarkedAnswer {
  questionId: string
  chosen: number | null
  correct: number
  outcome: 'right' | 'wrong' | 'unanswered'
  hundredths: number
}

export interface MockScore {
  answers: MarkedAnswer[]
  right: number
  wrong: number
  unanswered: number
  /** Total in hundredths of a mark: an integer, so exact. */
  hundredths: number
  maxHundredths: number
}

export function scoreMock(questions: readonly { questionId: string; correct: number; chosen: number | null }[]): MockScore {
  let right = 0
  let wrong = 0
  let total = 0
  const answers = questions.map(({ questionId, correct, chosen }): MarkedAnswer => {
    const outcome = chosen === null ? 'unanswered' : chosen === correct ? 'right' : 'wrong'
    const hundredths = MARKS_HUNDREDTHS[outcome]
    if (outcome === 'right') right += 1
    if (outcome === 'wrong') wrong += 1
    total += hundredths
    return { questionId, chosen, correct, outcome, hundredths }
  })
  return {
    answers,
    right,
    wrong,
    unanswered: questions.length - right - wrong,
    hundredths: total,
    maxHundredths: questions.length * MARKS_HUNDREDTHS.right
  }
}

/** Hundredths to marks, e.g. −198 → −1.98 (the nearest double to the 2-decimal value). */
export function marks(hundredths: number): number {
  return hundredths / 100
}

/** UPSC prelims pace: 120 minutes for 100 questions. */
export function suggestedMinutes(count: number): number {
  return Math.ceil(count * 1.2)
}
