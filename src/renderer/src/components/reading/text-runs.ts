// Why: one piece of a block's text (a paragraph, or one bullet item) cut at
// every highlight and glossary-term edge, so the template can draw nested
// <mark>s and term tooltips with plain interpolation. Each piece keeps its
// offset in blockPlainText(block): a DOM selection maps back through it.
import { anchor, highlightSegments, type TextRange } from '@shared/domain/anchoring'
import type { AnnotationView } from '@shared/annotations'
import type { GlossaryEntry } from '@shared/pack/schema'
import type { TermHit } from './glossary-terms'

export interface Piece {
  /** Offset of the piece in blockPlainText(block). */
  offset: number
  text: string
  /** Highlights covering the piece, outermost (longest) first. */
  ids: string[]
}

export interface Run {
  /** The glossary entry this run spells, or null for ordinary text. */
  term: GlossaryEntry | null
  pieces: Piece[]
}

export interface DrawnHighlight extends TextRange {
  id: string
}

/*
 * Where each highlight sits in the block text as the page has it. Main's range
 * is used when it still spells the quote; otherwise (the text changed since
 * main looked) the quote is found again with the same anchoring main uses.
 */
export function locateHighlights(text: string, annotations: readonly AnnotationView[]): DrawnHighlight[] {
  const drawn: DrawnHighlight[] = []
  for (const a of annotations) {
    const r = a.range
    if (r && text.slice(r.start, r.end) === a.selector.exact) {
      drawn.push({ id: a.id, start: r.start, end: r.end })
      continue
    }
    const found = anchor(text, a.selector, { hint: r?.start ?? a.position.start })
    if (found) drawn.push({ id: a.id, start: found.start, end: found.end })
  }
  // Longest first: in an overlap the shorter highlight is drawn inside, where a click lands on it.
  return drawn.sort((x, y) => y.end - y.start - (x.end - x.start) || x.start - y.start)
}

const TERM = '\u0000term:'

/** Cuts `text` (which starts at `base` in the block) into runs of pieces. Terms are in local offsets. */
export function buildRuns(text: string, base: number, highlights: readonly DrawnHighlight[], terms: readonly TermHit[]): Run[] {
  const local = highlights
    .map((h) => ({ id: h.id, start: Math.max(0, h.start - base), end: Math.min(text.length, h.end - base) }))
    .filter((h) => h.end > h.start)
  const termRanges = terms.map((t, i) => ({ id: `${TERM}${i}`, start: t.start, end: t.end }))
  const runs: Run[] = []
  let open: { index: number; run: Run } | null = null
  for (const seg of highlightSegments(text.length, [...local, ...termRanges])) {
    if (seg.end <= seg.start) continue
    const termId = seg.ids.find((id) => id.startsWith(TERM))
    const index = termId ? Number(termId.slice(TERM.length)) : -1
    const piece: Piece = { offset: base + seg.start, text: text.slice(seg.start, seg.end), ids: seg.ids.filter((id) => !id.startsWith(TERM)) }
    if (!open || open.index !== index || index === -1) {
      open = { index, run: { term: index === -1 ? null : (terms[index]?.entry ?? null), pieces: [] } }
      runs.push(open.run)
    }
    open.run.pieces.push(piece)
  }
  return runs
}
