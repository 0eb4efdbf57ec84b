// Why: the dashboard's numbers as one pure function of the deck, the cards
// and the per-day counts. Mastery is the mean predicted recall now over a
// section's items, with unseen items counting 0, so it rises both by covering
// more items and by remembering them better; `recall` is the same over seen
// items only.
import { State } from 'ts-fsrs'
import type { SectionMastery, StudyStats } from '../../../shared/domain/study'
import { addDays, daysEnding, type Calendar } from './days'
import type { DeckItem } from './items'
import { isDue } from './queue'
import type { Scheduler, StoredCard } from './scheduler'

export interface StatsInput {
  packId: string
  deck: readonly DeckItem[]
  cards: ReadonlyMap<string, StoredCard>
  sections: readonly { id: string; title: string }[]
  /** Cards kept for items the pack no longer has. */
  orphaned: number
  now: Date
  calendar: Calendar
  scheduler: Scheduler
  daily: ReadonlyMap<string, { reviews: number }>
  mockScores: StudyStats['mockScores']
}

interface Tally {
  items: number
  new: number
  learning: number
  review: number
  recallSum: number
  seen: number
}

function tally(items: readonly DeckItem[], cards: ReadonlyMap<string, StoredCard>, recall: (c: StoredCard | undefined) => number | null): Tally {
  const t: Tally = { items: items.length, new: 0, learning: 0, review: 0, recallSum: 0, seen: 0 }
  for (const item of items) {
    const card = cards.get(item.itemId)
    if (!card || card.state === State.New) t.new += 1
    else if (card.state === State.Review) t.review += 1
    else t.learning += 1
    const r = recall(card)
    if (r !== null) {
      t.recallSum += r
      t.seen += 1
    }
  }
  return t
}

export function buildStats(input: StatsInput): StudyStats {
  const { deck, cards, calendar, now } = input
  const today = calendar.dayOf(now)
  const tomorrow = calendar.startOf(addDays(today, 1))
  const recall = (card: StoredCard | undefined): number | null => input.scheduler.recall(card, now)

  const sections: SectionMastery[] = input.sections.map((s) => {
    const t = tally(
      deck.filter((item) => item.sectionIds.includes(s.id)),
      cards,
      recall
    )
    return {
      sectionId: s.id,
      title: s.title,
      items: t.items,
      new: t.new,
      learning: t.learning,
      review: t.review,
      mastery: t.items ? t.recallSum / t.items : 0,
      recall: t.seen ? t.recallSum / t.seen : null
    }
  })
  const all = tally(deck, cards, recall)

  const forecastDays = daysEnding(addDays(today, 13), 14)
  const dueByDay = new Map<string, number>()
  let dueNow = 0
  for (const item of deck) {
    const card = cards.get(item.itemId)
    if (!card || card.state === State.New) continue
    if (isDue(card, now, tomorrow)) dueNow += 1
    const day = calendar.dayOf(new Date(card.due))
    const slot = day < today ? today : day
    dueByDay.set(slot, (dueByDay.get(slot) ?? 0) + 1)
  }

  const reviewed = (day: string): boolean => (input.daily.get(day)?.reviews ?? 0) > 0
  const reviewedToday = reviewed(today)
  let streak = 0
  for (let day = reviewedToday ? today : addDays(today, -1); reviewed(day); day = addDays(day, -1)) streak += 1

  return {
    packId: input.packId,
    today,
    totals: {
      items: all.items,
      new: all.new,
      learning: all.learning,
      review: all.review,
      dueNow,
      orphaned: input.orphaned,
      mastery: all.items ? all.recallSum / all.items : 0
    },
    sections,
    reviewsPerDay: daysEnding(today, 90).map((date) => ({ date, reviews: input.daily.get(date)?.reviews ?? 0 })),
    dueForecast: forecastDays.map((date) => ({ date, due: dueByDay.get(date) ?? 0 })),
    mockScores: input.mockScores,
    streak: { days: streak, reviewedToday }
  }
}
