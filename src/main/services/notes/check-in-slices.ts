// Why: checking a 300-page pack against the schema in one call stalls the
// main process for hundreds of ms. The parts are checked one slice at a time
// (each section, table and batch of questions on its own) and the top level
// with its sources and cross-references on a skeleton of the pack. The ids
// and references were made by the mapper itself, and the pack install checks
// the whole pack once more before anything is written.
import * as z from 'zod'
import { PackSchema, QuestionSchema, SectionSchema, TableSchema, type Pack } from '../../../shared/pack/schema'

export type SliceCheck = { ok: true } | { ok: false; path: string; message: string }

const QUESTIONS_PER_SLICE = 150

function issue(error: z.ZodError, prefix: (string | number)[]): SliceCheck {
  const first = error.issues[0]
  return { ok: false, path: [...prefix, ...(first?.path ?? [])].map(String).join('.'), message: first?.message ?? 'invalid' }
}

export async function checkPackInSlices(pack: Pack, pause: () => Promise<void>): Promise<SliceCheck> {
  // The skeleton keeps what the cross-reference rules need from every part but the bulk of the text.
  const skeleton = { ...pack, sections: pack.sections.slice(0, 1), tables: [], questions: [] }
  const top = PackSchema.safeParse(skeleton)
  if (!top.success) return issue(top.error, [])
  for (let i = 0; i < pack.sections.length; i++) {
    const section = SectionSchema.safeParse(pack.sections[i])
    if (!section.success) return issue(section.error, ['sections', i])
    if (i % 4 === 3) await pause()
  }
  for (let i = 0; i < pack.tables.length; i++) {
    const table = TableSchema.safeParse(pack.tables[i])
    if (!table.success) return issue(table.error, ['tables', i])
  }
  await pause()
  for (let start = 0; start < pack.questions.length; start += QUESTIONS_PER_SLICE) {
    const batch = z.array(QuestionSchema).safeParse(pack.questions.slice(start, start + QUESTIONS_PER_SLICE))
    if (!batch.success) return issue(batch.error, ['questions'])
    await pause()
  }
  return references(pack)
}

/** The cross-field rules the skeleton could not see: ids unique across the pack, every reference resolving. */
function references(pack: Pack): SliceCheck {
  const ids = new Set<string>()
  const sources = new Set(pack.sources.map((s) => s.id))
  const claim = (id: string, path: string): SliceCheck | null => {
    if (ids.has(id)) return { ok: false, path, message: `duplicate id "${id}"` }
    ids.add(id)
    return null
  }
  const targets = new Set<string>()
  for (const s of pack.sources) claim(s.id, 'sources')
  for (const section of pack.sections) {
    const dup = claim(section.id, `sections.${section.id}`)
    if (dup) return dup
    for (const block of section.blocks) {
      const bad =
        claim(block.id, `blocks.${block.id}`) ??
        (block.sourceIds.every((s) => sources.has(s)) ? null : { ok: false as const, path: `blocks.${block.id}`, message: 'unknown source id' })
      if (bad) return bad
      targets.add(block.id)
    }
  }
  for (const table of pack.tables) {
    const dup = claim(table.id, `tables.${table.id}`)
    if (dup) return dup
    for (const row of table.rows) {
      const bad = claim(row.id, `rows.${row.id}`)
      if (bad) return bad
      for (const [col, cell] of Object.entries(row.cells)) {
        if (!cell.sourceIds.every((s) => sources.has(s))) return { ok: false, path: `rows.${row.id}`, message: 'unknown source id' }
        targets.add(`${row.id}/${col}`)
      }
    }
  }
  for (const q of pack.questions) {
    const bad = claim(q.id, `questions.${q.id}`)
    if (bad) return bad
    if (!q.tests.every((t) => targets.has(t))) return { ok: false, path: `questions.${q.id}`, message: 'tests something that is neither a block nor a cell' }
    if ((q.kind === 'mcq' || q.kind === 'statements') && q.answer >= q.options.length)
      return { ok: false, path: `questions.${q.id}`, message: 'answer past the last option' }
  }
  return { ok: true }
}
