// Why: a comparison table leaves the app as Markdown (for the student's own
// notes) or CSV (for a spreadsheet). Pure functions, so quoting and the
// formula-injection guard are tested without a DOM or a save dialog.
// The file is the student's own copy, so its headings follow the interface
// language (a Hindi reader's sheet reads "आयाम"); the pack's text stays as written.
import { t, type MessageKey } from '@renderer/i18n'
import type { CompareTable, PackSource, TableRow } from '@shared/pack/schema'

const RELATION_LABEL: Record<TableRow['relation'], MessageKey> = { alike: 'compare.table.relation.alike', differ: 'compare.table.relation.differ' }

export function relationLabel(relation: TableRow['relation']): string {
  return t(RELATION_LABEL[relation])
}

const headings = (): string[] => [t('compare.export.file.dimension'), t('compare.export.file.group'), t('compare.export.file.relation')]

/** Pack text is single-paragraph prose; a stray line break would split a Markdown row or a CSV record. */
const oneLine = (text: string): string => text.replace(/\s*[\r\n]+\s*/g, ' ')

/*
 * Backslash-escapes what would change meaning inside a Markdown table cell:
 * `|` ends the cell, `<` could start raw HTML in a viewer, and `*_[]` and
 * backticks would turn pack text into formatting or links.
 */
export function markdownCell(text: string): string {
  return oneLine(text).replace(/[\\|<>*_[\]`]/g, (ch) => `\\${ch}`)
}

export interface MarkdownOptions {
  /** Rows to include; all of the table's rows if omitted. */
  rows?: readonly TableRow[]
  /** The pack's sources, to list those the exported cells cite. */
  sources?: readonly PackSource[]
  /** A line saying what was left out, e.g. "Filtered: Differences only". */
  note?: string
}

export function tableToMarkdown(table: CompareTable, options: MarkdownOptions = {}): string {
  const rows = options.rows ?? table.rows
  const header = [...headings(), ...table.columns.map((c) => c.label)]
  const lines = [`## ${markdownCell(table.title)}`, '']
  if (table.caption) lines.push(markdownCell(table.caption), '')
  if (options.note) lines.push(`_${markdownCell(options.note)}_`, '')
  lines.push(`| ${header.map(markdownCell).join(' | ')} |`, `|${header.map(() => ' --- |').join('')}`)
  for (const row of rows) {
    const cells = [row.dimension, row.group, relationLabel(row.relation), ...table.columns.map((c) => row.cells[c.id]?.text ?? '')]
    lines.push(`| ${cells.map(markdownCell).join(' | ')} |`)
  }
  const cited = citedSources(table, rows, options.sources ?? [])
  if (cited.length > 0) {
    lines.push('', `### ${markdownCell(t('compare.export.file.sources'))}`, '')
    for (const s of cited) lines.push(`- ${markdownCell(s.title)}${s.address ? ` — <${s.address}>` : s.file ? ` (${markdownCell(s.file)})` : ''}`)
  }
  return lines.join('\n') + '\n'
}

/** The sources the given rows cite, in the pack's order, each once. */
export function citedSources(table: CompareTable, rows: readonly TableRow[], sources: readonly PackSource[]): PackSource[] {
  const ids = new Set(rows.flatMap((row) => table.columns.flatMap((c) => row.cells[c.id]?.sourceIds ?? [])))
  return sources.filter((s) => ids.has(s.id))
}

/*
 * A spreadsheet runs a cell that starts with = + - @ (or a tab / carriage
 * return, which some read as the same) as a formula. Pack text is data, so a
 * leading apostrophe keeps it text (OWASP's CSV-injection advice).
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

/** RFC 4180: quote a field holding a quote, comma or line break; double the quotes inside. */
export function csvField(text: string): string {
  const safe = guardFormula(text)
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export interface CsvOptions {
  rows?: readonly TableRow[]
}

/*
 * CRLF between records (RFC 4180), and a byte-order mark first, because Excel
 * otherwise reads UTF-8 as the local code page and mangles "India–Russia".
 */
export function tableToCsv(table: CompareTable, options: CsvOptions = {}): string {
  const rows = options.rows ?? table.rows
  const records = [[...headings(), ...table.columns.map((c) => c.label)]]
  for (const row of rows) {
    records.push([row.dimension, row.group, relationLabel(row.relation), ...table.columns.map((c) => oneLine(row.cells[c.id]?.text ?? ''))])
  }
  return '\uFEFF' + records.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n'
}

/** A file name the save channel accepts: letters, digits, dashes, and the extension. */
export function exportFileName(table: CompareTable, extension: 'md' | 'csv', filtered: boolean): string {
  const base = table.id.replace(/[^a-z0-9-]/g, '') || 'table'
  return `${base}${filtered ? '-filtered' : ''}.${extension}`
}
