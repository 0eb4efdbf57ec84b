// Why: a highlight is stored as the words the student marked (a W3C
// TextQuoteSelector), not as offsets, so it survives edits to the pack. Main
// and the renderer both find those words again with these pure functions, on
// the same notion of a block's text. No node, electron or vue imports here.
import type { Block } from '../pack/schema'

/** W3C Web Annotation TextQuoteSelector: the marked words and a little context either side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector'
  exact: string
  prefix: string
  suffix: string
}

export interface TextRange {
  start: number
  end: number
}

/** How much context a selector keeps before and after the quote. */
export const CONTEXT_CHARS = 32

/** Between bullet items in a block's text. */
export const ITEM_SEPARATOR = '\n'

/**
 * The text a highlight's offsets count in. A paragraph-like block is its
 * `text`; a bullets block is its items joined with "\n". The block's title is
 * not part of it (titles are headings, not highlightable).
 */
export function blockPlainText(block: Pick<Block, 'kind' | 'text' | 'items'>): string {
  if (block.kind === 'bullets') return (block.items ?? []).join(ITEM_SEPARATOR)
  return block.text ?? ''
}

/** Where each rendered piece of a block starts in blockPlainText: one piece per bullet item, or one for the text. */
export function blockSegments(block: Pick<Block, 'kind' | 'text' | 'items'>): { text: string; start: number }[] {
  if (block.kind !== 'bullets') return [{ text: block.text ?? '', start: 0 }]
  let start = 0
  return (block.items ?? []).map((text) => {
    const piece = { text, start }
    start += text.length + ITEM_SEPARATOR.length
    return piece
  })
}

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff

/** Builds the selector for text[start, end). Throws a RangeError for an empty or out-of-bounds range. */
export function quoteSelector(text: string, start: number, end: number): TextQuoteSelector {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`no text between ${start} and ${end} (the block has ${text.length} characters)`)
  }
  let prefix = text.slice(Math.max(0, start - CONTEXT_CHARS), start)
  let suffix = text.slice(end, end + CONTEXT_CHARS)
  // Never keep half of a surrogate pair at the cut edges.
  if (prefix.length > 0 && isLow(prefix.charCodeAt(0))) prefix = prefix.slice(1)
  if (suffix.length > 0 && isHigh(suffix.charCodeAt(suffix.length - 1))) suffix = suffix.slice(0, -1)
  return { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix, suffix }
}

export interface AnchorOptions {
  /** Where the quote was last seen; breaks ties between equally good matches. */
  hint?: number
  /** Only an exact occurrence counts (used when a highlight is first made). Default false. */
  exactOnly?: boolean
}

/** How a quote was found, for tests and diagnostics. */
export type AnchorMethod = 'exact' | 'normalised' | 'fuzzy'

export interface Anchored extends TextRange {
  method: AnchorMethod
}

/** Too many occurrences to weigh one by one: the rest are ignored (deterministically). */
const MAX_CANDIDATES = 1000
/** Fuzzy matching costs quote × text steps; above this it is skipped and the quote is orphaned. */
const MAX_FUZZY_CELLS = 4_000_000
/** Shorter quotes are too ambiguous to match approximately. */
const MIN_FUZZY_QUOTE = 8
/** A fuzzy match may differ from the quote in at most this share of its characters. */
const FUZZY_RATIO = 0.2

/**
 * Finds the quote in `text`, or null when it is gone (the annotation is then
 * orphaned). In order:
 *   1. exact occurrences, best prefix/suffix fit first, then nearest the hint, then earliest;
 *   2. the same on a normalised copy (case, runs of whitespace, curly quotes and dashes);
 *   3. the closest approximate occurrence of the normalised quote (edit distance ≤ 20% of
 *      its length, quotes of ≥ 8 characters, bounded work), nearest the hint on a tie.
 */
export function anchor(text: string, selector: Pick<TextQuoteSelector, 'exact'> & Partial<TextQuoteSelector>, options: AnchorOptions = {}): Anchored | null {
  const { exact } = selector
  if (exact.length === 0) return null
  const prefix = selector.prefix ?? ''
  const suffix = selector.suffix ?? ''
  const hint = options.hint

  const direct = bestOccurrence(text, exact, prefix, suffix, hint)
  if (direct !== null) return { start: direct, end: direct + exact.length, method: 'exact' }
  if (options.exactOnly) return null

  const norm = normalise(text)
  const quote = normalise(exact).text
  if (quote.trim().length === 0) return null
  const normHint = hint === undefined ? undefined : toNormalisedOffset(norm.map, hint)
  const found = bestOccurrence(norm.text, quote, normalise(prefix).text, normalise(suffix).text, normHint)
  if (found !== null) return { ...fromNormalised(norm.map, found, found + quote.length), method: 'normalised' }

  const fuzzy = fuzzyFind(norm.text, quote, normHint)
  if (fuzzy !== null) return { ...fromNormalised(norm.map, fuzzy.start, fuzzy.end), method: 'fuzzy' }
  return null
}

function bestOccurrence(text: string, exact: string, prefix: string, suffix: string, hint: number | undefined): number | null {
  let best: number | null = null
  let bestFit = -1
  let bestDistance = Infinity
  let seen = 0
  for (let at = text.indexOf(exact); at !== -1 && seen < MAX_CANDIDATES; at = text.indexOf(exact, at + 1), seen++) {
    const fit = commonSuffix(text, at, prefix) + commonPrefix(text, at + exact.length, suffix)
    const distance = hint === undefined ? 0 : Math.abs(at - hint)
    if (fit > bestFit || (fit === bestFit && distance < bestDistance)) {
      best = at
      bestFit = fit
      bestDistance = distance
    }
  }
  return best
}

/** Characters of `prefix` that match the text just before `at`, counted backwards. */
function commonSuffix(text: string, at: number, prefix: string): number {
  let n = 0
  while (n < prefix.length && n < at && text[at - 1 - n] === prefix[prefix.length - 1 - n]) n++
  return n
}

/** Characters of `suffix` that match the text from `at`. */
function commonPrefix(text: string, at: number, suffix: string): number {
  let n = 0
  while (n < suffix.length && at + n < text.length && text[at + n] === suffix[n]) n++
  return n
}

interface Normalised {
  text: string
  /** map[i] is the index in the original of normalised character i; map[text.length] is the original's length. */
  map: number[]
}

const FOLD: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u00A0': ' '
}

/** Lower-cases, folds curly quotes and dashes, and collapses each run of whitespace to one space, keeping a map back. */
function normalise(text: string): Normalised {
  let out = ''
  const map: number[] = []
  let inSpace = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    if (/\s/.test(ch)) {
      if (!inSpace) {
        out += ' '
        map.push(i)
      }
      inSpace = true
      continue
    }
    inSpace = false
    const folded = FOLD[ch] ?? ch
    const lower = folded.toLowerCase()
    // Keep offsets one-to-one: a character whose lower case is longer (İ) stays as it is.
    out += lower.length === 1 ? lower : folded
    map.push(i)
  }
  map.push(text.length)
  return { text: out, map }
}

function toNormalisedOffset(map: number[], offset: number): number {
  // First normalised character at or after the original offset.
  let lo = 0
  let hi = map.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((map[mid] as number) < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

function fromNormalised(map: number[], start: number, end: number): TextRange {
  return { start: map[start] as number, end: end > start ? (map[end - 1] as number) + 1 : (map[start] as number) }
}

/**
 * Approximate substring match (Sellers): the span of `text` with the least
 * edit distance to `quote`, if that distance is small enough. Ties go to the
 * span nearest the hint, then the earliest.
 */
function fuzzyFind(text: string, quote: string, hint: number | undefined): TextRange | null {
  const m = quote.length
  const n = text.length
  if (m < MIN_FUZZY_QUOTE || m * n > MAX_FUZZY_CELLS || n === 0) return null
  const limit = Math.floor(m * FUZZY_RATIO)
  // Column j of the DP: cost[i] = edits to turn quote[0..i) into some text span ending at j; start[i] = where it begins.
  let prevCost = new Int32Array(m + 1)
  let prevStart = new Int32Array(m + 1)
  let cost = new Int32Array(m + 1)
  let start = new Int32Array(m + 1)
  for (let i = 0; i <= m; i++) {
    prevCost[i] = i
    prevStart[i] = 0
  }
  let best: TextRange | null = null
  let bestCost = limit + 1
  let bestDistance = Infinity
  for (let j = 1; j <= n; j++) {
    cost[0] = 0
    start[0] = j
    const t = text.charCodeAt(j - 1)
    for (let i = 1; i <= m; i++) {
      const diag = (prevCost[i - 1] as number) + (quote.charCodeAt(i - 1) === t ? 0 : 1)
      const up = (cost[i - 1] as number) + 1
      const left = (prevCost[i] as number) + 1
      if (diag <= up && diag <= left) {
        cost[i] = diag
        start[i] = prevStart[i - 1] as number
      } else if (up <= left) {
        cost[i] = up
        start[i] = start[i - 1] as number
      } else {
        cost[i] = left
        start[i] = prevStart[i] as number
      }
    }
    const c = cost[m] as number
    if (c <= limit) {
      const s = start[m] as number
      const distance = hint === undefined ? 0 : Math.abs(s - hint)
      if (c < bestCost || (c === bestCost && distance < bestDistance)) {
        best = { start: s, end: j }
        bestCost = c
        bestDistance = distance
      }
    }
    ;[prevCost, cost] = [cost, prevCost]
    ;[prevStart, start] = [start, prevStart]
  }
  if (best === null) return null
  // Do not let the span begin or end on a space the quote does not have.
  while (best.start < best.end && text[best.start] === ' ' && quote[0] !== ' ') best.start++
  while (best.end > best.start && text[best.end - 1] === ' ' && quote[m - 1] !== ' ') best.end--
  return best.end > best.start ? best : null
}

export interface HighlightSegment extends TextRange {
  /** Ids of the ranges covering this piece, in the order given; empty for plain text. */
  ids: string[]
}

/**
 * Cuts [0, length) into pieces at every range edge, so overlapping highlights
 * can be drawn as nested marks: each piece lists every range covering it.
 */
export function highlightSegments(length: number, ranges: readonly (TextRange & { id: string })[]): HighlightSegment[] {
  const cuts = new Set<number>([0, length])
  for (const r of ranges) {
    if (r.start > 0 && r.start < length) cuts.add(r.start)
    if (r.end > 0 && r.end < length) cuts.add(r.end)
  }
  const points = [...cuts].sort((a, b) => a - b)
  const segments: HighlightSegment[] = []
  for (let k = 0; k + 1 < points.length; k++) {
    const start = points[k] as number
    const end = points[k + 1] as number
    segments.push({ start, end, ids: ranges.filter((r) => r.start <= start && r.end >= end).map((r) => r.id) })
  }
  return segments
}
