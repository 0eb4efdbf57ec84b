// Why: a notes preview is read before anything is saved, so its counts are
// put in the student's words (card kinds as Self-test names them, the update
// grouped by what it does) in one place the preview and the messages share.
import type { CardSyntax, DiffKind, NotesPreview, NotesWarning, ReimportSummary } from '@shared/domain/notes'
import { plural } from './format'
import { KIND_LABELS, KIND_ORDER } from './questions'

const SYNTAX_LABELS: Record<CardSyntax, string> = {
  cloze: 'cloze {{c1::…}}',
  basic: 'Question::Answer',
  reversed: 'Question:::Answer',
  'multi-line': 'multi-line with ?',
  'multi-line-reversed': 'multi-line with ??',
  'quiz-mcq': 'quiz block (MCQ)',
  'quiz-statements': 'quiz block (statements)'
}

const NOUNS: Record<DiffKind, string> = {
  sections: 'section',
  blocks: 'block',
  tables: 'table',
  rows: 'table row',
  questions: 'card',
  sources: 'source'
}
const DIFF_ORDER: DiffKind[] = ['sections', 'blocks', 'questions', 'tables', 'rows', 'sources']

export const cardTotal = (preview: NotesPreview): number => Object.values(preview.cards).reduce((sum, n) => sum + (n ?? 0), 0)

/** "Flashcard: 3" per kind the pack will hold, in Self-test's order. */
export function cardKinds(preview: NotesPreview): { label: string; count: number }[] {
  return KIND_ORDER.filter((k) => (preview.cards[k] ?? 0) > 0).map((k) => ({ label: KIND_LABELS[k], count: preview.cards[k] ?? 0 }))
}

/** "2 × cloze {{c1::…}}, 1 × Question::Answer": the syntax the student wrote, to check against the file. */
export function cardSyntaxLine(preview: NotesPreview): string {
  return (Object.entries(preview.cardSyntax) as [CardSyntax, number][])
    .filter(([, n]) => n > 0)
    .map(([syntax, n]) => `${n} × ${SYNTAX_LABELS[syntax]}`)
    .join(', ')
}

/** "Line 12: …", or "Whole file: …" for a warning about no one line. */
export const warningText = (w: NotesWarning): string => (w.line > 0 ? `Line ${w.line}: ${w.message}` : `Whole file: ${w.message}`)

/** One line per thing the update does: "Added: 1 card, 2 blocks". Empty when nothing changes. */
export function updateLines(summary: ReimportSummary): { verb: 'Added' | 'Changed' | 'Removed'; text: string }[] {
  const lines: { verb: 'Added' | 'Changed' | 'Removed'; text: string }[] = []
  for (const [verb, key] of [
    ['Added', 'added'],
    ['Changed', 'changed'],
    ['Removed', 'removed']
  ] as const) {
    const parts = DIFF_ORDER.map((kind) => [kind, summary.byKind[kind][key].length] as const)
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => plural(n, NOUNS[kind]))
    if (parts.length > 0) lines.push({ verb, text: parts.join(', ') })
  }
  return lines
}

/** The update in one sentence for the message after it is saved: "1 card added, 1 block changed". */
export function updateSentence(summary: ReimportSummary): string {
  const lines = updateLines(summary)
  if (lines.length === 0) return 'nothing changed'
  return lines.map((l) => `${l.text} ${l.verb.toLowerCase()}`).join('; ')
}

/** Anything the update removes whose history stays in the student's data, unused or as orphans. */
export const removesSomething = (summary: ReimportSummary): boolean => DIFF_ORDER.some((kind) => summary.byKind[kind].removed.length > 0)
