// Why: a search hit shows the words that matched in their context. The parts
// are plain strings (the renderer wraps `match` in <mark>), and `match` is
// always a substring of the source text, never a re-typed term.
import type { Snippet } from '../../../shared/domain/search'

/** Same word boundaries as MiniSearch's default tokenizer (Unicode spaces and punctuation). */
const WORD = /[^\n\r\p{Z}\p{P}]+/gu

export interface SnippetOptions {
  /** Characters of context kept before / after the match (roughly; cut at a space). */
  before?: number
  after?: number
  /** The index terms a word of the text stands for; by default its lower-case form. */
  termsOf?: (word: string) => readonly string[]
}

/**
 * Finds the first word of `text` whose lower-case form is one of `terms`
 * (the index terms MiniSearch matched) and cuts a window around it. With no
 * such word, the snippet is the start of the text with an empty match.
 */
export function makeSnippet(text: string, terms: ReadonlySet<string>, options: SnippetOptions = {}): Snippet & { found: boolean } {
  const beforeChars = options.before ?? 50
  const afterChars = options.after ?? 90
  const termsOf = options.termsOf
  for (const m of text.matchAll(WORD)) {
    if (termsOf === undefined ? !terms.has(m[0].toLowerCase()) : !termsOf(m[0]).some((t) => terms.has(t))) continue
    const start = m.index
    const end = start + m[0].length
    return { before: leftContext(text, start, beforeChars), match: text.slice(start, end), after: rightContext(text, end, afterChars), found: true }
  }
  return { before: '', match: '', after: rightContext(text, 0, beforeChars + afterChars), found: false }
}

const squash = (s: string): string => s.replace(/\s+/g, ' ')

function leftContext(text: string, end: number, size: number): string {
  if (end <= size) return squash(text.slice(0, end))
  let from = end - size
  const space = text.indexOf(' ', from)
  if (space !== -1 && space < end) from = space + 1
  return `…${squash(text.slice(from, end))}`
}

function rightContext(text: string, start: number, size: number): string {
  if (text.length - start <= size) return squash(text.slice(start))
  let to = start + size
  const space = text.lastIndexOf(' ', to)
  if (space > start) to = space
  return `${squash(text.slice(start, to))}…`
}
