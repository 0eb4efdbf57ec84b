// Why: names and letters for question kinds, shared by the counts and the
// preview so both call a kind the same thing, in UPSC's own style.
import { t, type MessageKey } from '@renderer/i18n'
import { choiceOptions } from '@shared/domain/questions'
import type { Question, QuestionKind } from '@shared/pack/schema'

export const KIND_LABELS: Record<QuestionKind, MessageKey> = {
  statements: 'selftest.kinds.statements',
  mcq: 'selftest.kinds.mcq',
  'true-false': 'selftest.kinds.true-false',
  cloze: 'selftest.kinds.cloze',
  match: 'selftest.kinds.match',
  flashcard: 'selftest.kinds.flashcard',
  mains: 'selftest.kinds.mains'
}

export const KIND_ORDER = Object.keys(KIND_LABELS) as QuestionKind[]

/** UPSC labels options (a), (b), (c), (d). */
export function optionLetter(index: number): string {
  return String.fromCharCode(97 + index)
}

/** List-I items are A, B, C…; List-II items are 1, 2, 3…. */
export function listILetter(index: number): string {
  return String.fromCharCode(65 + index)
}

export function countByKind(questions: readonly Question[]): { kind: QuestionKind; label: string; count: number }[] {
  const counts = new Map<QuestionKind, number>()
  for (const q of questions) counts.set(q.kind, (counts.get(q.kind) ?? 0) + 1)
  return KIND_ORDER.filter((k) => counts.has(k)).map((kind) => ({ kind, label: t(KIND_LABELS[kind]), count: counts.get(kind) ?? 0 }))
}

/** A question's options as the student reads them: the pack's own words, except True/False, which are interface text. */
export function shownOptions(q: Question): { options: string[]; fromPack: boolean } {
  if (q.kind === 'true-false') return { options: [t('selftest.card.true'), t('selftest.card.false')], fromPack: false }
  return { options: choiceOptions(q), fromPack: true }
}
