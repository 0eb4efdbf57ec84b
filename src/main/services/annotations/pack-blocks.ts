// Why: annotations and search look blocks up by id many times per call; this
// builds each pack's block table once (packs are read-only once loaded).
import { blockPlainText } from '../../../shared/domain/anchoring'
import type { Block, Pack, Section } from '../../../shared/pack/schema'

export interface BlockEntry {
  block: Block
  section: Section
  /** blockPlainText(block): what annotation offsets count in. */
  text: string
  sectionIndex: number
  /** Position of the block in the whole pack, for sorting in reading order. */
  order: number
}

const tables = new WeakMap<Pack, Map<string, BlockEntry>>()

export function blockTable(pack: Pack): Map<string, BlockEntry> {
  let table = tables.get(pack)
  if (!table) {
    table = new Map()
    let order = 0
    pack.sections.forEach((section, sectionIndex) => {
      for (const block of section.blocks) table!.set(block.id, { block, section, text: blockPlainText(block), sectionIndex, order: order++ })
    })
    tables.set(pack, table)
  }
  return table
}
