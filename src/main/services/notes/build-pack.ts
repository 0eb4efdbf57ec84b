// Why: the whole Markdown path in one call (checks, sliced parse, mapping,
// schema check) that never throws: it returns a valid pack with its preview,
// or a typed error a student can act on. Nothing here writes to disk; the
// service installs the pack through the ordinary pack import.
import type { Definition } from 'mdast'
import type { Pack } from '../../../shared/pack/schema'
import { checkPackInSlices } from './check-in-slices'
import type { CardKindCounts, NotesError, NotesPreview, NotesWarning } from '../../../shared/domain/notes'
import { nextSlice } from '../store/turns'
import { readFrontMatter } from './front-matter'
import { IdRegistry, slugify } from './ids'
import { NotesMapper } from './map-to-pack'
import { parseMarkdown } from './parse-markdown'
import { SourceBook } from './sources'
import { checkNotesText } from './text-guards'

export interface BuildInput {
  fileName: string
  text: string
  /** Forces the pack id (an update from file keeps the installed pack's id). */
  packId?: string
  /** Extra warnings from an earlier step (a .docx conversion). */
  warnings?: NotesWarning[]
  clock?: () => Date
  /** Awaited between slices of work; the default gives the event loop a turn. */
  pause?: () => Promise<void>
}

export type BuildResult = { ok: true; pack: Pack; preview: NotesPreview } | { ok: false; error: NotesError }

const MAX_SECTIONS = 100
const MAX_QUESTIONS = 5000
const MAX_WARNINGS = 500
const REF_LINE = /(?:^|\s)\^([A-Za-z0-9][A-Za-z0-9-]{0,79})\s*$/

const fail = (code: NotesError['code'], message: string, line?: number): BuildResult => ({ ok: false, error: { code, message, ...(line ? { line } : {}) } })

/** Every `^id` written in the file, refusing one used twice. */
function scanRefs(text: string): { refs: Map<string, number> } | { error: NotesError } {
  const refs = new Map<string, number>()
  const lines = text.split(/\r\n|\r|\n/)
  for (let i = 0; i < lines.length; i++) {
    const m = REF_LINE.exec(lines[i] as string)
    if (!m) continue
    const id = (m[1] as string).toLowerCase()
    const first = refs.get(id)
    if (first !== undefined) {
      return {
        error: {
          code: 'duplicate-id',
          line: i + 1,
          message: `The id ^${id} is used on line ${first} and again on line ${i + 1}. Each ^id must be unique; rename one.`
        }
      }
    }
    refs.set(id, i + 1)
  }
  return { refs }
}

export async function buildNotesPack(input: BuildInput): Promise<BuildResult> {
  try {
    return await build(input)
  } catch (error) {
    return fail('unreadable', `${input.fileName} could not be read as notes: ${error instanceof Error ? error.message : String(error)}`)
  }
}

async function build(input: BuildInput): Promise<BuildResult> {
  const { fileName, text } = input
  const pause = input.pause ?? nextSlice
  const guard = checkNotesText(text, fileName)
  if (guard) return { ok: false, error: guard }
  // Each whole-file scan gets its own turn of the event loop.
  await pause()
  const scanned = scanRefs(text)
  if ('error' in scanned) return { ok: false, error: scanned.error }
  await pause()
  const parsed = await parseMarkdown(text, pause)

  const warnings: NotesWarning[] = [...(input.warnings ?? [])]
  const ids = new IdRegistry()
  for (const [ref, line] of scanned.refs) ids.reserve(ref, line)
  const definitions = new Map<string, string>()
  for (const piece of parsed.pieces)
    for (const node of piece.nodes) if (node.type === 'definition') definitions.set((node as Definition).identifier, (node as Definition).url)
  const front = parsed.frontMatter ? readFrontMatter(parsed.frontMatter.yaml, parsed.frontMatter.line, warnings) : { sources: [] }
  const sources = new SourceBook(ids, warnings, fileName.slice(0, 200))
  for (const s of front.sources) sources.addListed(s, s.line)

  const mapper = new NotesMapper({ ids, sources, warnings, definitions })
  for (const piece of parsed.pieces) {
    mapper.mapPiece(piece.nodes, piece.lineOffset)
    await pause()
  }
  mapper.finish()
  if (mapper.error) return fail('table-too-large', mapper.error.message, mapper.error.line)
  if (mapper.sections.length === 0) return fail('empty', `${fileName} has a title but no notes under it.`)
  if (mapper.sections.length > MAX_SECTIONS) {
    const extra = mapper.sections[MAX_SECTIONS]
    return fail(
      'too-many',
      `${fileName} has ${mapper.sections.length} sections (## headings); a pack holds at most ${MAX_SECTIONS}. Split the file into several packs.`,
      extra?.line
    )
  }
  if (mapper.questions.length > MAX_QUESTIONS)
    return fail('too-many', `${fileName} has ${mapper.questions.length} cards; a pack holds at most ${MAX_QUESTIONS}.`)

  const title = (front.title ?? mapper.title ?? fileName.replace(/\.[^.]+$/, '')).trim().slice(0, 500) || 'My notes'
  const packId = input.packId ?? front.id ?? (slugify(title, 60) || 'my-notes')
  const asOf = front.asOf ?? (input.clock ?? (() => new Date()))().toISOString().slice(0, 10)
  const pack: Pack = {
    schemaVersion: 1,
    id: packId,
    title,
    ...(front.subtitle ? { subtitle: front.subtitle } : {}),
    version: front.version ?? '1.0.0',
    asOf,
    sources: sources.sources,
    sections: mapper.sections.map(({ id, title: t, blocks }) => ({ id, title: t, blocks })),
    glossary: [],
    timeline: [],
    tables: mapper.tables,
    questions: mapper.questions
  }
  const checked = await checkPackInSlices(pack, pause)
  if (!checked.ok) return fail('invalid-pack', `${fileName} made a pack the app cannot use: ${checked.path}: ${checked.message}.`)
  const cards: CardKindCounts = {}
  for (const q of pack.questions) cards[q.kind] = (cards[q.kind] ?? 0) + 1
  warnings.sort((a, b) => a.line - b.line)
  const sectionOf = new Map(pack.sections.flatMap((s) => s.blocks.map((b) => [b.id, s.id] as const)))
  const cardsIn = new Map<string, number>()
  for (const q of pack.questions) {
    const section = sectionOf.get(q.tests[0] ?? '')
    if (section) cardsIn.set(section, (cardsIn.get(section) ?? 0) + 1)
  }
  const preview: NotesPreview = {
    packId,
    title,
    asOf,
    sections: mapper.sections.map((s) => ({ id: s.id, title: s.title, blocks: s.blocks.length, cards: cardsIn.get(s.id) ?? 0 })),
    cards,
    cardSyntax: mapper.syntax,
    tables: pack.tables.map((t) => ({ id: t.id, title: t.title, rows: t.rows.length, columns: t.columns.length })),
    sources: pack.sources.length,
    warnings:
      warnings.length > MAX_WARNINGS
        ? [...warnings.slice(0, MAX_WARNINGS), { line: 0, message: `…and ${warnings.length - MAX_WARNINGS} more warnings` }]
        : warnings
  }
  return { ok: true, pack, preview }
}
