// Why: a drill card is only ids; both drill panels need the table, row, column
// and cell they point at, and a card whose row left the pack must not crash them.
import type { Cell, CompareTable, Pack, TableRow } from '@shared/pack/schema'
import type { DrillCard } from './drill-picks'

export interface ResolvedCard {
  table: CompareTable
  row: TableRow
  column: { id: string; label: string }
  cell: Cell
}

export function resolveCard(pack: Pack, card: DrillCard | null): ResolvedCard | null {
  if (!card) return null
  const table = pack.tables.find((t) => t.id === card.tableId)
  const row = table?.rows.find((r) => r.id === card.rowId)
  const column = table?.columns.find((c) => c.id === card.columnId)
  const cell = row && Object.hasOwn(row.cells, card.columnId) ? row.cells[card.columnId] : undefined
  return table && row && column && cell ? { table, row, column, cell } : null
}
