// Why: "how ready will I be on exam day, and what do I do each day until
// then", as pure functions over the deck and the cards.
// Forecast: each seen card's recall at 09:30 on exam day (UPSC prelims
// paper I) by ts-fsrs's forgetting curve from its stability, if nothing more is
// studied. Unseen items have no memory to forecast: they are counted apart
// (`unseen`, `recallSeen`) and as 0 in `recallAll`.
// Plan: reviews are budgeted at SECONDS_PER_REVIEW each, so minutesPerDay
// caps the reviews a day. The last 3 days before the exam sweep every item
// once (strongest first, weakest on the eve); the days before them bring in
// the unseen items evenly, new items first, then the reviews the scheduler
// expects (simulated as answered Good, without same-day learning steps).
// Work over the cap moves to the next day; `feasible` says if all of it fits.
import { State } from 'ts-fsrs'
import type { ExamDayPlan, ExamSectionForecast } from '../../../shared/domain/study'
import { addDays, daysBetween, type Calendar } from './days'
import type { DeckItem } from './items'
import type { Scheduler, StoredCard } from './scheduler'

export const SECONDS_PER_REVIEW = 20
export const SWEEP_DAYS = 3
const EXAM_TIME_MS = 9.5 * 3_600_000
const MIDDAY_MS = 12 * 3_600_000

export interface ExamInput {
  deck: readonly DeckItem[]
  cards: ReadonlyMap<string, StoredCard>
  sections: readonly { id: string; title: string }[]
  now: Date
  today: string
  examDate: string
  minutesPerDay: number
  calendar: Calendar
  /** Any scheduler (recall only). */
  recall: Scheduler
  /** A scheduler without short-term steps, for day-by-day simulation. */
  planner: Scheduler
}

export interface PlannedDay extends ExamDayPlan {
  ids: { fresh: string[]; reviews: string[]; sweep: string[] }
}

export function examMoment(examDate: string, calendar: Calendar): Date {
  return new Date(calendar.startOf(examDate).getTime() + EXAM_TIME_MS)
}

const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null)

export function forecastExam(input: Pick<ExamInput, 'deck' | 'cards' | 'sections' | 'now' | 'examDate' | 'calendar' | 'recall'>) {
  const at = new Date(Math.max(input.now.getTime(), examMoment(input.examDate, input.calendar).getTime()))
  const recallOf = new Map<string, number | null>(input.deck.map((item) => [item.itemId, input.recall.recall(input.cards.get(item.itemId), at)]))
  const summarise = (items: readonly DeckItem[]) => {
    const seen = items.flatMap((item) => {
      const r = recallOf.get(item.itemId)
      return r === null || r === undefined ? [] : [r]
    })
    return {
      items: items.length,
      unseen: items.length - seen.length,
      recallSeen: mean(seen),
      recallAll: items.length ? seen.reduce((a, b) => a + b, 0) / items.length : 0
    }
  }
  const sections: ExamSectionForecast[] = input.sections.map((s) => ({
    sectionId: s.id,
    title: s.title,
    ...summarise(input.deck.filter((item) => item.sectionIds.includes(s.id)))
  }))
  const all = summarise(input.deck)
  return { overallSeen: all.recallSeen, overallAll: all.recallAll, sections, recallOf }
}

export function planExam(input: ExamInput): { days: PlannedDay[]; feasible: boolean; capPerDay: number; minutesNeeded: number; daysLeft: number } {
  const { deck, calendar, planner } = input
  const cap = Math.floor((input.minutesPerDay * 60) / SECONDS_PER_REVIEW)
  const daysLeft = daysBetween(input.today, input.examDate)
  const studyDays = Math.max(0, daysLeft)
  const sweepDays = Math.min(SWEEP_DAYS, studyDays)
  const buildDays = studyDays - sweepDays
  const sim = new Map<string, StoredCard>()
  for (const item of deck) {
    const card = input.cards.get(item.itemId)
    if (card && card.state !== State.New) sim.set(item.itemId, card)
  }
  const unseen = deck.filter((item) => !sim.has(item.itemId)).map((item) => item.itemId)
  const firstUnseen = unseen.length
  const minutesOf = (n: number): number => Math.ceil((n * SECONDS_PER_REVIEW) / 60)
  const days: PlannedDay[] = []

  for (let i = 0; i < buildDays; i++) {
    const date = addDays(input.today, i)
    const at = i === 0 ? input.now : new Date(calendar.startOf(date).getTime() + MIDDAY_MS)
    const dayEnd = calendar.startOf(addDays(date, 1)).getTime()
    const newTarget = Math.ceil(unseen.length / (buildDays - i))
    const fresh = unseen.splice(0, Math.min(newTarget, cap))
    const due = [...sim].filter(([, c]) => Date.parse(c.due) < dayEnd).sort((a, b) => Date.parse(a[1].due) - Date.parse(b[1].due))
    const reviews = due.slice(0, cap - fresh.length).map(([id]) => id)
    for (const id of reviews) sim.set(id, planner.review(sim.get(id), at, 3).card)
    for (const id of fresh) sim.set(id, planner.review(undefined, at, 3).card)
    const total = fresh.length + reviews.length
    days.push({
      date,
      newItems: fresh.length,
      reviews: reviews.length,
      sweep: 0,
      minutes: minutesOf(total),
      overCap: newTarget + due.length > cap,
      ids: { fresh, reviews, sweep: [] }
    })
  }

  // The sweep: strongest on exam day first, so the weakest are the freshest.
  const examAt = examMoment(input.examDate, calendar)
  const strength = (id: string): number => input.recall.recall(sim.get(id), examAt) ?? -1
  const order = deck.map((item) => item.itemId).sort((a, b) => strength(b) - strength(a))
  let carry: string[] = []
  for (let j = 0; j < sweepDays; j++) {
    const share = Math.ceil(order.length / (sweepDays - j))
    const wanted = [...carry, ...order.splice(0, share)]
    const done = wanted.slice(0, cap)
    carry = wanted.slice(cap)
    const fresh = done.filter((id) => !sim.has(id))
    const swept = done.filter((id) => sim.has(id))
    for (const id of fresh) sim.set(id, planner.review(undefined, examAt, 3).card)
    days.push({
      date: addDays(input.today, buildDays + j),
      newItems: fresh.length,
      reviews: 0,
      sweep: swept.length,
      minutes: minutesOf(done.length),
      overCap: carry.length > 0,
      ids: { fresh, reviews: [], sweep: swept }
    })
  }
  const needed = Math.max(buildDays > 0 ? Math.ceil(firstUnseen / buildDays) : 0, sweepDays > 0 ? Math.ceil(deck.length / sweepDays) : 0)
  const feasible = daysLeft > 0 ? carry.length === 0 && order.length === 0 : deck.length === 0
  return { days, feasible, capPerDay: cap, minutesNeeded: minutesOf(needed), daysLeft }
}
