// Why: Ctrl/Cmd+K over a library of 100 different packs, timed for rare words
// (a name only one pack has: few hits, but prefix and fuzzy matching still
// walk the whole vocabulary) and common words (hits in every pack), each
// across the library and scoped to one pack.
import { performance } from 'node:perf_hooks'
import { packDocs } from '../src/main/services/search/search-docs'
import { buildSearchIndex, type SearchIndex } from '../src/main/services/search/search-index'
import type { DistinctPacks } from './distinct-packs'
import { COMMON_QUERIES } from './shared-words'
import { spread, type Spread } from './stats'

export interface SearchBench {
  packs: number
  documents: number
  build_ms: number
  rare: Spread
  rare_scoped: Spread
  common: Spread
  common_scoped: Spread
  queries: { rare: string[]; common: string[] }
}

interface Query {
  query: string
  packId: string
}

/** One letter changed in the middle: a typo fuzzy matching should forgive. */
function typo(word: string): string {
  const at = Math.floor(word.length / 2)
  return word.slice(0, at) + (word[at] === 'e' ? 'a' : 'e') + word.slice(at + 1)
}

/**
 * For 10 packs spread over the library: two of its own words whole, one cut to
 * its first 4 letters (half-typed), one with a typo. "Its own" means the pack's
 * stand-in for a name the source pack uses 5 to 40 times (as it does RELOS or CAATSA).
 */
function rareQueries(distinct: DistinctPacks): Query[] {
  const candidates = [...distinct.sourceWordCounts]
    .filter(([w, n]) => w.length >= 5 && n >= 5 && n <= 40)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([w]) => w)
  const out: Query[] = []
  for (let k = 5; k < distinct.packs.length; k += 10) {
    const packId = distinct.packs[k]!.id
    const words = distinct.words.get(packId)!
    // Only words the search actually indexes (some pack fields, such as source notes, are not searched).
    const indexed = new Set(packDocs(distinct.packs[k]!).flatMap((d) => `${d.title} ${d.text}`.toLowerCase().match(/\p{L}+/gu) ?? []))
    const own = candidates
      .map((w) => words.get(w))
      .filter((m) => m?.kind === 'unique' && indexed.has(m.word))
      .map((m) => m!.word)
    if (own.length < 4) throw new Error(`pack ${packId} has too few words of its own to query`)
    out.push({ query: own[0]!, packId }, { query: own[1]!, packId }, { query: own[2]!.slice(0, 4), packId }, { query: typo(own[3]!), packId })
  }
  return out
}

function commonQueries(distinct: DistinctPacks): Query[] {
  const usable = COMMON_QUERIES.filter((q) => q.split(' ').every((w) => distinct.sourceWordCounts.has(w)))
  if (usable.length < 6) throw new Error(`only ${usable.length} common queries occur in the source pack`)
  return usable.flatMap((query, i) => [0, 1, 2].map((j) => ({ query, packId: distinct.packs[(i * 31 + j * 43) % distinct.packs.length]!.id })))
}

function time(index: SearchIndex, queries: Query[], scoped: boolean, samples: number[], check: boolean): void {
  for (const q of queries) {
    const started = performance.now()
    const hits = index.search(scoped ? { query: q.query, packId: q.packId } : { query: q.query })
    samples.push(performance.now() - started)
    if (check && hits.length === 0) throw new Error(`"${q.query}"${scoped ? ` in ${q.packId}` : ''} found nothing: the query set is wrong`)
  }
}

export function measureSearch(distinct: DistinctPacks): SearchBench {
  const started = performance.now()
  const index = buildSearchIndex(distinct.packs)
  const buildMs = performance.now() - started
  const documents = distinct.packs.reduce((n, p) => n + packDocs(p).length, 0)
  // The index merges identical entries of different packs; none may exist here.
  if (index.size !== documents) throw new Error(`the index holds ${index.size} entries for ${documents} documents: some packs were merged`)
  const rare = rareQueries(distinct)
  const common = commonQueries(distinct)
  // A warm-up round, not timed, so the JIT has seen every path; then the four
  // kinds take turns, so a busy moment on the machine falls on all of them.
  const samples = { rare: [] as number[], rareScoped: [] as number[], common: [] as number[], commonScoped: [] as number[] }
  for (const scoped of [false, true]) time(index, [...rare, ...common], scoped, [], true)
  for (let round = 0; round < 10; round++) {
    time(index, rare, false, samples.rare, false)
    time(index, rare, true, samples.rareScoped, false)
    time(index, common, false, samples.common, false)
    time(index, common, true, samples.commonScoped, false)
  }
  return {
    packs: distinct.packs.length,
    documents,
    build_ms: Math.round(buildMs),
    rare: spread(samples.rare),
    rare_scoped: spread(samples.rareScoped),
    common: spread(samples.common),
    common_scoped: spread(samples.commonScoped),
    queries: { rare: rare.map((q) => q.query), common: [...new Set(common.map((q) => q.query))] }
  }
}
