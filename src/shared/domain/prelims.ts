// Why: the rules of a full GS Paper I (100 questions, 2 hours, +2 / −0.66)
// and the shapes its channels return, shared so main sets and marks the paper
// and the page lays it out by the same rules. Only questions with one right
// option among three or more are drawn (mcq, statements, and match shown as
// coded options): the −0.66 penalty is one third of 2 so that a blind guess
// among four options is worth nothing on average, as UPSC intends; a
// true-false question (two options) would make every blind guess pay
// (+0.67 on average), so it stays in self-test and the mock tests.
import type { QuestionKind } from '../pack/schema'

export const PRELIMS_QUESTIONS = 100
export const PRELIMS_MINUTES = 120
/** Kinds a paper draws from. */
export const PRELIMS_KINDS = ['mcq', 'statements', 'match'] as const satisfies readonly QuestionKind[]
export type PrelimsKind = (typeof PRELIMS_KINDS)[number]
/** Fewer options (or match pairs) than this and a guess pays: see above. */
export const PRELIMS_MIN_OPTIONS = 3
/** Answers saved this long after the bell still count (a save in flight as time ran out). */
export const PRELIMS_GRACE_SECONDS = 15
/** Results kept; the oldest go first. */
export const PRELIMS_RESULTS_MAX = 100

/** The exam's pace (1.2 minutes a question), so a short paper gets its share of the 2 hours. */
export function prelimsMinutes(count: number): number {
  return count >= PRELIMS_QUESTIONS ? PRELIMS_MINUTES : Math.ceil((count * PRELIMS_MINUTES) / PRELIMS_QUESTIONS)
}

/** A question as the paper prints it: no answer, no explanation. */
export interface PrelimsQuestion {
  packId: string
  packTitle: string
  sectionId: string
  sectionTitle: string
  questionId: string
  kind: PrelimsKind
  /** The question left its pack while the paper was open: shown, not marked. */
  missing?: boolean
  /** The mcq or match prompt, or the statements' stem. */
  stem: string
  statements?: string[]
  ask?: string
  listI?: string[]
  listII?: string[]
  options: string[]
}

export interface PrelimsAvailability {
  /** Questions a paper can draw from all loaded packs. */
  available: number
  required: number
  packs: { packId: string; title: string; questions: number }[]
}

export interface PrelimsPaper {
  paperId: string
  startedAt: string
  minutes: number
  /** When the paper is handed in on its own. */
  endsAt: string
  questions: PrelimsQuestion[]
  /** By position: the chosen option's index, or null. */
  answers: (number | null)[]
  /** By position: marked for review. */
  review: boolean[]
  /** By position: milliseconds the question was on screen. */
  timeMs: number[]
}

export interface PrelimsResultItem {
  /** 1-based, as on the answer sheet. */
  number: number
  packId: string
  packTitle: string
  sectionId: string
  sectionTitle: string
  questionId: string
  chosen: number | null
  correct: number
  outcome: 'right' | 'wrong' | 'unanswered'
  marks: number
  timeMs: number
}

export interface PrelimsSectionResult {
  packId: string
  packTitle: string
  sectionId: string
  sectionTitle: string
  questions: number
  right: number
  wrong: number
  unanswered: number
  marks: number
  timeMs: number
}

export interface PrelimsResult {
  paperId: string
  startedAt: string
  submittedAt: string
  minutes: number
  /** The bell handed it in (or it was handed in after time ran out). */
  timedOut: boolean
  questions: number
  right: number
  wrong: number
  unanswered: number
  /** +2 right, −0.66 wrong, 0 blank; to 2 decimals. */
  score: number
  maxScore: number
  /** What the wrong answers took away: 0 or less (−0.66 each). */
  guessingCost: number
  timeMs: number
  sections: PrelimsSectionResult[]
  items: PrelimsResultItem[]
}

export interface PrelimsResultSummary {
  paperId: string
  submittedAt: string
  questions: number
  score: number
  maxScore: number
}
