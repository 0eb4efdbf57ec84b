// Why: a highlight becomes a fill-in-the-blank card. The sentence around it is
// the best prompt (the student remembers facts in context), cut to the sizes
// main accepts: text ≤ 1000 characters with exactly one {{blank}}, answer ≤ 200.
import type { TextRange } from '@shared/anchoring'

export const BLANK = '{{blank}}'
export const CLOZE_TEXT_MAX = 1000
export const CLOZE_ANSWER_MAX = 200

export type ClozeCard = { ok: true; text: string; answer: string } | { ok: false; message: string }

const squash = (s: string): string => s.replace(/\s+/g, ' ')

/*
 * Where sentences start: after . ! ? (and a closing quote or bracket) plus
 * space before a capital or digit, and after every line break (bullet items).
 * A short capitalised word before the full stop ("S. Jaishankar", "Gen.") is
 * an initial or title, not the end of a sentence.
 */
export function sentenceStarts(text: string): number[] {
  const starts = [0]
  const boundary = /([.!?])["'”’)\]]?\s+(?=[A-Z0-9"“'‘(])|\n/g
  for (let m = boundary.exec(text); m !== null; m = boundary.exec(text)) {
    if (m[0] !== '\n') {
      const word = /(\S+)$/.exec(text.slice(Math.max(0, m.index - 4), m.index))?.[1] ?? ''
      if (m[1] === '.' && /^[A-Z][a-z]{0,2}$/.test(word)) continue
    }
    starts.push(m.index + m[0].length)
  }
  return starts
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
  if (answer === '') return { ok: false, message: 'The highlight has no words to turn into a flashcard.' }
  if (answer.length > CLOZE_ANSWER_MAX) {
    return { ok: false, message: `A flashcard answer can be at most ${CLOZE_ANSWER_MAX} characters; this highlight has ${answer.length}. Highlight fewer words.` }
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
