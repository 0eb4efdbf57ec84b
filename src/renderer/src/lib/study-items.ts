// Why: the scheduler hands the page item ids and refs; this turns them into
// what the student sees (the question, the table cell, the highlight) and into
// the section to open for "Read about this", using only the open pack.
import type { Pack } from '@shared/domain'
import type { CompareTable, Question, TableRow } from '@shared/pack/schema'
import type { QueueItem } from '@shared/study'

export type StudyCardModel =
  | { kind: 'question'; question: Question }
  | { kind: 'cell'; table: CompareTable; row: TableRow; columnLabel: string; text: string; blockIds: string[] }
  | { kind: 'highlight'; text: string; answer: string; blockId: string }
  | { kind: 'missing' }

export function findQuestion(pack: Pack, questionId: string): Question | undefined {
  return pack.questions.find((q) => q.id === questionId)
}

export function resolveItem(pack: Pack, item: QueueItem): StudyCardModel {
  const ref = item.ref
  if (ref.kind === 'question') {
    const question = findQuestion(pack, ref.questionId)
    return question ? { kind: 'question', question } : { kind: 'missing' }
  }
  if (ref.kind === 'highlight') return { kind: 'highlight', text: ref.text, answer: ref.answer, blockId: ref.blockId }
  const table = pack.tables.find((t) => t.id === ref.tableId)
  const row = table?.rows.find((r) => r.id === ref.rowId)
  const column = table?.columns.find((c) => c.id === ref.columnId)
  const cell = row && Object.hasOwn(row.cells, ref.columnId) ? row.cells[ref.columnId] : undefined
  if (!table || !row || !column || !cell) return { kind: 'missing' }
  return { kind: 'cell', table, row, columnLabel: column.label, text: cell.text, blockIds: cell.blockIds ?? [] }
}

export function sectionOfBlock(pack: Pack, blockId: string | null | undefined): string | null {
  if (!blockId) return null
  return pack.sections.find((s) => s.blocks.some((b) => b.id === blockId))?.id ?? null
}

/** The blocks a `tests` entry points at: itself if a block id, or a cell's source blocks if `row/column`. */
function blocksOfTest(pack: Pack, ref: string): string[] {
  const [rowId, columnId] = ref.split('/')
  if (columnId === undefined) return [ref]
  for (const table of pack.tables) {
    const row = table.rows.find((r) => r.id === rowId)
    if (row && Object.hasOwn(row.cells, columnId)) return row.cells[columnId]?.blockIds ?? []
  }
  return []
}

/** The section to read for a question: the first block it tests, directly or through a table cell. */
export function sectionOfQuestion(pack: Pack, question: Question): string | null {
  for (const ref of question.tests) {
    for (const block of blocksOfTest(pack, ref)) {
      const section = sectionOfBlock(pack, block)
      if (section) return section
    }
  }
  return null
}

export function sectionOfModel(pack: Pack, model: StudyCardModel, fallback: readonly string[] = []): string | null {
  let found: string | null = null
  if (model.kind === 'question') found = sectionOfQuestion(pack, model.question)
  else if (model.kind === 'highlight') found = sectionOfBlock(pack, model.blockId)
  else if (model.kind === 'cell') found = model.blockIds.map((b) => sectionOfBlock(pack, b)).find(Boolean) ?? null
  return found ?? fallback[0] ?? null
}

export function sectionTitle(pack: Pack, sectionId: string | null): string | null {
  return pack.sections.find((s) => s.id === sectionId)?.title ?? null
}

/** A mock shows every kind as options; true/false is two: 0 = True, 1 = False (as main marks it). */
export function choiceOptions(question: Question): string[] {
  if (question.kind === 'true-false') return ['True', 'False']
  if (question.kind === 'mcq' || question.kind === 'statements') return question.options
  return []
}

export function correctChoice(question: Question): number | null {
  if (question.kind === 'true-false') return question.answer ? 0 : 1
  if (question.kind === 'mcq' || question.kind === 'statements') return question.answer
  return null
}
