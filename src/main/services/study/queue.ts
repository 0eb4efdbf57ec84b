// Why: what to study now, as pure functions of the deck and the cards, so the
// three modes can be tested without files.
//   due:     learning steps that are due now, then reviews due by the end of
//            today (FSRS intervals are whole days, so a card due at 10:00 is
//            shown at 08:00 the same day), then new items in pack order up to
//            what is left of today's new-item cap.
//   cram:    studied items, lowest predicted recall first, then unseen ones.
//   section: every item of one section, in pack order.
import { State } from 'ts-fsrs'
import type { DeckItem } from './items'
import type { StoredCard } from './scheduler'

export interface QueueContext {
  /** Studyable items in deck order (orphans are not in it). */
  deck: readonly DeckItem[]
  cards: ReadonlyMap<string, StoredCard>
  now: Date
  /** Start of tomorrow in the student's zone. */
  tomorrow: Date
  recall: (card: StoredCard | undefined) => number | null
  newLeftToday: number
}

export interface QueueResult {
  items: DeckItem[]
  dueNow: number
  newAvailable: number
}

const isNew = (card: StoredCard | undefined): boolean => !card || card.state === State.New

export function isDue(card: StoredCard | undefined, now: Date, tomorrow: Date): boolean {
  if (isNew(card)) return false
  const due = Date.parse((card as StoredCard).due)
  return (card as StoredCard).state === State.Review ? due < tomorrow.getTime() : due <= now.getTime()
}

function counts(ctx: QueueContext): { due: DeckItem[]; fresh: DeckItem[] } {
  const due: DeckItem[] = []
  const fresh: DeckItem[] = []
  for (const item of ctx.deck) {
    const card = ctx.cards.get(item.itemId)
    if (isNew(card)) fresh.push(item)
    else if (isDue(card, ctx.now, ctx.tomorrow)) due.push(item)
  }
  return { due, fresh }
}

export function dueQueue(ctx: QueueContext, limit: number): QueueResult {
  const { due, fresh } = counts(ctx)
  const key = (item: DeckItem): [number, number] => {
    const card = ctx.cards.get(item.itemId) as StoredCard
    return [card.state === State.Review ? 1 : 0, Date.parse(card.due)]
  }
  const sorted = due
    .map((item, i) => ({ item, i, k: key(item) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.i - b.i)
    .map((x) => x.item)
  const items = [...sorted, ...fresh.slice(0, Math.max(0, ctx.newLeftToday))].slice(0, limit)
  return { items, dueNow: due.length, newAvailable: fresh.length }
}

export function cramQueue(ctx: QueueContext, limit: number): QueueResult {
  const { due, fresh } = counts(ctx)
  const seen = ctx.deck
    .map((item, i) => ({ item, i, card: ctx.cards.get(item.itemId) }))
    .filter((x) => !isNew(x.card))
    .map((x) => ({ ...x, r: ctx.recall(x.card) ?? 0 }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.item)
  return { items: [...seen, ...fresh].slice(0, limit), dueNow: due.length, newAvailable: fresh.length }
}

export function sectionQueue(ctx: QueueContext, sectionId: string, limit: number): QueueResult {
  const { due, fresh } = counts(ctx)
  const items = ctx.deck.filter((item) => item.sectionIds.includes(sectionId)).slice(0, limit)
  return { items, dueNow: due.length, newAvailable: fresh.length }
}
