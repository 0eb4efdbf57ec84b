// Why: a notes preview is read before anything is saved, so its counts are
// put in the student's words (card kinds as Self-test names them, the update
// grouped by what it does) in one place the preview and the messages share.
import type { CardSyntax, DiffKind, NotesPreview, ReimportSummary } from '@shared/domain/notes'
import type { QuestionKind } from '@shared/pack/schema'
import { t, type MessageKey } from '@renderer/i18n'
import { formatNumber } from '@renderer/i18n/format'
import { KIND_ORDER } from './questions'

/** "3 cards" / "3 कार्ड", the number grouped the Indian way. */
export const counted = (key: MessageKey, n: number): string => t(key, n, { count: formatNumber(n) })

/** The cloze syntax as the student types it; a parameter, since braces are message syntax. */
export const CLOZE_EXAMPLE = '{{c1::…}}'

// Self-test's names for the kinds, in this area's catalogue so the preview does not depend on how Self-test stores its labels.
const KIND_LABELS: Record<QuestionKind, MessageKey> = {
  statements: 'notes.kinds.statements',
  mcq: 'notes.kinds.mcq',
  'true-false': 'notes.kinds.true-false',
  cloze: 'notes.kinds.cloze',
  match: 'notes.kinds.match',
  flashcard: 'notes.kinds.flashcard',
  mains: 'notes.kinds.mains'
}

const SYNTAX_LABELS: Record<CardSyntax, MessageKey> = {
  cloze: 'notes.syntax.cloze',
  basic: 'notes.syntax.basic',
  reversed: 'notes.syntax.reversed',
  'multi-line': 'notes.syntax.multi-line',
  'multi-line-reversed': 'notes.syntax.multi-line-reversed',
  'quiz-mcq': 'notes.syntax.quiz-mcq',
  'quiz-statements': 'notes.syntax.quiz-statements'
}

const NOUNS: Record<DiffKind, MessageKey> = {
  sections: 'notes.count.sections',
  blocks: 'notes.count.blocks',
  tables: 'notes.count.tables',
  rows: 'notes.count.tableRows',
  questions: 'notes.count.cards',
  sources: 'notes.count.sources'
}
const DIFF_ORDER: DiffKind[] = ['sections', 'blocks', 'questions', 'tables', 'rows', 'sources']

export type UpdateVerb = 'added' | 'changed' | 'removed'
const VERBS: Record<UpdateVerb, { label: MessageKey; sentence: MessageKey }> = {
  added: { label: 'notes.changes.added', sentence: 'notes.changes.addedSentence' },
  changed: { label: 'notes.changes.changed', sentence: 'notes.changes.changedSentence' },
  removed: { label: 'notes.changes.removed', sentence: 'notes.changes.removedSentence' }
}

export const cardTotal = (preview: NotesPreview): number => Object.values(preview.cards).reduce((sum, n) => sum + (n ?? 0), 0)

/** "Flashcard: 3" per kind the pack will hold, in Self-test's order. */
export function cardKinds(preview: NotesPreview): { kind: QuestionKind; label: string; count: number }[] {
  return KIND_ORDER.filter((k) => (preview.cards[k] ?? 0) > 0).map((k) => ({ kind: k, label: t(KIND_LABELS[k]), count: preview.cards[k] ?? 0 }))
}

/** "2 × cloze {{c1::…}}, 1 × Question::Answer": the syntax the student wrote, to check against the file. */
export function cardSyntaxLine(preview: NotesPreview): string {
  return (Object.entries(preview.cardSyntax) as [CardSyntax, number][])
    .filter(([, n]) => n > 0)
    .map(([syntax, n]) => `${formatNumber(n)} × ${t(SYNTAX_LABELS[syntax], { example: CLOZE_EXAMPLE })}`)
    .join(', ')
}

/** One line per thing the update does: "Added: 1 card, 2 blocks". Empty when nothing changes. */
export function updateLines(summary: ReimportSummary): { verb: UpdateVerb; label: string; text: string }[] {
  const lines: { verb: UpdateVerb; label: string; text: string }[] = []
  for (const verb of ['added', 'changed', 'removed'] as const) {
    const parts = DIFF_ORDER.map((kind) => [kind, summary.byKind[kind][verb].length] as const)
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => counted(NOUNS[kind], n))
    if (parts.length > 0) lines.push({ verb, label: t(VERBS[verb].label), text: parts.join(', ') })
  }
  return lines
}

/** The update in one sentence for the message after it is saved: "1 card added; 1 block changed". */
export function updateSentence(summary: ReimportSummary): string {
  const lines = updateLines(summary)
  if (lines.length === 0) return t('notes.changes.nothing')
  return lines.map((l) => t(VERBS[l.verb].sentence, { items: l.text })).join('; ')
}

/** Anything the update removes whose history stays in the student's data, unused or as orphans. */
export const removesSomething = (summary: ReimportSummary): boolean => DIFF_ORDER.some((kind) => summary.byKind[kind].removed.length > 0)
