// Why: where things are in a pack: the section a block is in, the blocks a
// question tests (directly, or through a table cell's source blocks) and the
// cell a ref names. Main's deck and the page's "Read about this" answer these
// from the same index, so they always send the student to the same place.
import type { Cell, CompareTable, Pack, Question, TableRow } from '../pack/schema'
import { cellRef } from './ids'

export interface CellAt {
  table: CompareTable
  row: TableRow
  column: CompareTable['columns'][number]
  cell: Cell
}

export interface PackLookup {
  /** Block id → the id of the section it is in. */
  sectionOfBlock: ReadonlyMap<string, string>
  /** Section id → its place in the pack, for sorting. */
  sectionOrder: ReadonlyMap<string, number>
  questions: ReadonlyMap<string, Question>
  /** Cell ref (`<rowId>/<columnId>`) → the cell and where it is. */
  cells: ReadonlyMap<string, CellAt>
}

const cache = new WeakMap<Pack, PackLookup>()

/** Packs are never changed once loaded, so each is indexed once. */
export function packLookup(pack: Pack): PackLookup {
  const hit = cache.get(pack)
  if (hit) return hit
  const sectionOfBlock = new Map<string, string>()
  const sectionOrder = new Map<string, number>()
  pack.sections.forEach((section, i) => {
    sectionOrder.set(section.id, i)
    for (const block of section.blocks) sectionOfBlock.set(block.id, section.id)
  })
  const cells = new Map<string, CellAt>()
  for (const table of pack.tables) {
    for (const row of table.rows) {
      for (const column of table.columns) {
        const cell = Object.hasOwn(row.cells, column.id) ? row.cells[column.id] : undefined
        if (cell) cells.set(cellRef(row.id, column.id), { table, row, column, cell })
      }
    }
  }
  const questions = new Map(pack.questions.map((q) => [q.id, q]))
  const lookup: PackLookup = { sectionOfBlock, sectionOrder, questions, cells }
  cache.set(pack, lookup)
  return lookup
}

export function findQuestion(pack: Pack, questionId: string): Question | undefined {
  return packLookup(pack).questions.get(questionId)
}

/** The cell at row × column, if the pack (and the table, when given) still has it. */
export function findCell(pack: Pack, rowId: string, columnId: string, tableId?: string): CellAt | undefined {
  const found = packLookup(pack).cells.get(cellRef(rowId, columnId))
  return found && (tableId === undefined || found.table.id === tableId) ? found : undefined
}

export function sectionOfBlock(pack: Pack, blockId: string | null | undefined): string | null {
  return blockId ? (packLookup(pack).sectionOfBlock.get(blockId) ?? null) : null
}

/** The blocks one `tests` entry points at: the block itself, or a cell's source blocks. */
export function blocksOfTest(pack: Pack, ref: string): string[] {
  const { cells, sectionOfBlock } = packLookup(pack)
  const cell = cells.get(ref)
  if (cell) return cell.cell.blockIds ?? []
  return sectionOfBlock.has(ref) ? [ref] : []
}

/** The sections of these blocks, each once, in pack order. */
export function sectionsOfBlocks(pack: Pack, blockIds: Iterable<string>): string[] {
  const { sectionOfBlock, sectionOrder } = packLookup(pack)
  const ids = new Set<string>()
  for (const b of blockIds) {
    const s = sectionOfBlock.get(b)
    if (s) ids.add(s)
  }
  return [...ids].sort((a, b) => (sectionOrder.get(a) ?? 0) - (sectionOrder.get(b) ?? 0))
}

/** Every section a question is about, through the blocks it tests, in pack order. */
export function sectionsOfQuestion(pack: Pack, question: Question): string[] {
  return sectionsOfBlocks(
    pack,
    question.tests.flatMap((ref) => blocksOfTest(pack, ref))
  )
}

/** The block to open for "Read about this": the first block the question tests directly, else the first source block of a cell it tests. */
export function firstBlockOf(pack: Pack, question: Question): string | null {
  const { sectionOfBlock } = packLookup(pack)
  const direct = question.tests.find((ref) => sectionOfBlock.has(ref))
  if (direct) return direct
  for (const ref of question.tests) {
    const block = blocksOfTest(pack, ref)[0]
    if (block) return block
  }
  return null
}

export function sectionOfQuestion(pack: Pack, question: Question): string | null {
  return sectionOfBlock(pack, firstBlockOf(pack, question))
}

export function sectionTitle(pack: Pack, sectionId: string | null): string | null {
  return pack.sections.find((s) => s.id === sectionId)?.title ?? null
}
