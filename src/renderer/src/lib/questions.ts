// Why: names and letters for question kinds, shared by the counts and the
// preview so both call a kind the same thing, in UPSC's own style.
import type { Question, QuestionKind } from '@shared/pack/schema'

export const KIND_LABELS: Record<QuestionKind, string> = {
  statements: 'Statement-based',
  mcq: 'Multiple choice',
  'true-false': 'True or false',
  cloze: 'Fill in the blank',
  match: 'Match the lists',
  flashcard: 'Flashcard',
  mains: 'Mains answer'
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
  return KIND_ORDER.filter((k) => counts.has(k)).map((kind) => ({ kind, label: KIND_LABELS[kind], count: counts.get(kind) ?? 0 }))
}
