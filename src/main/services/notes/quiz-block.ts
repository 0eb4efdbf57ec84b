// Why: UPSC prelims asks statement-type and single-answer questions, which no
// flashcard syntax can carry, so notes hold them in a ```quiz fenced block
// whose lines read as the question would be printed (format in
// docs/notes-format.md). A block that cannot be read is reported with the
// reason and kept as text, never dropped.
import { MAX_OPTIONS } from '../../../shared/domain/pack-limits'
import { takeBlockRef } from './ids'

export type QuizCard =
  | { kind: 'mcq'; prompt: string; options: string[]; answer: number; explanation?: string; ref?: string }
  | { kind: 'statements'; stem: string; statements: string[]; ask: string; options: string[]; answer: number; explanation?: string; ref?: string }

export const QUIZ_LANGS = new Set(['quiz', 'mcq'])
const DEFAULT_STEM = 'Consider the following statements:'
const DEFAULT_ASK = 'Which of the statements given above is/are correct?'
const SHORT_MAX = 500
const OPTION = /^\(?([a-fA-F])[).]\s+(.+)$/
const STATEMENT = /^(\d{1,2})[.)]\s+(.+)$/
const ANSWER = /^answer\s*[:-]\s*\(?([a-fA-F])\)?\.?\s*$/i
const EXPLANATION = /^explanation\s*[:-]\s*(.*)$/i

export function readQuiz(body: string): { ok: true; card: QuizCard } | { ok: false; reason: string } {
  const prompt: string[] = []
  const statements: string[] = []
  const ask: string[] = []
  const options: string[] = []
  const explanation: string[] = []
  let answer: number | undefined
  let ref: string | undefined
  let stage: 'prompt' | 'statements' | 'ask' | 'options' | 'after' | 'explanation' = 'prompt'
  for (const raw of body.split('\n')) {
    const line = raw.trim()
    if (!line) continue
    const lone = takeBlockRef(line)
    if (lone.ref && !lone.text) {
      ref = lone.ref
      continue
    }
    const ans = ANSWER.exec(line)
    const exp = EXPLANATION.exec(line)
    const opt = OPTION.exec(line)
    const st = STATEMENT.exec(line)
    if (ans) {
      answer = (ans[1] as string).toLowerCase().charCodeAt(0) - 97
      stage = 'after'
    } else if (exp) {
      stage = 'explanation'
      if (exp[1]) explanation.push(exp[1])
    } else if (stage === 'explanation') explanation.push(line)
    else if (opt && stage !== 'after') {
      if (options.length !== (opt[1] as string).toLowerCase().charCodeAt(0) - 97) return { ok: false, reason: `option (${opt[1]}) is out of order` }
      options.push((opt[2] as string).trim())
      stage = 'options'
    } else if (st && (stage === 'prompt' || stage === 'statements')) {
      statements.push((st[2] as string).trim())
      stage = 'statements'
    } else if (stage === 'prompt') prompt.push(line)
    else if (stage === 'statements' || stage === 'ask') {
      ask.push(line)
      stage = 'ask'
    } else return { ok: false, reason: `the line "${line.slice(0, 60)}" is not an option, an Answer: or an Explanation: line` }
  }
  if (options.length < 2) return { ok: false, reason: 'a quiz needs at least two options, written (a) …, (b) …' }
  if (options.length > MAX_OPTIONS) return { ok: false, reason: `a quiz can have at most ${MAX_OPTIONS} options` }
  if (answer === undefined) return { ok: false, reason: 'a quiz needs an "Answer: b" line' }
  if (answer >= options.length) return { ok: false, reason: `the answer (${String.fromCharCode(97 + answer)}) is not one of the options` }
  const long = [...prompt, ...statements, ...ask, ...options].find((t) => t.length > SHORT_MAX)
  if (long !== undefined) return { ok: false, reason: `a line is longer than ${SHORT_MAX} characters` }
  const extra = explanation.length > 0 ? { explanation: explanation.join(' ') } : {}
  const id = ref ? { ref } : {}
  if (statements.length >= 2) {
    if (statements.length > 5) return { ok: false, reason: 'a statement question can have at most 5 statements' }
    const stem = prompt.join(' ') || DEFAULT_STEM
    const askText = ask.join(' ') || DEFAULT_ASK
    if (stem.length > SHORT_MAX || askText.length > SHORT_MAX) return { ok: false, reason: `the question is longer than ${SHORT_MAX} characters` }
    return { ok: true, card: { kind: 'statements', stem, statements, ask: askText, options, answer, ...extra, ...id } }
  }
  // A single numbered line is part of the prompt, not a statement list.
  const promptText = [...prompt, ...statements.map((s, i) => `${i + 1}. ${s}`), ...ask].join(' ')
  if (!promptText) return { ok: false, reason: 'a quiz needs a question before its options' }
  if (promptText.length > SHORT_MAX) return { ok: false, reason: `the question is longer than ${SHORT_MAX} characters` }
  return { ok: true, card: { kind: 'mcq', prompt: promptText, options, answer, ...extra, ...id } }
}
