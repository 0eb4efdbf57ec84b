// Why: what of a pack goes to Anki, and how each item reads there. Every card
// kind the app schedules becomes an Anki note (questions and flashcards as
// Basic, cloze and highlight cards as Cloze, compare-table cells as Basic "row
// — side?" cards), every field HTML-escaped because Anki renders fields as
// HTML, and each note's guid comes from the pack id and the item id, so
// exporting the same pack again updates the notes in Anki instead of adding
// copies. Writing the file (apkg or CSV) is done elsewhere.
import { BLANK, clozeParts } from '../../../shared/domain/cloze'
import type { AnkiExportCounts } from '../../../shared/domain/anki'
import { cellItemId, highlightItemId, questionItemId } from '../../../shared/domain/ids'
import { packLookup, sectionsOfBlocks, sectionsOfQuestion } from '../../../shared/domain/lookups'
import type { HighlightCard } from '../../../shared/domain/study'
import type { Pack, Question } from '../../../shared/pack/schema'
import { contentHash } from '../notes/ids'

export type AnkiNoteType = 'basic' | 'cloze'

export interface ExportNote {
  guid: string
  type: AnkiNoteType
  /** Basic: [Front, Back]; Cloze: [Text, Back Extra]. Already HTML. */
  fields: [string, string]
  tags: string[]
}

export interface ExportDeck {
  title: string
  notes: ExportNote[]
  counts: AnkiExportCounts
}

/** Text as Anki shows it: markup characters escaped, line breaks kept, and braces escaped so no text reads as a cloze. */
export function escapeField(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\{/g, '&#123;')
    .replace(/\}/g, '&#125;')
    .replace(/\r\n|\r|\n/g, '<br>')
}

/** Anki reads `::` inside a deletion as the start of a hint. */
const escapeClozeAnswer = (text: string): string => escapeField(text).replace(/:/g, '&#58;')

/** A deletion as Anki writes it, the rest of the text escaped. */
export function toAnkiCloze(text: string, answer: string): string {
  const [before, after] = clozeParts(text)
  // The notes importer writes a cloze hint as " (hint: …)" after the blank; Anki has its own place for it.
  const hint = /^ \(hint: ([^()]{1,200})\)/.exec(after)
  const rest = hint ? after.slice(hint[0].length) : after
  return `${escapeField(before)}{{c1::${escapeClozeAnswer(answer)}${hint ? `::${escapeClozeAnswer(hint[1] as string)}` : ''}}}${escapeField(rest)}`
}

/** Stable across exports: Anki matches an imported note to the one it has by guid. */
export const noteGuid = (packId: string, itemId: string): string => `rd${contentHash(`${packId}\u0000${itemId}`)}`

const letter = (i: number): string => `(${String.fromCharCode(97 + i)})`
const lines = (...parts: (string | false | undefined)[]): string => parts.filter((p): p is string => typeof p === 'string' && p !== '').join('\n')
const withExplanation = (answer: string, explanation: string): string =>
  answer.trim() === explanation.trim() ? escapeField(answer) : `${escapeField(answer)}<br><br>${escapeField(explanation)}`

/** A question as a Basic note's two fields (or a Cloze note's for cloze). */
function questionFields(q: Question): { type: AnkiNoteType; fields: [string, string] } {
  switch (q.kind) {
    case 'flashcard':
      return { type: 'basic', fields: [escapeField(q.front), escapeField(q.back)] }
    case 'cloze':
      return { type: 'cloze', fields: [toAnkiCloze(q.text, q.answer), escapeField(q.explanation)] }
    case 'mcq':
      return {
        type: 'basic',
        fields: [
          escapeField(lines(q.prompt, ...q.options.map((o, i) => `${letter(i)} ${o}`))),
          withExplanation(`${letter(q.answer)} ${q.options[q.answer]}`, q.explanation)
        ]
      }
    case 'statements':
      return {
        type: 'basic',
        fields: [
          escapeField(lines(q.stem, ...q.statements.map((s, i) => `${i + 1}. ${s}`), q.ask, ...q.options.map((o, i) => `${letter(i)} ${o}`))),
          withExplanation(`${letter(q.answer)} ${q.options[q.answer]}`, q.explanation)
        ]
      }
    case 'true-false':
      return { type: 'basic', fields: [escapeField(`True or false? ${q.statement}`), withExplanation(q.answer ? 'True' : 'False', q.explanation)] }
    case 'match':
      return {
        type: 'basic',
        fields: [
          escapeField(
            lines(
              q.prompt,
              'List I:',
              ...q.listI.map((x, i) => `${String.fromCharCode(65 + i)}. ${x}`),
              'List II:',
              ...q.listII.map((x, i) => `${i + 1}. ${x}`)
            )
          ),
          withExplanation(q.listI.map((x, i) => `${String.fromCharCode(65 + i)}. ${x} → ${q.listII[q.answer[i] ?? 0]}`).join('\n'), q.explanation)
        ]
      }
    case 'mains':
      return { type: 'basic', fields: [escapeField(q.prompt), withExplanation(q.outline.map((o) => `• ${o}`).join('\n'), q.explanation)] }
  }
}

const NOTES_PER_SLICE = 150

/** Every card of the pack, and the student's highlight cards, as Anki notes; `pause` is awaited between slices. */
export async function exportNotes(
  pack: Pack,
  highlights: readonly HighlightCard[] = [],
  pause: () => Promise<void> = async () => undefined
): Promise<ExportDeck> {
  const counts: AnkiExportCounts = { questions: 0, flashcards: 0, cloze: 0, cells: 0, highlights: 0, notes: 0, cards: 0 }
  const notes: ExportNote[] = []
  for (const q of pack.questions) {
    if (notes.length % NOTES_PER_SLICE === NOTES_PER_SLICE - 1) await pause()
    const { type, fields } = questionFields(q)
    notes.push({ guid: noteGuid(pack.id, questionItemId(q.id)), type, fields, tags: sectionsOfQuestion(pack, q) })
    if (q.kind === 'flashcard') counts.flashcards++
    else if (q.kind === 'cloze') counts.cloze++
    else counts.questions++
  }
  const { cells } = packLookup(pack)
  for (const { table, row, column, cell } of cells.values()) {
    const front = `${table.title}: ${row.dimension} — ${column.label}?`
    const sections = sectionsOfBlocks(pack, cell.blockIds ?? [])
    notes.push({
      guid: noteGuid(pack.id, cellItemId(row.id, column.id)),
      type: 'basic',
      fields: [escapeField(front), escapeField(cell.text)],
      tags: [...sections, table.id]
    })
    counts.cells++
  }
  // Oldest first, as the study deck orders them; compared by code unit, since ICU's localeCompare is slow on thousands.
  const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
  const sorted = [...highlights].sort((a, b) => order(a.createdAt, b.createdAt) || order(a.id, b.id))
  const sectionOf = packLookup(pack).sectionOfBlock
  for (const h of sorted) {
    if (notes.length % NOTES_PER_SLICE === NOTES_PER_SLICE - 1) await pause()
    if (!h.text.includes(BLANK)) continue
    const section = sectionOf.get(h.blockId)
    notes.push({
      guid: noteGuid(pack.id, highlightItemId(h.id)),
      type: 'cloze',
      fields: [toAnkiCloze(h.text, h.answer), ''],
      tags: [...(section ? [section] : []), 'highlight']
    })
    counts.highlights++
  }
  counts.notes = notes.length
  counts.cards = notes.length
  return { title: pack.title, notes, counts }
}
