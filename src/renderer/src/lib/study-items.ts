// Why: the scheduler hands the page item ids and refs; this turns them into
// what the student sees (the question, the table cell, the highlight) and into
// the section to open for "Read about this", using only the open pack and the
// same lookups main builds its deck with (shared/domain/lookups.ts).
import type { Pack } from '@shared/domain'
import { findCell, findQuestion, sectionOfBlock, sectionOfQuestion } from '@shared/domain/lookups'
import type { QueueItem } from '@shared/domain/study'
import type { CompareTable, Question, TableRow } from '@shared/pack/schema'

export type StudyCardModel =
  | { kind: 'question'; question: Question }
  | { kind: 'cell'; table: CompareTable; row: TableRow; columnLabel: string; text: string; blockIds: string[] }
  | { kind: 'highlight'; text: string; answer: string; blockId: string }
  | { kind: 'missing' }

export function resolveItem(pack: Pack, item: QueueItem): StudyCardModel {
  const ref = item.ref
  if (ref.kind === 'question') {
    const question = findQuestion(pack, ref.questionId)
    return question ? { kind: 'question', question } : { kind: 'missing' }
  }
  if (ref.kind === 'highlight') return { kind: 'highlight', text: ref.text, answer: ref.answer, blockId: ref.blockId }
  const found = findCell(pack, ref.rowId, ref.columnId, ref.tableId)
  if (!found) return { kind: 'missing' }
  const { table, row, column, cell } = found
  return { kind: 'cell', table, row, columnLabel: column.label, text: cell.text, blockIds: cell.blockIds ?? [] }
}

export function sectionOfModel(pack: Pack, model: StudyCardModel, fallback: readonly string[] = []): string | null {
  let found: string | null = null
  if (model.kind === 'question') found = sectionOfQuestion(pack, model.question)
  else if (model.kind === 'highlight') found = sectionOfBlock(pack, model.blockId)
  else if (model.kind === 'cell') found = model.blockIds.map((b) => sectionOfBlock(pack, b)).find(Boolean) ?? null
  return found ?? fallback[0] ?? null
}
