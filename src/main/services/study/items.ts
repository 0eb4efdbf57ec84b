// Why: the deck the scheduler works through: every question and table cell of
// a pack, plus the cards made from highlights, each under its item id (see
// shared/domain/ids.ts). An id the pack no longer has is simply an orphan,
// never an error in the store. Where an item is in the pack (its sections,
// the block to read) comes from the shared lookups the page uses too.
import { cellItemId, highlightItemId, itemKindOf, itemTarget, questionItemId, type ItemKind } from '../../../shared/domain/ids'
import { packLookup, sectionsOfBlocks, sectionsOfQuestion } from '../../../shared/domain/lookups'
import type { HighlightCard, ItemRef } from '../../../shared/domain/study'
import type { Pack, Question } from '../../../shared/pack/schema'

export interface DeckItem {
  itemId: string
  ref: ItemRef
  sectionIds: string[]
}

export interface PackIndex {
  /** Questions then table cells, in pack order. Highlights live in the study store. */
  items: ReadonlyMap<string, DeckItem>
  questions: ReadonlyMap<string, Question>
  sectionOfBlock: ReadonlyMap<string, string>
  /** Section order, for sorting. */
  sectionOrder: ReadonlyMap<string, number>
}

const cache = new WeakMap<Pack, PackIndex>()

/** Packs are immutable once loaded, so each is indexed once. */
export function indexPack(pack: Pack): PackIndex {
  const hit = cache.get(pack)
  if (hit) return hit
  const lookup = packLookup(pack)
  const items = new Map<string, DeckItem>()
  for (const q of pack.questions) {
    const itemId = questionItemId(q.id)
    items.set(itemId, { itemId, ref: { kind: 'question', questionId: q.id, questionKind: q.kind }, sectionIds: sectionsOfQuestion(pack, q) })
  }
  for (const { table, row, column, cell } of lookup.cells.values()) {
    const itemId = cellItemId(row.id, column.id)
    items.set(itemId, {
      itemId,
      ref: { kind: 'cell', tableId: table.id, rowId: row.id, columnId: column.id },
      sectionIds: sectionsOfBlocks(pack, cell.blockIds ?? [])
    })
  }
  const index: PackIndex = { items, questions: lookup.questions, sectionOfBlock: lookup.sectionOfBlock, sectionOrder: lookup.sectionOrder }
  cache.set(pack, index)
  return index
}

export function highlightDeckItem(card: HighlightCard, index: PackIndex): DeckItem {
  const section = index.sectionOfBlock.get(card.blockId)
  return { itemId: highlightItemId(card.id), ref: { kind: 'highlight', ...card }, sectionIds: section ? [section] : [] }
}

/** The pack's deck: questions, then highlights (oldest first), then table cells. */
export function buildDeck(index: PackIndex, highlights: Record<string, HighlightCard>, kinds?: readonly ItemKind[]): DeckItem[] {
  const all = [...index.items.values()]
  const cards = Object.values(highlights)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    .map((h) => highlightDeckItem(h, index))
  const deck = [...all.filter((i) => i.ref.kind === 'question'), ...cards, ...all.filter((i) => i.ref.kind === 'cell')]
  return kinds ? deck.filter((i) => kinds.includes(i.ref.kind)) : deck
}

/** What an item id points at now, or undefined for an orphan. */
export function findItem(index: PackIndex, highlights: Record<string, HighlightCard>, itemId: string): DeckItem | undefined {
  const fromPack = index.items.get(itemId)
  if (fromPack) return fromPack
  const id = itemTarget(itemId)
  const card = itemKindOf(itemId) === 'highlight' && Object.hasOwn(highlights, id) ? highlights[id] : undefined
  return card ? highlightDeckItem(card, index) : undefined
}
