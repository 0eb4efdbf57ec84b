// Why: the forecast, the plan and the answer of the day each read every
// item's card; over a deck of 20,000 the map look-ups and the parsing of the
// stored instants cost more than the sums made of them, so the exam report
// reads each card once and hands the result to all three.
import { State } from 'ts-fsrs'
import { isoMs } from './days'
import type { DeckItem } from './items'
import type { StoredCard } from './scheduler'

/** Per deck item, in deck order. */
export interface DeckCards {
  /** The item's card if it has been studied (its state is not New). */
  studied: (StoredCard | undefined)[]
  /** Its last review in ms; NaN if never studied or the card has no last review. */
  lastMs: Float64Array
  /** When it is due, in ms; NaN if never studied. */
  dueMs: Float64Array
}

export function readDeckCards(deck: readonly DeckItem[], cards: ReadonlyMap<string, StoredCard>): DeckCards {
  const studied: (StoredCard | undefined)[] = new Array(deck.length)
  const lastMs = new Float64Array(deck.length).fill(NaN)
  const dueMs = new Float64Array(deck.length).fill(NaN)
  for (let i = 0; i < deck.length; i++) {
    const card = cards.get(deck[i]!.itemId)
    if (!card || card.state === State.New) continue
    studied[i] = card
    if (card.last_review) lastMs[i] = isoMs(card.last_review)
    dueMs[i] = isoMs(card.due)
  }
  return { studied, lastMs, dueMs }
}
