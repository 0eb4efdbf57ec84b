// Why: Anki's text export (File → Export → Notes in Plain Text) and the CSVs
// people share for Anki's text import. Its `#key:value` header lines say the
// separator, whether fields are HTML, and which columns hold the note type,
// deck, tags and guid; every other column is a field. Quoting follows Anki's
// (RFC 4180: a quoted field may hold separators and line breaks, "" is a quote).
import type { ReadNote } from './read-collection'

const SEPARATORS: Record<string, string> = { tab: '\t', comma: ',', semicolon: ';', space: ' ', pipe: '|', colon: ':' }

export interface CsvRead {
  notes: ReadNote[]
  warnings: string[]
}

function parseRows(text: string, sep: string): string[][] {
  const out: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let atStart = true
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
      continue
    }
    if (ch === '"' && atStart) {
      quoted = true
      atStart = false
    } else if (ch === sep) {
      row.push(field)
      field = ''
      atStart = true
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      if (row.some((f) => f !== '')) out.push(row)
      row = []
      field = ''
      atStart = true
    } else {
      field += ch
      atStart = false
    }
  }
  row.push(field)
  if (row.some((f) => f !== '')) out.push(row)
  return out
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>')

export function readAnkiCsv(text: string, fileName: string): CsvRead {
  const warnings: string[] = []
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  const header = new Map<string, string>()
  let bodyStart = 0
  for (; bodyStart < lines.length; bodyStart++) {
    const m = /^#([a-z ]+):(.*)$/i.exec(lines[bodyStart] as string)
    if (!m) break
    header.set((m[1] as string).trim().toLowerCase(), (m[2] as string).trim())
  }
  const body = lines.slice(bodyStart).join('\n')
  const named = header.get('separator')
  const firstLine = lines[bodyStart] ?? ''
  const sep = named
    ? (SEPARATORS[named.toLowerCase()] ?? named[0] ?? '\t')
    : firstLine.includes('\t')
      ? '\t'
      : firstLine.includes(';') && !firstLine.includes(',')
        ? ';'
        : ','
  const html = (header.get('html') ?? 'true').toLowerCase() !== 'false'
  const column = (key: string): number => {
    const n = Number(header.get(`${key} column`))
    return Number.isInteger(n) && n > 0 ? n - 1 : -1
  }
  const typeCol = column('notetype')
  const deckCol = column('deck')
  const tagsCol = column('tags')
  const guidCol = column('guid')
  const meta = new Set([typeCol, deckCol, tagsCol, guidCol])
  const fixedType = header.get('notetype') ?? ''
  const fixedDeck = header.get('deck') ?? fileName.replace(/\.[^.]+$/, '')
  const fixedTags = (header.get('tags') ?? '').split(/\s+/).filter(Boolean)
  const notes: ReadNote[] = []
  parseRows(body, sep).forEach((row, i) => {
    const fields = row.filter((_, c) => !meta.has(c)).map((f) => (html ? f : escapeHtml(f)))
    while (fields.length > 1 && fields[fields.length - 1] === '') fields.pop()
    if (fields.length === 0 || fields.every((f) => f.trim() === '')) return
    const type = typeCol >= 0 ? (row[typeCol] ?? '') : fixedType
    const cloze = /cloze/i.test(type) || /\{\{c\d{1,3}::/.test(fields[0] ?? '')
    if (!cloze && fields.length < 2) {
      warnings.push(`row ${i + 1} has one field only (a card needs a front and a back); it is left out`)
      return
    }
    notes.push({
      guid: guidCol >= 0 && row[guidCol] ? (row[guidCol] as string) : `csv:${fields[0]}`,
      kind: cloze ? 'cloze' : 'basic',
      fields,
      tags: [...fixedTags, ...(tagsCol >= 0 ? (row[tagsCol] ?? '').split(/\s+/).filter(Boolean) : [])],
      deck: deckCol >= 0 && row[deckCol] ? (row[deckCol] as string) : fixedDeck,
      ords: /revers/i.test(type) ? [0, 1] : [0]
    })
  })
  return { notes, warnings }
}
