// Why: acronyms in the running text (RELOS, CAATSA, S-400) explain themselves
// on hover and focus. Finding them is plain string work done here, so the text
// is still rendered by interpolation only.
import type { GlossaryEntry } from '@shared/pack/schema'

export interface TermPattern {
  text: string
  entry: GlossaryEntry
}

export interface TermHit {
  /** Offsets in the string searched. */
  start: number
  end: number
  entry: GlossaryEntry
}

/** Every term and alias, longest first, so "2+2 dialogue" wins over "2+2". */
export function termPatterns(entries: readonly GlossaryEntry[]): TermPattern[] {
  const all = entries.flatMap((entry) => [entry.term, ...(entry.aliases ?? [])].map((text) => ({ text: text.trim(), entry })))
  return all.filter((p) => p.text.length > 0).sort((a, b) => b.text.length - a.text.length)
}

const WORDISH = /[\p{L}\p{N}]/u
const isWordChar = (ch: string | undefined): boolean => ch !== undefined && WORDISH.test(ch)

/**
 * Whole-word, case-sensitive occurrences (acronyms are case-sensitive: "ISA"
 * is not "Isa"), longest first, never overlapping. Only the first occurrence
 * of each entry counts, and entries already in `seen` are skipped: a term
 * explained once per block is help, one on every line is a wall of tab stops.
 */
export function findTerms(text: string, patterns: readonly TermPattern[], seen: Set<string>): TermHit[] {
  const hits: TermHit[] = []
  const taken = (start: number, end: number): boolean => hits.some((h) => start < h.end && end > h.start)
  for (const { text: needle, entry } of patterns) {
    if (seen.has(entry.id)) continue
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
      const end = at + needle.length
      if (isWordChar(text[at - 1]) || isWordChar(text[end]) || taken(at, end)) continue
      hits.push({ start: at, end, entry })
      seen.add(entry.id)
      break
    }
  }
  return hits.sort((a, b) => a.start - b.start)
}

/**
 * What the tooltip says: the expansion (when it says more than the term) and
 * the meaning; with `hindi`, the Hindi term first (or, where Hindi papers keep
 * the acronym, the Hindi meaning), so it sits beside the English one.
 */
export function termTip(entry: GlossaryEntry, hindi = false): string {
  const english = entry.expansion && entry.expansion !== entry.term ? `${entry.expansion}: ${entry.meaning}` : entry.meaning
  const inHindi = hindi ? (entry.termHi ?? entry.meaningHi) : undefined
  return inHindi ? `${inHindi} — ${english}` : english
}
