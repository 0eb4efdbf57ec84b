// Why: one id scheme for everything the scheduler can schedule, so the
// question bank, compare tables and reading highlights share one deck, and
// main, the page and the validators all build and read an id the same way.
// Ids are built from the pack's stable ids, so progress survives pack updates.

/** What the scheduler can schedule: a pack question, a compare-table cell, or a card made from a highlight. */
export const ITEM_KINDS = ['question', 'cell', 'highlight'] as const
export type ItemKind = (typeof ITEM_KINDS)[number]

/** A pack id, block id, row id…: a lower-case slug. The validators match it whole. */
export const ID_PATTERN = '[a-z0-9][a-z0-9-]{0,79}'

export const ITEM_PREFIX = { question: 'q:', cell: 'cell:', highlight: 'hl:' } as const satisfies Record<ItemKind, string>

/** A table cell as a question's `tests` names it: `<rowId>/<columnId>` (row ids are unique across a pack). */
export const cellRef = (rowId: string, columnId: string): string => `${rowId}/${columnId}`

export const questionItemId = (questionId: string): string => `${ITEM_PREFIX.question}${questionId}`
export const cellItemId = (rowId: string, columnId: string): string => `${ITEM_PREFIX.cell}${cellRef(rowId, columnId)}`
export const highlightItemId = (annotationId: string): string => `${ITEM_PREFIX.highlight}${annotationId}`

export function itemKindOf(itemId: string): ItemKind {
  if (itemId.startsWith(ITEM_PREFIX.question)) return 'question'
  if (itemId.startsWith(ITEM_PREFIX.cell)) return 'cell'
  return 'highlight'
}

/** The pack id (question id, cell ref or annotation id) an item id is built on. */
export function itemTarget(itemId: string): string {
  return itemId.slice(ITEM_PREFIX[itemKindOf(itemId)].length)
}
