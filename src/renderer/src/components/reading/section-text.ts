// Why: everything a section's text needs before it is drawn, worked out once
// per change: each block's runs (highlights and glossary terms), where each
// highlight starts and ends, and which glossary entries the section mentions.
import { blockPlainText, blockSegments } from '@shared/domain/anchoring'
import type { AnnotationView } from '@shared/annotations'
import type { GlossaryEntry, Section } from '@shared/pack/schema'
import { findTerms, type TermPattern } from './glossary-terms'
import { buildRuns, locateHighlights, type DrawnHighlight, type Piece, type Run } from './text-runs'

export interface BlockView {
  /** blockPlainText(block): what selection offsets and highlight ranges count in. */
  text: string
  /** One list of runs per rendered piece (the text, or each bullet item). */
  segments: Run[][]
  /** The first piece of each highlight (keyboard focus, jump target) and the last (note marker). */
  leads: Map<string, Piece>
  tails: Map<string, Piece>
}

export interface SectionView {
  blocks: Map<string, BlockView>
  /** Where each drawn highlight is, by annotation id. */
  ranges: Map<string, DrawnHighlight & { blockId: string }>
  /** Glossary entries spelled somewhere in the section, for their hidden descriptions. */
  terms: GlossaryEntry[]
}

export function sectionView(section: Section, patterns: readonly TermPattern[], byBlock: ReadonlyMap<string, readonly AnnotationView[]>): SectionView {
  const blocks = new Map<string, BlockView>()
  const ranges: SectionView['ranges'] = new Map()
  const terms = new Map<string, GlossaryEntry>()
  for (const block of section.blocks) {
    const text = blockPlainText(block)
    const drawn = locateHighlights(text, byBlock.get(block.id) ?? [])
    for (const h of drawn) ranges.set(h.id, { ...h, blockId: block.id })
    const seen = new Set<string>()
    const segments = blockSegments(block).map((seg) => {
      const hits = findTerms(seg.text, patterns, seen)
      for (const hit of hits) terms.set(hit.entry.id, hit.entry)
      return buildRuns(seg.text, seg.start, drawn, hits)
    })
    const leads = new Map<string, Piece>()
    const tails = new Map<string, Piece>()
    for (const run of segments.flat()) {
      for (const piece of run.pieces) {
        for (const id of piece.ids) {
          if (!leads.has(id)) leads.set(id, piece)
          tails.set(id, piece)
        }
      }
    }
    blocks.set(block.id, { text, segments, leads, tails })
  }
  return { blocks, ranges, terms: [...terms.values()] }
}
