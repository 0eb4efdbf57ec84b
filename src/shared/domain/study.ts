// Why: the shapes the study (spaced-repetition), exam-plan and mock-test
// channels return, shared so the renderer and main agree. Dates cross the
// bridge as ISO strings; calendar days as YYYY-MM-DD in the student's time zone.
import type { QuestionKind } from '../pack/schema'

/** Again, Hard, Good, Easy: ts-fsrs's grades. */
export type StudyRating = 1 | 2 | 3 | 4
export type CardStateName = 'new' | 'learning' | 'review' | 'relearning'
export type { ItemKind } from './ids'
export type QueueMode = 'due' | 'cram' | 'section'

/** Most items one study:queue call returns. */
export const QUEUE_LIMIT_MAX = 500
/** Study time a day the exam planner accepts, in minutes. */
export const EXAM_MINUTES_MIN = 5
export const EXAM_MINUTES_MAX = 720

/** A cloze card the student made from a highlight in reading mode. */
export interface HighlightCard {
  /** The annotation id; the item id is `hl:<id>`. */
  id: string
  /** The passage with exactly one `{{blank}}` where the highlighted words were. */
  text: string
  answer: string
  blockId: string
  createdAt: string
}

/** What an item id points at. Questions and cells are looked up in the pack by id. */
export type ItemRef =
  | { kind: 'question'; questionId: string; questionKind: QuestionKind }
  | { kind: 'cell'; tableId: string; rowId: string; columnId: string }
  | ({ kind: 'highlight' } & HighlightCard)

export interface CardSummary {
  /** `q:<questionId>`, `cell:<rowId>/<columnId>` or `hl:<annotationId>`. */
  itemId: string
  state: CardStateName
  /** null for an item never studied. */
  due: string | null
  stability: number
  difficulty: number
  reps: number
  lapses: number
  lastReview: string | null
  /** Predicted recall now, 0..1; null for an item never studied. */
  retrievability: number | null
}

export interface QueueItem {
  itemId: string
  ref: ItemRef
  /** Sections this item belongs to (through the blocks it tests). */
  sectionIds: string[]
  card: CardSummary
}

export interface StudyQueue {
  packId: string
  mode: QueueMode
  items: QueueItem[]
  /** Across the whole pack (after the kinds filter), not just the returned slice. */
  counts: { dueNow: number; newAvailable: number; newLeftToday: number; newPerDay: number }
}

export interface UndoResult {
  itemId: string
  rating: StudyRating
  /** When the undone rating was given. */
  at: string
  /** The card as it was before that rating. */
  card: CardSummary
}

export interface SectionMastery {
  sectionId: string
  title: string
  items: number
  new: number
  learning: number
  review: number
  /** Mean predicted recall now over all items, unseen items counting 0. */
  mastery: number
  /** Mean predicted recall now over seen items only; null if none seen. */
  recall: number | null
}

export interface StudyStats {
  packId: string
  today: string
  totals: { items: number; new: number; learning: number; review: number; dueNow: number; orphaned: number; mastery: number }
  sections: SectionMastery[]
  /** The last 90 days, oldest first, zeros included. */
  reviewsPerDay: { date: string; reviews: number }[]
  /** Today (overdue included) and the next 13 days. */
  dueForecast: { date: string; due: number }[]
  mockScores: { mockId: string; submittedAt: string; score: number; maxScore: number }[]
  /** Consecutive days with at least one review, ending today or yesterday. */
  streak: { days: number; reviewedToday: boolean }
}

export interface MockPaper {
  mockId: string
  packId: string
  questionIds: string[]
  startedAt: string
  /** UPSC prelims pace: 2 hours for 100 questions. */
  suggestedMinutes: number
  /** The choices saved so far (mock:saveAnswers), so a restart mid-paper loses none. */
  answers: Record<string, number | null>
}

export interface MockReviewItem {
  questionId: string
  /** null when the question is no longer in the pack. */
  questionKind: QuestionKind | null
  chosen: number | null
  correct: number
  outcome: 'right' | 'wrong' | 'unanswered'
  marks: number
  explanation: string | null
  /** A block to open for "read about this"; null if the question tests only table cells. */
  blockId: string | null
}

export interface MockResult {
  mockId: string
  packId: string
  startedAt: string
  submittedAt: string
  right: number
  wrong: number
  unanswered: number
  /** +2 right, −0.66 wrong, 0 unanswered, to 2 decimals. */
  score: number
  maxScore: number
  items: MockReviewItem[]
}
