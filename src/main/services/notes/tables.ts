// Why: a GFM table whose first column names what is compared becomes a
// compare table, so its cells get the drills and "which side?" prompts of
// Compare mode. An optional last column of `=` / `≠` says whether a row's
// sides are alike or differ. A table that cannot be a compare table is kept
// as a list of its rows, with a warning saying why.
import type { Table } from 'mdast'
import type { CompareTable, TableRow } from '../../../shared/pack/schema'
import type { NotesWarning } from '../../../shared/domain/notes'
import { NOTES_MAX_TABLE_ROWS } from '../../../shared/domain/notes'
import { slugify, type IdRegistry } from './ids'
import { inlineText, oneLine, type Definitions } from './inline-text'
import type { SourceBook } from './sources'

const MAX_COLUMNS = 8
const MAX_TABLES = 20
const SHORT_MAX = 500
const ALIKE = new Set(['=', '==', 'alike', 'same'])
const DIFFER = new Set(['≠', '!=', '=/=', '<>', 'differ', 'different'])
const RELATION_HEADER = /^(=|≠|=\s*\/\s*≠|alike\??|same\??|)$/i

export interface TableContext {
  ids: IdRegistry
  sources: SourceBook
  warnings: NotesWarning[]
  definitions: Definitions
  /** Tables already in the pack. */
  count: number
}

export type TableOutcome = { table: CompareTable } | { rows: string[]; reason: string } | { error: string }

const short = (text: string): string => (text.length > SHORT_MAX ? `${text.slice(0, SHORT_MAX - 1)}…` : text)

export function readTable(node: Table, title: string, line: number, ctx: TableContext): TableOutcome {
  const cells = node.children.map((row) =>
    row.children.map((cell) => {
      const inline = inlineText(cell.children, ctx.definitions)
      if (inline.html)
        ctx.warnings.push({ line: line + (cell.position?.start.line ?? 0) - (node.position?.start.line ?? 0), message: 'HTML in a table cell is kept as text' })
      return { text: oneLine(inline.text), links: inline.links }
    })
  )
  const [header = [], ...body] = cells
  const asRows = (reason: string): TableOutcome => ({
    reason,
    rows: body.map((r) =>
      r
        .map((c, i) => (i === 0 ? c.text : `${header[i]?.text || `column ${i + 1}`}: ${c.text || '—'}`))
        .filter(Boolean)
        .join('; ')
    )
  })
  if (body.length === 0) return asRows('the table has a header but no rows')
  if (body.length > NOTES_MAX_TABLE_ROWS) return { error: `the table has ${body.length} rows; a compare table holds at most ${NOTES_MAX_TABLE_ROWS}` }
  const lastHeader = header[header.length - 1]?.text ?? ''
  const relationColumn =
    header.length >= 4 &&
    RELATION_HEADER.test(lastHeader) &&
    body.every((r) => {
      const mark = (r[header.length - 1]?.text ?? '').toLowerCase()
      return mark === '' || ALIKE.has(mark) || DIFFER.has(mark)
    })
  const labels = header.slice(1, relationColumn ? -1 : undefined)
  if (labels.length < 2) return asRows('a compare table needs a first column naming what is compared and at least two columns to compare')
  if (labels.length > MAX_COLUMNS) return asRows(`a compare table can compare at most ${MAX_COLUMNS} columns`)
  if (ctx.count >= MAX_TABLES) return asRows(`a pack holds at most ${MAX_TABLES} compare tables`)

  const tableId = ctx.ids.generated(`${slugify(title, 60)}-table`, line)
  const columnIds = new Set<string>()
  const columns = labels.map((label, i) => {
    const base = slugify(label.text, 40) || `column-${i + 1}`
    let id = base
    for (let n = 2; columnIds.has(id); n++) id = `${base}-${n}`
    columnIds.add(id)
    return { id, label: short(label.text || `Column ${i + 1}`) }
  })
  const group = short(header[0]?.text || 'Comparison')
  const rows: TableRow[] = body.map((r, j) => {
    const rowLine = line + j + 2
    const dimension = short(r[0]?.text || `Row ${j + 1}`)
    if (!r[0]?.text) ctx.warnings.push({ line: rowLine, message: `a table row has no first cell; it is called "${dimension}"` })
    const rowCells: TableRow['cells'] = {}
    columns.forEach((col, i) => {
      const cell = r[i + 1]
      rowCells[col.id] = { text: cell?.text || '—', sourceIds: ctx.sources.sourceIds(cell?.links ?? [], rowLine) }
    })
    const mark = relationColumn ? (r[header.length - 1]?.text ?? '').toLowerCase() : ''
    const texts = columns.map((c) => (rowCells[c.id]?.text ?? '').toLowerCase())
    const relation = ALIKE.has(mark) ? 'alike' : DIFFER.has(mark) ? 'differ' : texts.every((t) => t === texts[0]) ? 'alike' : 'differ'
    return {
      id: ctx.ids.generated(`${tableId.slice(0, 40)}-${slugify(dimension, 36) || `row-${j + 1}`}`, rowLine),
      dimension,
      group,
      relation,
      cells: rowCells
    }
  })
  return { table: { id: tableId, title: short(title), columns, rows } }
}
