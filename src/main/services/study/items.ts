// Why: one id scheme for everything the scheduler can schedule, so the
// question bank, compare tables and reading highlights share one deck. Ids are
// built from the pack's stable ids, so progress survives pack updates; an id
// the pack no longer has is simply an orphan, never an error in the store.
import type { Pack, Question } from '../../../shared/pack/schema'
import type { HighlightCard, ItemKind, ItemRef } from '../../../shared/study'

export const questionItemId = (questionId: string): string => `q:${questionId}`
export const cellItemId = (rowId: string, columnId: string): string => `cell:${rowId}/${columnId}`
export const highlightItemId = (annotationId: string): string => `hl:${annotationId}`

export function itemKindOf(itemId: string): ItemKind {
  if (itemId.startsWith('q:')) return 'question'
  if (itemId.startsWith('cell:')) return 'cell'
  return 'highlight'
}

export interface DeckItem {
  itemId: string
  ref: ItemRef
  sectionIds: string[]
}

export interface PackIndex {
  /** Questions then table cells, in pack order. Highlights live in the study store. */
  items: Map<string, DeckItem>
  questions: Map<string, Question>
  sectionOfBlock: Map<string, string>
  /** Section order, for sorting. */
  sectionOrder: Map<string, number>
}

const cache = new WeakMap<Pack, PackIndex>()

/** Packs are immutable once loaded, so each is indexed once. */
export function indexPack(pack: Pack): PackIndex {
  const hit = cache.get(pack)
  if (hit) return hit
  const sectionOfBlock = new Map<string, string>()
  const sectionOrder = new Map<string, number>()
  pack.sections.forEach((section, i) => {
    sectionOrder.set(section.id, i)
    for (const block of section.blocks) sectionOfBlock.set(block.id, section.id)
  })
  const cellBlocks = new Map<string, string[]>()
  const cells: DeckItem[] = []
  const sectionsOf = (blockIds: Iterable<string>): string[] => {
    const ids = new Set<string>()
    for (const b of blockIds) {
      const s = sectionOfBlock.get(b)
      if (s) ids.add(s)
    }
    return [...ids].sort((a, b) => (sectionOrder.get(a) ?? 0) - (sectionOrder.get(b) ?? 0))
  }
  for (const table of pack.tables) {
    for (const row of table.rows) {
      for (const column of table.columns) {
        const cell = row.cells[column.id]
        if (!cell) continue
        cellBlocks.set(`${row.id}/${column.id}`, cell.blockIds ?? [])
        cells.push({
          itemId: cellItemId(row.id, column.id),
          ref: { kind: 'cell', tableId: table.id, rowId: row.id, columnId: column.id },
          sectionIds: sectionsOf(cell.blockIds ?? [])
        })
      }
    }
  }
  const items = new Map<string, DeckItem>()
  const questions = new Map<string, Question>()
  for (const q of pack.questions) {
    questions.set(q.id, q)
    // A question belongs to the sections of the blocks it tests, directly or through a cell.
    const blocks = q.tests.flatMap((ref) => cellBlocks.get(ref) ?? [ref])
    items.set(questionItemId(q.id), {
      itemId: questionItemId(q.id),
      ref: { kind: 'question', questionId: q.id, questionKind: q.kind },
      sectionIds: sectionsOf(blocks)
    })
  }
  for (const cell of cells) items.set(cell.itemId, cell)
  const index: PackIndex = { items, questions, sectionOfBlock, sectionOrder }
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
  const id = itemId.slice(3)
  const card = itemKindOf(itemId) === 'highlight' && Object.hasOwn(highlights, id) ? highlights[id] : undefined
  return card ? highlightDeckItem(card, index) : undefined
}

/** A block to open for "read about this": the first block the question tests, directly or through a cell. */
export function firstBlockOf(question: Question, pack: Pack): string | null {
  const blockIds = new Set(pack.sections.flatMap((s) => s.blocks.map((b) => b.id)))
  for (const ref of question.tests) if (blockIds.has(ref)) return ref
  for (const ref of question.tests) {
    const [rowId, columnId] = ref.split('/')
    for (const table of pack.tables) {
      const cells = table.rows.find((r) => r.id === rowId)?.cells
      const block = cells && columnId && Object.hasOwn(cells, columnId) ? cells[columnId]?.blockIds?.[0] : undefined
      if (block) return block
    }
  }
  return null
}
