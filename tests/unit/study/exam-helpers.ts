// Why: small decks of objective items and Mains prompts, with a varied past,
// shared by the exam-plan tests.
import type { DeckItem } from '../../../src/main/services/study/items'
import { createScheduler, type StoredCard } from '../../../src/main/services/study/scheduler'
import { DAY_MS, T0 } from './helpers'

const planner = createScheduler({ shortTerm: false })

/** `n` objective items, and `mains` prompts after them. */
export function deckOf(n: number, mains = 0): DeckItem[] {
  const item = (i: number, kind: 'mcq' | 'mains'): DeckItem => ({
    itemId: `q:x${i}`,
    ref: { kind: 'question', questionId: `x${i}`, questionKind: kind },
    sectionIds: [i % 2 ? 's-odd' : 's-even']
  })
  return [...Array.from({ length: n }, (_, i) => item(i, 'mcq')), ...Array.from({ length: mains }, (_, i) => item(n + i, 'mains'))]
}

/** Cards for the first `seen` items, reviewed over the past weeks with varied ratings. */
export function cardsFor(deck: DeckItem[], seen: number): Map<string, StoredCard> {
  const cards = new Map<string, StoredCard>()
  deck.slice(0, seen).forEach((item, i) => {
    const at = new Date(T0.getTime() - ((i % 20) + 1) * DAY_MS)
    cards.set(item.itemId, planner.review(undefined, at, ((i % 4) + 1) as 1 | 2 | 3 | 4).card)
  })
  return cards
}
