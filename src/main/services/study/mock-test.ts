// Why: a UPSC prelims-style mock, picked and marked by pure functions. The
// rules (which questions, the marks, the pace) are in shared/domain/mock.ts
// and questions.ts; marking adds up in hundredths (integers) so 3 wrong is
// exactly −1.98, with no float drift.
import { MARKS_HUNDREDTHS } from '../../../shared/domain/mock'

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
