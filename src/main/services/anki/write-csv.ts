// Why: some students move cards with Anki's File → Import of a text file
// rather than an .apkg. The header lines tell Anki the separator, that fields
// are HTML, and which columns hold the note type, deck and tags, so the file
// imports with no choices to make.
import type { ExportDeck } from './export-notes'

/** A field quoted when it holds the separator, a quote or a line break ("" inside quotes). */
function cell(value: string): string {
  return /[\t"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

export function writeAnkiCsv(deck: ExportDeck): string {
  const head = ['#separator:tab', '#html:true', '#notetype column:1', '#deck column:2', '#tags column:5', '#guid column:6']
  const rows = deck.notes.map((n) =>
    [n.type === 'cloze' ? 'Cloze' : 'Basic', deck.title, n.fields[0], n.fields[1], n.tags.join(' '), n.guid].map(cell).join('\t')
  )
  return `${[...head, ...rows].join('\n')}\n`
}
