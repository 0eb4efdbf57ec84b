// Why: some inputs must be refused before the Markdown parser sees them. A
// binary file read as text is noise, and the parser's time grows steeply with
// nesting depth and table length (lists nested 1,000 deep took minutes in a
// trial), so these checks are cheap line scans that run first and name the
// line. They judge the raw text only; they are not a second Markdown parser.
import { megabytes } from '../../../shared/domain/data'
import { NOTES_MAX_BYTES, NOTES_MAX_NESTING, NOTES_MAX_TABLE_ROWS, type NotesError } from '../../../shared/domain/notes'

/** Leading list markers and quote marks: "> - 1. text" has three. */
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))*/
const FENCE = /^ {0,3}(`{3,}|~{3,})/

function indentWidth(line: string): number {
  let width = 0
  for (const ch of line) {
    if (ch === ' ') width += 1
    else if (ch === '\t') width += 4 - (width % 4)
    else break
  }
  return width
}

/** Control characters other than tab, line feed and carriage return, plus U+FFFD from undecodable bytes. */
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true
  const sample = text.slice(0, 65_536)
  let odd = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd || (c >= 0x7f && c < 0xa0)) odd++
  }
  return odd > Math.max(4, sample.length * 0.01)
}

export function checkNotesText(text: string, fileName: string): NotesError | null {
  const bytes = Buffer.byteLength(text, 'utf8')
  if (bytes > NOTES_MAX_BYTES) {
    return {
      code: 'too-large',
      message: `${fileName} is ${megabytes(bytes)}; a notes file can be at most ${megabytes(NOTES_MAX_BYTES)}. Split it into several packs.`
    }
  }
  if (looksBinary(text))
    return { code: 'not-text', message: `${fileName} is not a text file (it holds binary data). Save your notes as Markdown (.md) or Word (.docx).` }
  if (text.trim() === '') return { code: 'empty', message: `${fileName} is empty.` }
  const lines = text.split(/\r\n|\r|\n/)
  let fence: string | null = null
  let tableRun = 0
  let tableStart = 0
  const maxIndent = NOTES_MAX_NESTING * 4
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    const fenceMatch = FENCE.exec(line)
    if (fence) {
      if (fenceMatch && (fenceMatch[1] as string)[0] === fence[0] && (fenceMatch[1] as string).length >= fence.length) fence = null
      continue
    }
    if (fenceMatch) {
      fence = fenceMatch[1] as string
      tableRun = 0
      continue
    }
    const prefix = CONTAINER_PREFIX.exec(line)?.[0] ?? ''
    const markers = prefix.replace(/[ \t]/g, '').replace(/\d{1,9}[.)]/g, '1').length
    if (markers > NOTES_MAX_NESTING || (indentWidth(line) > maxIndent && line.trim() !== '')) {
      return {
        code: 'too-deep',
        line: i + 1,
        message: `Line ${i + 1} is nested too deeply (more than ${maxIndent} spaces of indent, or more than ${NOTES_MAX_NESTING} list or quote marks in a row). Flatten it and import again.`
      }
    }
    if (line.includes('|')) {
      if (tableRun === 0) tableStart = i + 1
      tableRun++
      // Header and delimiter lines come on top of the rows.
      if (tableRun > NOTES_MAX_TABLE_ROWS + 2) {
        return {
          code: 'table-too-large',
          line: tableStart,
          message: `The table at line ${tableStart} has more than ${NOTES_MAX_TABLE_ROWS} rows; a compare table holds at most ${NOTES_MAX_TABLE_ROWS}. Split it into smaller tables.`
        }
      }
    } else tableRun = 0
  }
  return null
}
