// Why: which questions are answered by picking one option, what those options
// are and which one is right. The page marks self-test answers with these and
// main marks mock papers with them, so both agree on every answer, true/false
// included (shown as two options: 0 = True, 1 = False).
import type { Question } from '../pack/schema'

export const SINGLE_CHOICE_KINDS = ['statements', 'mcq', 'true-false'] as const
export type SingleChoiceQuestion = Extract<Question, { kind: (typeof SINGLE_CHOICE_KINDS)[number] }>

export function isSingleChoice(q: Question): q is SingleChoiceQuestion {
  return (SINGLE_CHOICE_KINDS as readonly string[]).includes(q.kind)
}

/** The options as shown; none for a question that is not single-choice. */
export function choiceOptions(q: Question): string[] {
  if (q.kind === 'true-false') return ['True', 'False']
  if (q.kind === 'mcq' || q.kind === 'statements') return q.options
  return []
}

export function optionCount(q: SingleChoiceQuestion): number {
  return choiceOptions(q).length
}

export function correctOption(q: SingleChoiceQuestion): number {
  if (q.kind === 'true-false') return q.answer ? 0 : 1
  return q.answer
}
