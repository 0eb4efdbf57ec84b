// Why: a student takes their answers out of the app (to a mentor, to print)
// as Markdown: prompt by prompt, each attempt with its time, words, score and
// the text as written. Output is Markdown only: the prompt and key points are
// escaped, and the answer sits verbatim in a fence, so whatever was typed
// (`<script>`, a link) stays inert text.
import { formatDateTime, localDay } from '../../../shared/domain/dates'
import { RUBRIC, RUBRIC_LEVELS, RUBRIC_MAX, rubricTotal } from '../../../shared/domain/writing'
import { escapeInline, escapeLine, fenced } from '../annotations/markdown-export'
import type { StoredAttempt } from './attempt-schema'

const minutes = (seconds: number): string => `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`

export function attemptsFileName(at: Date, promptKey?: string): string {
  const which = promptKey ? `-${promptKey.replace(/[^a-z0-9-]+/g, '-')}` : ''
  return `mains-answers${which}-${localDay(at)}.md`
}

function attemptMarkdown(a: StoredAttempt): string {
  const out: string[] = []
  out.push(`### ${formatDateTime(a.submittedAt)}${a.paperId ? ' · full paper' : ''}`)
  const words = a.onPaper ? 'written on paper' : `${a.words} of ${a.wordLimit} words`
  out.push(`${a.marks} marks · ${words} · ${minutes(a.secondsTaken)} taken of ${minutes(a.secondsAllowed)}`)
  if (a.rubric && a.score !== null) {
    const rubric = a.rubric
    out.push(`Self-score: ${a.score}/100 (rubric ${rubricTotal(rubric)}/${RUBRIC_MAX})`)
    out.push(RUBRIC.map((c) => `- ${c.label}: ${RUBRIC_LEVELS[rubric[c.key]]?.label ?? rubric[c.key]}`).join('\n'))
    if (a.keyPoints.length > 0) {
      const covered = new Set(a.covered ?? [])
      out.push(a.keyPoints.map((p, i) => `- [${covered.has(i) ? 'x' : ' '}] ${escapeLine(p)}`).join('\n'))
    }
    if (a.rewriteDue) out.push(`Rewrite due ${localDay(a.rewriteDue)}`)
  } else {
    out.push('Not scored yet.')
  }
  if (!a.onPaper) out.push(fenced(a.text))
  return out.join('\n\n')
}

/** Prompts in the order of their newest attempt, newest first; attempts newest first. */
export function attemptsMarkdown(attempts: readonly StoredAttempt[], exportedAt: Date): string {
  const byPrompt = new Map<string, StoredAttempt[]>()
  for (const a of [...attempts].sort((x, y) => y.submittedAt.localeCompare(x.submittedAt))) {
    const list = byPrompt.get(a.promptKey) ?? []
    list.push(a)
    byPrompt.set(a.promptKey, list)
  }
  const n = attempts.length
  const out = [`# Mains answer writing`, `${n} attempt${n === 1 ? '' : 's'} · exported ${localDay(exportedAt)}`]
  if (n === 0) out.push('No answers written yet.')
  for (const list of byPrompt.values()) {
    const first = list[0] as StoredAttempt
    out.push(`## ${escapeInline(first.prompt.replace(/\s+/g, ' '))}`)
    for (const a of list) out.push(attemptMarkdown(a))
  }
  return `${out.join('\n\n')}\n`
}
