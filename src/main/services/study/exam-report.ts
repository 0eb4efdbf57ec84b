// Why: the one ExamPlan the exam channels return, put together from the
// targets (exam-targets.ts), the forecast (exam-forecast.ts) and the plan
// (exam-plan.ts), plus today's to-do in minutes with one Mains answer to
// write. Pure, so the service and the bench time the same work.
import { answerMinutes, trackOf, type AnswerToWrite, type ExamPlan, type ExamSettings, type TodayPlan } from '../../../shared/domain/exam'
import type { Question } from '../../../shared/pack/schema'
import { addDays, daysBetween, type Calendar } from './days'
import { readDeckCards, type DeckCards } from './exam-cards'
import { forecastExam } from './exam-forecast'
import { planExam, SECONDS_PER_REVIEW, type PlanResult } from './exam-plan'
import { examTargets } from './exam-targets'
import type { DeckItem } from './items'
import type { Scheduler, StoredCard } from './scheduler'

export interface ExamReportInput {
  packId: string
  settings: ExamSettings
  deck: readonly DeckItem[]
  cards: ReadonlyMap<string, StoredCard>
  sections: readonly { id: string; title: string }[]
  questions: ReadonlyMap<string, Question>
  now: Date
  calendar: Calendar
  /** Any scheduler (recall only). */
  recall: Scheduler
  /** A scheduler without short-term steps, for the day-by-day simulation. */
  planner: Scheduler
}

/** Day numbers count from here, so the prompt of the day turns over at midnight. */
const EPOCH_DAY = '2000-01-01'

export function buildExamPlan(input: ExamReportInput): ExamPlan {
  const { settings, calendar } = input
  const today = calendar.dayOf(input.now)
  const targets = examTargets(settings, today)
  const peakOf = (item: DeckItem): string | null => targets.peaks[trackOf(item.ref)]
  const read = readDeckCards(input.deck, input.cards)
  const forecast = forecastExam({ ...input, peakOf, read })
  const planned: PlanResult = targets.nextExam
    ? planExam({ ...input, today, until: targets.nextExam.date, peakOf, noNewDays: targets.noNewDays, minutesPerDay: settings.minutesPerDay, read })
    : { days: [], capPerDay: Math.floor((settings.minutesPerDay * 60) / SECONDS_PER_REVIEW), feasible: true, unswept: 0, minutesNeeded: 0 }
  const first = planned.days[0]
  const answer = targets.nextExam && !targets.noNewDays.has(today) ? answerOfTheDay({ ...input, read }, today) : null
  const cardMinutes = first?.minutes ?? 0
  const todayPlan: TodayPlan = {
    reviews: first?.reviews ?? 0,
    newItems: first?.newItems ?? 0,
    sweep: first?.sweep ?? 0,
    cardMinutes,
    answer,
    minutes: cardMinutes + (answer?.minutes ?? 0)
  }
  return {
    packId: input.packId,
    settings,
    phase: targets.phase,
    peaks: targets.peaks,
    nextExam: targets.nextExam,
    secondsPerReview: SECONDS_PER_REVIEW,
    capPerDay: planned.capPerDay,
    today,
    items: input.deck.length,
    unseen: forecast.unseen,
    forecast: { overallSeen: forecast.overallSeen, overallAll: forecast.overallAll, sections: forecast.sections, weakest: forecast.weakest },
    days: planned.days.map(({ ids: _ids, ...day }) => day),
    todayPlan,
    feasible: planned.feasible,
    unswept: planned.unswept,
    minutesNeeded: planned.minutesNeeded
  }
}

/**
 * The Mains prompt most overdue for review if one is due; otherwise the pack's
 * prompts in turn, one a day, so every prompt gets written in time.
 */
export function answerOfTheDay(
  input: Pick<ExamReportInput, 'deck' | 'cards' | 'questions' | 'calendar'> & { read?: DeckCards },
  today: string
): AnswerToWrite | null {
  const { deck, questions } = input
  const { dueMs } = input.read ?? readDeckCards(deck, input.cards)
  const prompts: { i: number; q: Extract<Question, { kind: 'mains' }> }[] = []
  for (let i = 0; i < deck.length; i++) {
    const ref = deck[i]!.ref
    if (ref.kind !== 'question' || trackOf(ref) !== 'mains') continue
    const q = questions.get(ref.questionId)
    if (q?.kind === 'mains') prompts.push({ i, q })
  }
  if (prompts.length === 0) return null
  const tomorrow = input.calendar.startOf(addDays(today, 1)).getTime()
  let pick = prompts[daysBetween(EPOCH_DAY, today) % prompts.length]!
  let earliest = tomorrow
  for (const p of prompts) {
    // NaN (never studied) is never earlier.
    if (dueMs[p.i]! < earliest) {
      earliest = dueMs[p.i]!
      pick = p
    }
  }
  return { questionId: pick.q.id, prompt: pick.q.prompt, wordLimit: pick.q.wordLimit ?? null, minutes: answerMinutes(pick.q.wordLimit) }
}
