// Why: "search over 100 packs" must mean 100 different packs. These are made
// from the bundled pack's shape (same sections, blocks, questions, text
// lengths), with each word outside the shared English list swapped per pack:
// kept as it is (a topical word some packs share), drawn from a common pool
// (general vocabulary a few packs share), or replaced by a word no other pack
// has (its names and acronyms). Seeded, so every run generates the same packs.
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Pack } from '../src/shared/pack/schema'
import { packDocs } from '../src/main/services/search/search-docs'
import { loadPacksFrom } from '../src/main/services/packs/pack-loader'
import { SHARED_WORDS } from './shared-words'

/** Fields whose strings are ids, references, dates or enums: never reworded. */
const NOT_TEXT = new Set(['id', 'sourceIds', 'blockIds', 'tests', 'schemaVersion', 'version', 'asOf', 'date', 'address', 'kind', 'relation'])
const LETTERS = /\p{L}+/gu
const BLANK = '{{blank}}'
/** Share of a pack's own words kept as in the source pack, and drawn from the common pool; the rest are unique to the pack. */
const KEEP = 0.25
const POOLED = 0.5
const POOL_PER_LENGTH = 1000
const MIN_LEN = 3
const MAX_LEN = 14

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const ONSETS = [
  'b',
  'c',
  'd',
  'f',
  'g',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'w',
  'z',
  'br',
  'ch',
  'dr',
  'gr',
  'kh',
  'pr',
  'sh',
  'st',
  'tr',
  'th'
]
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ia', 'ou', 'ee']
const CODAS = ['', '', '', 'n', 'r', 's', 'l', 'm', 'k']

type Kind = 'kept' | 'pooled' | 'unique'
export interface GeneratedPack {
  pack: Pack
  /** Source word (lower case) → its word in this pack, and how it was chosen. */
  words: Map<string, { word: string; kind: Kind }>
}

/** Makes pronounceable words no pack (or the shared list, or the source pack) already uses. */
class WordMaker {
  readonly #used = new Set<string>(SHARED_WORDS)
  readonly pool = new Map<number, string[]>()

  constructor(sourceWords: Iterable<string>) {
    for (const w of sourceWords) this.#used.add(w)
    const rng = mulberry32(0xc0ffee)
    for (let len = MIN_LEN; len <= MAX_LEN; len++)
      this.pool.set(
        len,
        Array.from({ length: POOL_PER_LENGTH }, () => this.fresh(len, rng))
      )
  }

  fresh(length: number, rng: () => number): string {
    let len = Math.min(MAX_LEN, Math.max(MIN_LEN, length))
    const pick = (xs: readonly string[]) => xs[Math.floor(rng() * xs.length)]!
    for (let tries = 1; ; tries++) {
      // Short lengths run out of unused words: grow by a letter rather than loop forever.
      if (tries % 50 === 0) len++
      let w = ''
      while (w.length < len) w += pick(ONSETS) + pick(VOWELS) + pick(CODAS)
      w = w.slice(0, len)
      if (!this.#used.has(w)) {
        this.#used.add(w)
        return w
      }
    }
  }
}

function withCaseOf(model: string, word: string): string {
  if (model.length > 1 && model === model.toUpperCase()) return word.toUpperCase()
  if (model[0] !== model[0]!.toLowerCase()) return word[0]!.toUpperCase() + word.slice(1)
  return word
}

function sourceVocabulary(pack: Pack): Map<string, number> {
  const counts = new Map<string, number>()
  const visit = (value: unknown, key: string | undefined): void => {
    if (key !== undefined && NOT_TEXT.has(key)) return
    if (typeof value === 'string') {
      for (const m of value.matchAll(LETTERS)) counts.set(m[0].toLowerCase(), (counts.get(m[0].toLowerCase()) ?? 0) + 1)
    } else if (Array.isArray(value)) value.forEach((v) => visit(v, key))
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k)
  }
  visit(pack, undefined)
  return counts
}

function rewordPack(source: Pack, index: number, seed: number, maker: WordMaker): GeneratedPack {
  const rng = mulberry32(seed)
  const words = new Map<string, { word: string; kind: Kind }>()
  const swap = (token: string): string => {
    const lower = token.toLowerCase()
    if (lower.length <= 2 || SHARED_WORDS.has(lower)) return token
    let chosen = words.get(lower)
    if (!chosen) {
      const roll = rng()
      if (roll < KEEP) chosen = { word: lower, kind: 'kept' }
      else if (roll < KEEP + POOLED) {
        const bucket = maker.pool.get(Math.min(MAX_LEN, Math.max(MIN_LEN, lower.length)))!
        chosen = { word: bucket[Math.floor(rng() * bucket.length)]!, kind: 'pooled' }
      } else chosen = { word: maker.fresh(lower.length, rng), kind: 'unique' }
      words.set(lower, chosen)
    }
    return withCaseOf(token, chosen.word)
  }
  const reword = (text: string): string =>
    text
      .split(BLANK)
      .map((part) => part.replace(LETTERS, swap))
      .join(BLANK)
  const visit = (value: unknown, key: string | undefined): unknown => {
    if (key !== undefined && NOT_TEXT.has(key)) return value
    if (typeof value === 'string') return reword(value)
    if (Array.isArray(value)) return value.map((v) => visit(v, key))
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v, k)]))
    return value
  }
  const pack = visit(source, undefined) as Pack
  return { pack: { ...pack, id: `bench-distinct-${String(index).padStart(3, '0')}` }, words }
}

/** What the search index compares to merge identical entries (search-query.ts), minus the pack. */
function entryKeys(pack: Pack): string[] {
  return packDocs(pack).map((d) => JSON.stringify([d.kind, d.id, d.sectionId ?? '', d.blockId ?? '', d.title, d.text, d.label]))
}

export interface DistinctPacks {
  dir: string
  /** As the app loads them: read back from disk and checked against the pack schema. */
  packs: Pack[]
  words: Map<string, GeneratedPack['words']>
  sourceWordCounts: Map<string, number>
  meanPackBytes: number
}

/**
 * Writes `count` distinct packs under `dir` and loads them back through the
 * app's pack loader. No entry of one pack equals an entry of another, so the
 * index's merging of identical entries never applies.
 */
export async function generateDistinctPacks(source: Pack, dir: string, count = 100): Promise<DistinctPacks> {
  const sourceWordCounts = sourceVocabulary(source)
  const maker = new WordMaker(sourceWordCounts.keys())
  const seen = new Set<string>()
  const words = new Map<string, GeneratedPack['words']>()
  let bytes = 0
  await rm(dir, { recursive: true, force: true })
  for (let i = 0; i < count; i++) {
    let made: GeneratedPack | undefined
    for (let attempt = 0; !made; attempt++) {
      if (attempt === 20) throw new Error(`pack ${i}: could not make its entries differ from every earlier pack's`)
      const candidate = rewordPack(source, i, 1 + i + attempt * 7919, maker)
      const keys = entryKeys(candidate.pack)
      if (keys.some((k) => seen.has(k))) continue
      keys.forEach((k) => seen.add(k))
      made = candidate
    }
    words.set(made.pack.id, made.words)
    const text = JSON.stringify(made.pack)
    bytes += Buffer.byteLength(text)
    await mkdir(join(dir, made.pack.id), { recursive: true })
    await writeFile(join(dir, made.pack.id, 'pack.json'), text)
  }
  const loaded = await loadPacksFrom(dir)
  if (loaded.errors.length > 0 || loaded.packs.size !== count) {
    throw new Error(`generated packs failed the pack schema: ${loaded.errors.map((e) => e.message).join('; ') || `${loaded.packs.size} of ${count} loaded`}`)
  }
  return { dir, packs: [...loaded.packs.values()], words, sourceWordCounts, meanPackBytes: bytes / count }
}
