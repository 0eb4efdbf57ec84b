// Why: a notes pack is data a student revises from, so every pack (bundled or
// imported) is checked against this one schema before any view sees it.
import * as z from 'zod'
import { BLANK, hasOneBlank } from '../domain/cloze'
import { hindiTextProblem } from '../domain/hindi-text'
import { cellRef, ID_PATTERN } from '../domain/ids'
import { MAX_OPTIONS } from '../domain/pack-limits'

/** Stable ids: progress, annotations and reviews are keyed by them across pack updates. */
export const Id = z.string().regex(new RegExp(`^${ID_PATTERN}$`), 'ids are lower-case slugs: a-z, 0-9 and -')
const Text = z.string().trim().min(1).max(20_000)
const ShortText = z.string().trim().min(1).max(500)
const IsoDate = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'dates are YYYY-MM-DD or YYYY-MM')
const HttpsUrl = z.url({ protocol: /^https$/, hostname: z.regexes.domain })
/** A Hindi rendering beside an English field: Devanagari, with Latin only for acronyms. Optional everywhere, so an English-only pack stays valid. */
const HindiText = ShortText.superRefine((text, ctx) => {
  const problem = hindiTextProblem(text)
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem })
})

export const SourceSchema = z
  .object({
    id: Id,
    title: ShortText,
    publisher: ShortText.optional(),
    address: HttpsUrl.optional(),
    file: ShortText.optional(),
    date: IsoDate.optional(),
    note: ShortText.optional()
  })
  .strict()
  .refine((s) => s.address !== undefined || s.file !== undefined, 'a source needs an address or a file')

export const BlockKind = z.enum(['paragraph', 'bullets', 'key-fact', 'callout', 'correction'])

export const BlockSchema = z
  .object({
    id: Id,
    kind: BlockKind,
    title: ShortText.optional(),
    text: Text.optional(),
    items: z.array(Text).min(1).max(100).optional(),
    sourceIds: z.array(Id).min(1)
  })
  .strict()
  .refine((b) => (b.kind === 'bullets' ? b.items !== undefined : b.text !== undefined), {
    message: 'a bullets block needs items; every other kind needs text'
  })

export const SectionSchema = z
  .object({
    id: Id,
    title: ShortText,
    titleHi: HindiText.optional(),
    summary: ShortText.optional(),
    blocks: z.array(BlockSchema).min(1).max(200)
  })
  .strict()

export const GlossaryEntrySchema = z
  .object({
    id: Id,
    term: ShortText,
    /** The standard Hindi term; left out where Hindi papers have no settled one (the acronym then stands). */
    termHi: HindiText.optional(),
    expansion: ShortText,
    meaning: ShortText,
    meaningHi: HindiText.optional(),
    /** Other spellings to spot in the text (e.g. "2+2" for "2+2 dialogue"). */
    aliases: z.array(ShortText).max(10).optional(),
    sourceIds: z.array(Id).optional()
  })
  .strict()

export const TimelineEventSchema = z
  .object({
    id: Id,
    date: IsoDate,
    title: ShortText,
    detail: Text.optional(),
    sourceIds: z.array(Id).min(1)
  })
  .strict()

export const CellSchema = z
  .object({
    text: Text,
    sourceIds: z.array(Id).min(1),
    /** Sections/blocks of the notes this cell is drawn from (for "read about this"). */
    blockIds: z.array(Id).optional()
  })
  .strict()

export const TableRowSchema = z
  .object({
    id: Id,
    dimension: ShortText,
    dimensionHi: HindiText.optional(),
    group: ShortText,
    relation: z.enum(['alike', 'differ']),
    /** Keyed by column id: exactly one cell per column. */
    cells: z.record(Id, CellSchema)
  })
  .strict()

export const TableSchema = z
  .object({
    id: Id,
    title: ShortText,
    titleHi: HindiText.optional(),
    caption: ShortText.optional(),
    columns: z
      .array(z.object({ id: Id, label: ShortText }).strict())
      .min(2)
      .max(8),
    rows: z.array(TableRowSchema).min(1).max(200)
  })
  .strict()

const QuestionBase = {
  id: Id,
  /** Block ids or cell refs (`row/column`) this question tests. */
  tests: z.array(z.string().min(1).max(200)).min(1).max(20),
  explanation: Text
}
const Options = z.array(ShortText).min(2).max(MAX_OPTIONS)

export const QuestionSchema = z.discriminatedUnion('kind', [
  z
    .object({
      ...QuestionBase,
      kind: z.literal('statements'),
      /** Usually "Consider the following statements about …". */
      stem: ShortText,
      statements: z.array(ShortText).min(2).max(5),
      /** Usually "Which of the statements given above is/are correct?". */
      ask: ShortText,
      options: Options,
      answer: z.number().int().min(0)
    })
    .strict(),
  z.object({ ...QuestionBase, kind: z.literal('mcq'), prompt: ShortText, options: Options, answer: z.number().int().min(0) }).strict(),
  z.object({ ...QuestionBase, kind: z.literal('true-false'), statement: ShortText, answer: z.boolean() }).strict(),
  z
    .object({
      ...QuestionBase,
      kind: z.literal('cloze'),
      /** Contains exactly one blank, written `{{blank}}`. */
      text: ShortText.refine(hasOneBlank, `cloze text needs exactly one ${BLANK}`),
      answer: ShortText,
      /** Other answers to accept (case and spacing are already forgiven). */
      accept: z.array(ShortText).max(10).optional()
    })
    .strict(),
  z
    .object({
      ...QuestionBase,
      kind: z.literal('match'),
      prompt: ShortText,
      listI: z.array(ShortText).min(2).max(6),
      listII: z.array(ShortText).min(2).max(6),
      /** answer[i] is the index in listII that matches listI[i]. */
      answer: z.array(z.number().int().min(0))
    })
    .strict(),
  z.object({ ...QuestionBase, kind: z.literal('flashcard'), front: ShortText, back: Text }).strict(),
  z
    .object({
      ...QuestionBase,
      kind: z.literal('mains'),
      prompt: ShortText,
      wordLimit: z.number().int().min(50).max(1000).optional(),
      outline: z.array(ShortText).min(3).max(20)
    })
    .strict()
])

export const PackSchema = z
  .object({
    schemaVersion: z.literal(1),
    id: Id,
    title: ShortText,
    titleHi: HindiText.optional(),
    subtitle: ShortText.optional(),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'version is semver, e.g. 1.0.0'),
    asOf: IsoDate,
    sources: z.array(SourceSchema).min(1).max(200),
    sections: z.array(SectionSchema).min(1).max(100),
    glossary: z.array(GlossaryEntrySchema).max(500),
    timeline: z.array(TimelineEventSchema).max(500),
    tables: z.array(TableSchema).max(20),
    questions: z.array(QuestionSchema).max(5000)
  })
  .strict()
  .superRefine(checkReferences)

export type Pack = z.infer<typeof PackSchema>
export type PackSource = z.infer<typeof SourceSchema>
export type Section = z.infer<typeof SectionSchema>
export type Block = z.infer<typeof BlockSchema>
export type GlossaryEntry = z.infer<typeof GlossaryEntrySchema>
export type TimelineEvent = z.infer<typeof TimelineEventSchema>
export type CompareTable = z.infer<typeof TableSchema>
export type TableRow = z.infer<typeof TableRowSchema>
export type Cell = z.infer<typeof CellSchema>
export type Question = z.infer<typeof QuestionSchema>
export type QuestionKind = Question['kind']

type RawPack = Omit<Pack, never>

/** Cross-field rules a per-field schema cannot say: unique ids, and every reference resolves. */
function checkReferences(pack: RawPack, ctx: z.RefinementCtx): void {
  const seen = new Map<string, string>()
  const claim = (id: string, path: (string | number)[]): void => {
    if (seen.has(id)) {
      ctx.addIssue({ code: 'custom', path, message: `duplicate id "${id}" (first used at ${seen.get(id)})` })
    } else {
      seen.set(id, path.join('.'))
    }
  }
  const sourceIds = new Set<string>()
  pack.sources.forEach((s, i) => {
    claim(s.id, ['sources', i, 'id'])
    sourceIds.add(s.id)
  })
  const checkSources = (ids: readonly string[] | undefined, path: (string | number)[]): void => {
    ids?.forEach((id, j) => {
      if (!sourceIds.has(id)) ctx.addIssue({ code: 'custom', path: [...path, j], message: `unknown source id "${id}"` })
    })
  }
  const blockIds = new Set<string>()
  pack.sections.forEach((section, i) => {
    claim(section.id, ['sections', i, 'id'])
    section.blocks.forEach((block, j) => {
      claim(block.id, ['sections', i, 'blocks', j, 'id'])
      blockIds.add(block.id)
      checkSources(block.sourceIds, ['sections', i, 'blocks', j, 'sourceIds'])
    })
  })
  pack.glossary.forEach((g, i) => {
    claim(g.id, ['glossary', i, 'id'])
    checkSources(g.sourceIds, ['glossary', i, 'sourceIds'])
  })
  pack.timeline.forEach((t, i) => {
    claim(t.id, ['timeline', i, 'id'])
    checkSources(t.sourceIds, ['timeline', i, 'sourceIds'])
  })
  const cellRefs = new Set<string>()
  pack.tables.forEach((table, i) => {
    claim(table.id, ['tables', i, 'id'])
    const columnIds = table.columns.map((c) => c.id)
    table.rows.forEach((row, j) => {
      const path = ['tables', i, 'rows', j]
      claim(row.id, [...path, 'id'])
      const keys = Object.keys(row.cells)
      for (const col of columnIds) {
        if (!keys.includes(col)) ctx.addIssue({ code: 'custom', path: [...path, 'cells'], message: `missing cell for column "${col}"` })
      }
      for (const key of keys) {
        const cell = row.cells[key]
        if (!columnIds.includes(key)) ctx.addIssue({ code: 'custom', path: [...path, 'cells', key], message: `no column "${key}" in this table` })
        else cellRefs.add(cellRef(row.id, key))
        checkSources(cell?.sourceIds, [...path, 'cells', key, 'sourceIds'])
        cell?.blockIds?.forEach((b, k) => {
          if (!blockIds.has(b)) ctx.addIssue({ code: 'custom', path: [...path, 'cells', key, 'blockIds', k], message: `unknown block id "${b}"` })
        })
      }
    })
  })
  pack.questions.forEach((q, i) => {
    claim(q.id, ['questions', i, 'id'])
    q.tests.forEach((ref, j) => {
      if (!blockIds.has(ref) && !cellRefs.has(ref)) {
        ctx.addIssue({ code: 'custom', path: ['questions', i, 'tests', j], message: `"${ref}" is neither a block id nor a cell ref` })
      }
    })
    const optionCount = q.kind === 'mcq' || q.kind === 'statements' ? q.options.length : undefined
    if (optionCount !== undefined && 'answer' in q && typeof q.answer === 'number' && q.answer >= optionCount) {
      ctx.addIssue({ code: 'custom', path: ['questions', i, 'answer'], message: `answer ${q.answer} is past the last option` })
    }
    if (q.kind === 'match') {
      const ok = q.answer.length === q.listI.length && q.answer.every((a) => a < q.listII.length) && new Set(q.answer).size === q.answer.length
      if (!ok) ctx.addIssue({ code: 'custom', path: ['questions', i, 'answer'], message: 'match answer needs one distinct List-II index per List-I item' })
    }
  })
}
