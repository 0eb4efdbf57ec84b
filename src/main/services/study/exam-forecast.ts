// Why: "how much will I remember on the morning of my exam if I study nothing
// more". Each seen card's recall at 09:30 on the day its item peaks at (the
// UPSC morning paper), by ts-fsrs's forgetting curve from its stability.
// Unseen items have no memory to forecast: they are counted apart (`unseen`,
// `recallSeen`) and as 0 in `recallAll`. One pass over the deck, so 20,000
// items across 100 sections cost one recall each.
import type { ExamForecast, ExamSectionForecast } from '../../../shared/domain/exam'
import type { Calendar } from './days'
import { readDeckCards, type DeckCards } from './exam-cards'
import type { DeckItem } from './items'
import type { Scheduler, StoredCard } from './scheduler'

const EXAM_TIME_MS = 9.5 * 3_600_000
const MS_PER_DAY = 86_400_000
const WEAKEST = 3

export function examMoment(day: string, calendar: Calendar): Date {
  return new Date(calendar.startOf(day).getTime() + EXAM_TIME_MS)
}

export interface ForecastInput {
  deck: readonly DeckItem[]
  cards: ReadonlyMap<string, StoredCard>
  sections: readonly { id: string; title: string }[]
  now: Date
  calendar: Calendar
  /** The day an item peaks at; null (nothing left to sit) forecasts now. */
  peakOf: (item: DeckItem) => string | null
  recall: Scheduler
  /** The deck's cards already read (see exam-cards.ts); read here if not given. */
  read?: DeckCards
}

interface Tally {
  items: number
  seen: number
  sum: number
}

const tally = (): Tally => ({ items: 0, seen: 0, sum: 0 })
function add(t: Tally, recall: number | null): void {
  t.items++
  if (recall === null) return
  t.seen++
  t.sum += recall
}

export function forecastExam(input: ForecastInput): ExamForecast & { unseen: number } {
  const nowMs = input.now.getTime()
  const moments = new Map<string, number>()
  const momentOf = (day: string | null): number => {
    if (day === null) return nowMs
    let at = moments.get(day)
    if (at === undefined) moments.set(day, (at = Math.max(nowMs, examMoment(day, input.calendar).getTime())))
    return at
  }
  const { studied, lastMs } = input.read ?? readDeckCards(input.deck, input.cards)
  const bySection = new Map<string, Tally>(input.sections.map((s) => [s.id, tally()]))
  const all = tally()
  for (let i = 0; i < input.deck.length; i++) {
    const item = input.deck[i]!
    const card = studied[i]
    const last = lastMs[i]!
    // As Scheduler.recall: a card never reviewed has no recall.
    const r = card && !Number.isNaN(last) ? input.recall.recallAfter(card.stability, (momentOf(input.peakOf(item)) - last) / MS_PER_DAY) : null
    add(all, r)
    const ids = item.sectionIds
    for (let k = 0; k < ids.length; k++) {
      const t = bySection.get(ids[k]!)
      if (t) add(t, r)
    }
  }
  const sections: ExamSectionForecast[] = input.sections.map((s) => {
    const t = bySection.get(s.id) ?? tally()
    return {
      sectionId: s.id,
      title: s.title,
      items: t.items,
      unseen: t.items - t.seen,
      recallSeen: t.seen ? t.sum / t.seen : null,
      recallAll: t.items ? t.sum / t.items : 0
    }
  })
  // Sorting is stable, so equal sections keep pack order. Before anything is studied, no section is weaker than another.
  const weakest = sections
    .filter((s) => s.items > 0 && all.seen > 0)
    .sort((a, b) => a.recallAll - b.recallAll)
    .slice(0, WEAKEST)
    .map((s) => s.sectionId)
  return { overallSeen: all.seen ? all.sum / all.seen : null, overallAll: all.items ? all.sum / all.items : 0, sections, weakest, unseen: all.items - all.seen }
}
