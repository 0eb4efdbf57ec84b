// Why: a highlight becomes a fill-in-the-blank card. The sentence around it is
// the best prompt (the student remembers facts in context), cut to the sizes
// main accepts (shared/domain/cloze.ts): one blank, bounded text and answer.
import { t } from '@renderer/i18n'
import { formatNumber } from '@renderer/i18n/format'
import type { TextRange } from '@shared/domain/anchoring'
import { BLANK, CLOZE_ANSWER_MAX, CLOZE_TEXT_MAX } from '@shared/domain/cloze'

export type ClozeCard = { ok: true; text: string; answer: string } | { ok: false; message: string }

const squash = (s: string): string => s.replace(/\s+/g, ' ')

const SENTENCES = new Intl.Segmenter('en', { granularity: 'sentence' })
// A short capitalised word before the full stop ("S. Jaishankar", "Gen. Shoigu")
// is an initial or a title, which Unicode's sentence rules take for an end.
const INITIAL_OR_TITLE = /(?:^|[\s("“'‘])[A-Z][a-z]{0,2}\.\s*$/

/** Where sentences start, by Unicode's sentence rules (every line break ends one: bullet items), initials and titles aside. */
export function sentenceStarts(text: string): number[] {
  const starts: number[] = []
  let joinNext = false
  for (const { index, segment } of SENTENCES.segment(text)) {
    if (starts.length === 0 || !joinNext) starts.push(index)
    joinNext = !segment.endsWith('\n') && INITIAL_OR_TITLE.test(segment)
  }
  return starts.length > 0 ? starts : [0]
}

/** The sentence(s) holding `range`, as [from, to). */
function sentenceAround(text: string, range: TextRange): TextRange {
  const starts = sentenceStarts(text)
  const from = Math.max(...starts.filter((s) => s <= range.start))
  const to = starts.find((s) => s >= range.end) ?? text.length
  return { start: from, end: Math.max(to, range.end) }
}

export function clozeCard(text: string, range: TextRange): ClozeCard {
  const answer = squash(text.slice(range.start, range.end)).trim()
  if (answer === '') return { ok: false, message: t('reading.cloze.empty') }
  if (answer.length > CLOZE_ANSWER_MAX) {
    return { ok: false, message: t('reading.cloze.tooLong', { max: formatNumber(CLOZE_ANSWER_MAX), has: formatNumber(answer.length) }) }
  }
  const sentence = sentenceAround(text, range)
  // A literal "{{blank}}" in the notes would make a second blank.
  const clean = (s: string): string => squash(s).replaceAll(BLANK, '[blank]')
  let before = clean(text.slice(sentence.start, range.start)).trimStart()
  let after = clean(text.slice(range.end, sentence.end)).trimEnd()
  // Share what is left of the limit, each side keeping at least half if it needs it; "…" marks a cut.
  const room = CLOZE_TEXT_MAX - BLANK.length
  if (before.length + after.length > room) {
    const half = Math.floor(room / 2)
    const keepBefore = Math.max(half, room - after.length)
    const keepAfter = room - Math.min(before.length, keepBefore)
    if (before.length > keepBefore) before = `…${before.slice(before.length - keepBefore + 1)}`
    if (after.length > keepAfter) after = `${after.slice(0, keepAfter - 1)}…`
  }
  return { ok: true, text: `${before}${BLANK}${after}`, answer }
}
