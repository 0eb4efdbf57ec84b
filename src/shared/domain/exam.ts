// Why: a UPSC aspirant has two deadlines, Prelims (one objective paper day)
// and Mains (written, paper by paper, months later). These are the shapes the
// exam channels take and return, and the one rule for which items peak at
// which exam, shared so main plans and the page explains the same thing.
import type { QuestionKind } from '../pack/schema'
import type { ItemRef } from './study'

export const MAINS_PAPERS = ['gs1', 'gs2', 'gs3', 'gs4', 'essay'] as const
export type MainsPaper = (typeof MAINS_PAPERS)[number]
export const MAINS_PAPER_NAMES: Record<MainsPaper, string> = { gs1: 'GS-I', gs2: 'GS-II', gs3: 'GS-III', gs4: 'GS-IV', essay: 'Essay' }

/** Which exam an item is revised for: written prompts for Mains, everything objective for Prelims. */
export type ExamTrack = 'prelims' | 'mains'
const MAINS_KINDS: ReadonlySet<QuestionKind> = new Set(['mains'])

/** Table cells and highlight cards are recall of facts, so they are objective too. */
export function trackOf(ref: ItemRef): ExamTrack {
  return ref.kind === 'question' && MAINS_KINDS.has(ref.questionKind) ? 'mains' : 'prelims'
}

/** About 7 minutes for a 150-word (10-mark) answer, 11 for a 250-word (15-mark) one. */
export function answerMinutes(wordLimit: number | undefined): number {
  return (wordLimit ?? 250) <= 150 ? 7 : 11
}

export interface ExamSettings {
  /** YYYY-MM-DD, or null while unknown. */
  prelims: string | null
  /** Each Mains paper's day; null while unknown. */
  mains: Record<MainsPaper, string | null>
  /** Study time a day; reviews are planned at 20 seconds each. */
  minutesPerDay: number
}

/** The dates alone, as `exam:set` takes them. */
export type ExamDates = Pick<ExamSettings, 'prelims' | 'mains'>

export interface ExamSectionForecast {
  sectionId: string
  title: string
  items: number
  unseen: number
  /** Mean predicted recall on the morning each item peaks at, if nothing more is studied; null if none seen. */
  recallSeen: number | null
  /** The same over all items, unseen items counting 0. */
  recallAll: number
}

export interface ExamForecast {
  overallSeen: number | null
  overallAll: number
  sections: ExamSectionForecast[]
  /** The sections with the lowest recallAll (at most three, weakest first), to revise first; none before anything is studied. */
  weakest: string[]
}

export interface ExamDayPlan {
  date: string
  /** Items seen for the first time (never on an exam day or the day before). */
  newItems: number
  /** Reviews the scheduler expects (assuming each is answered Good). */
  reviews: number
  /** Items of the final sweep before their exam. */
  sweep: number
  minutes: number
  /** The work this day needs more than minutesPerDay allows; what is over is pushed on. */
  overCap: boolean
}

/** One Mains prompt to answer today, opened in the Write desk. */
export interface AnswerToWrite {
  questionId: string
  prompt: string
  wordLimit: number | null
  minutes: number
}

export interface TodayPlan {
  reviews: number
  newItems: number
  sweep: number
  /** Minutes for the reviews, new items and sweep. */
  cardMinutes: number
  /** null on an exam day or its eve, or when the pack has no Mains prompt. */
  answer: AnswerToWrite | null
  /** Everything above, answer included. */
  minutes: number
}

export interface NextExam {
  date: string
  /** "Prelims", "GS-I"… */
  name: string
  /** Whole days from today; 0 on the day. */
  daysLeft: number
}

export interface ExamPlan {
  packId: string
  settings: ExamSettings
  /** Prelims until the day after it, then Mains; done once every date has passed. */
  phase: 'prelims' | 'mains' | 'done'
  /** The day each track peaks at now: objective items at Prelims (Mains once it is over), prompts at the first Mains paper still to come. */
  peaks: Record<ExamTrack, string | null>
  nextExam: NextExam | null
  secondsPerReview: number
  /** Reviews that fit in minutesPerDay. */
  capPerDay: number
  today: string
  items: number
  unseen: number
  forecast: ExamForecast
  /** From today to the eve of the next exam. */
  days: ExamDayPlan[]
  /** What to do today, in minutes. */
  todayPlan: TodayPlan
  /** Every item peaking at the next exam is met before it and swept within the cap. */
  feasible: boolean
  /** Items peaking at the next exam the sweep cannot reach within the cap (the strongest are left out). */
  unswept: number
  /** Least minutes a day that fit the new items and the sweep for the next exam (reviews aside). */
  minutesNeeded: number
}
