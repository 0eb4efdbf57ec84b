// Why: Hindi words typed in Latin letters ("samvidhan") must find Hindi text,
// but folding every English word of the library the same loose way would
// double the main index and blur English search. So only entries that hold
// Devanagari go into a second, small MiniSearch, indexed by folded Latin
// spellings (hindi-roman.ts); every query is looked up there too, and its
// hits join the main ranking at a lower weight (a Latin word is first taken
// as English).
import MiniSearch, { type SearchResult as MiniResult } from 'minisearch'
import { hasDevanagari, romanSpellings, romanTerm } from './hindi-roman'
import type { SearchDoc } from './search-docs'

export interface HindiDoc {
  key: string
  words: string
}

/** A hit found only through a Hindi spelling: its terms are folded Latin, not words of the text. */
export type Hit = MiniResult & { viaHindi?: true }

/** How much a Hindi-spelling hit counts beside a hit on the text itself. */
export const HINDI_WEIGHT = 0.5

/** The entry's Hindi for the Hindi index, or undefined when it has none (then it stays out). */
export function hindiDoc(doc: SearchDoc): HindiDoc | undefined {
  return doc.hindi === undefined ? undefined : { key: doc.key, words: doc.hindi }
}

export function newHindiSearch(): MiniSearch<HindiDoc> {
  return new MiniSearch<HindiDoc>({
    idField: 'key',
    fields: ['words'],
    storeFields: [],
    // English words in a Hindi entry are the main index's business.
    processTerm: (term) => (hasDevanagari(term) ? [...romanSpellings(term)] : null),
    searchOptions: {
      processTerm: (term) => romanTerm(term) || null,
      prefix: (term) => term.length >= 3,
      fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
      maxFuzzy: 2,
      combineWith: 'AND'
    }
  })
}

/** The words of `text` a Hindi-spelling hit matched: Devanagari words with a folded spelling among `terms`. */
export const hindiTermsOf = (word: string): readonly string[] => (hasDevanagari(word) ? romanSpellings(word) : [])

/** One ranking of both indexes' hits; an entry found by both keeps its text hit (for the snippet) and both scores. */
export function mergeHits(hits: readonly MiniResult[], hindiHits: readonly MiniResult[]): Hit[] {
  const byId = new Map<unknown, Hit>()
  for (const hit of hits) byId.set(hit.id, hit)
  for (const hit of hindiHits) {
    const found = byId.get(hit.id)
    if (found) byId.set(hit.id, { ...found, score: found.score + hit.score * HINDI_WEIGHT })
    else byId.set(hit.id, { ...hit, score: hit.score * HINDI_WEIGHT, viaHindi: true })
  }
  return [...byId.values()].sort((a, b) => b.score - a.score)
}
