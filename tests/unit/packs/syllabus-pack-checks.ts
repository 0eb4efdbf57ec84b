// Why: the syllabus packs (India–Russia relations, India–US relations, groupings) are what a student
// revises a whole GS-II topic from, so each is held to the same promises: the counts the issue sets,
// a source on every block, two independent pages behind every figure or date, no sentence lifted from
// the source document or the reference texts the facts came from, and no word about how it was made.
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PackSchema, type Block, type Pack } from '../../../src/shared/pack/schema'

const ROOT = resolve(__dirname, '../../..')
const FIXTURES = resolve(ROOT, 'tests/fixtures/pack-sources')

export interface SyllabusPackPromise {
  id: string
  /** Required ids of tables that must exist, with their minimum row counts. */
  tables: Record<string, number>
}

/** Reads a fixture, failing loudly: a missing file must never turn into a skipped check. */
function readRequired(path: string, what: string): string {
  if (!existsSync(path)) throw new Error(`${what} is missing at ${path}; this check cannot pass without it.`)
  return readFileSync(path, 'utf8')
}

export function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0)
}

export function runsOf(text: string, n: number): Set<string> {
  const words = tokens(text)
  const out = new Set<string>()
  for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '))
  return out
}

/** Every string in a JSON value, with the path it sits at. */
export function allStrings(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]]
  if (Array.isArray(value)) return value.flatMap((v, i) => allStrings(v, `${path}[${i}]`))
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => allStrings(v, path ? `${path}.${k}` : k))
  }
  return []
}

/** Texts the notes must not copy from: the 2+2 source document and every reference fact and note. */
export function referenceTexts(): Array<{ name: string; text: string; run: number }> {
  const source = readRequired(resolve(FIXTURES, '000_bae20935dc497890.txt'), 'The 2+2 source document')
  const facts = [
    ...(JSON.parse(readRequired(resolve(FIXTURES, 'external-facts.json'), 'external-facts.json')) as Array<Record<string, unknown>>),
    ...(JSON.parse(readRequired(resolve(FIXTURES, 'syllabus-facts.json'), 'syllabus-facts.json')) as Array<Record<string, unknown>>)
  ]
  // Reference facts are single sentences, so a shorter run already means a sentence was carried over.
  return [
    { name: 'source document', text: source, run: 12 },
    ...facts.flatMap((f) =>
      ['fact', 'note'].filter((k) => typeof f[k] === 'string').map((k) => ({ name: `${String(f.id)}.${k}`, text: String(f[k]), run: 10 }))
    )
  ]
}

/** Phrases that tell a student how the notes were made rather than what is known. */
export const MAKING_OF = [
  /reference (fact|facts|file|files|page|pages|entry|entries|text|texts)\b/i,
  /syllabus-facts|external-facts|shared\/(source|reference)/i,
  /\bS[01]\d\d\b/,
  /\bU\d\d\b/,
  /\b(recorded here|not recorded|uncorroborated|could not (be )?verif|couldn't verif|our sources|stored pages?|search tool|coaching site|these notes were|the notes were (made|written))/i
]

/** A date (a year from 1900 on) or a figure with a unit, in English or Hindi: these need two independent pages. */
export const FIGURE_OR_DATE =
  /\b(19|20)\d\d\b|\d[\d,.]*\s?(%|per ?cent|billion|million|crore|lakh|km|tonnes|barrels|bpd|प्रतिशत|अरब|करोड़|लाख|किमी|किलोमीटर|टन|बैरल)|[$₹€]\s?\d/i

export function hostOf(address: string): string {
  return new URL(address).hostname.replace(/^(www|m|amp)\./, '')
}

export function loadPack(id: string): { raw: unknown; pack: Pack } {
  const raw: unknown = JSON.parse(readRequired(resolve(ROOT, `resources/packs/${id}/pack.json`), `Pack ${id}`))
  return { raw, pack: raw as Pack }
}

const blockText = (b: Block): string => [b.title, b.text, ...(b.items ?? [])].filter(Boolean).join(' ')

export function checkSyllabusPack(promise: SyllabusPackPromise): void {
  const { raw, pack } = loadPack(promise.id)
  const blocks = pack.sections.flatMap((s) => s.blocks)
  const blockIds = new Set(blocks.map((b) => b.id))
  const sourceById = new Map(pack.sources.map((s) => [s.id, s]))
  const count = (kind: string): number => pack.questions.filter((q) => q.kind === kind).length

  /** Sources behind a dated or numeric text must come from two different sites. */
  const singleSite = (where: string, text: string, ids: readonly string[] | undefined): string[] => {
    if (!FIGURE_OR_DATE.test(text)) return []
    const hosts = new Set(
      (ids ?? [])
        .map((id) => sourceById.get(id)?.address)
        .filter((a): a is string => !!a)
        .map(hostOf)
    )
    return hosts.size >= 2 ? [] : [`${where}: a figure or date with ${hosts.size} independent site(s)`]
  }

  describe(`${promise.id} pack`, () => {
    it('matches PackSchema, with the id of its folder and an asOf date', () => {
      const result = PackSchema.safeParse(raw)
      expect(result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([])
      expect(pack.id).toBe(promise.id)
      expect(pack.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    })

    it('has at least 8 sections, a glossary, a timeline and the promised tables', () => {
      expect(pack.sections.length).toBeGreaterThanOrEqual(8)
      expect(pack.glossary.length).toBeGreaterThanOrEqual(12)
      expect(pack.timeline.length).toBeGreaterThanOrEqual(12)
      for (const [tableId, rows] of Object.entries(promise.tables)) {
        const table = pack.tables.find((t) => t.id === tableId)
        expect(table, `table ${tableId}`).toBeDefined()
        expect(table!.rows.length, `rows of ${tableId}`).toBeGreaterThanOrEqual(rows)
      }
    })

    it('has the promised question counts', () => {
      expect(pack.questions.length).toBeGreaterThanOrEqual(150)
      expect(count('statements')).toBeGreaterThanOrEqual(40)
      expect(count('match')).toBeGreaterThanOrEqual(10)
      expect(count('flashcard')).toBeGreaterThanOrEqual(30)
      expect(count('mains')).toBeGreaterThanOrEqual(6)
    })

    it('asks statement questions the UPSC way and spreads the keys', () => {
      const bad = pack.questions.flatMap((q) => (q.kind === 'statements' && !q.statements.every((s, i) => s.startsWith(`${i + 1}. `)) ? [q.id] : []))
      expect(bad, 'statements numbered "1. ", "2. ", ...').toEqual([])
      // A key that is nearly always the same option teaches the student the key, not the topic.
      const keys = pack.questions.flatMap((q) => (q.kind === 'statements' || q.kind === 'mcq' ? [q.answer] : []))
      const most = Math.max(...[0, 1, 2, 3].map((k) => keys.filter((a) => a === k).length))
      expect(most / keys.length).toBeLessThan(0.45)
    })

    it('gives every mains prompt an outline that cites blocks of the notes', () => {
      const thin = pack.questions.flatMap((q) =>
        q.kind === 'mains' && (q.outline.length < 4 || q.tests.filter((t) => blockIds.has(t)).length < 2) ? [q.id] : []
      )
      expect(thin).toEqual([])
    })

    it('cites every source it lists, each with an https address', () => {
      const cited = new Set<string>([
        ...blocks.flatMap((b) => b.sourceIds),
        ...pack.glossary.flatMap((g) => g.sourceIds ?? []),
        ...pack.timeline.flatMap((t) => t.sourceIds),
        ...pack.tables.flatMap((t) => t.rows.flatMap((r) => Object.values(r.cells).flatMap((c) => c.sourceIds)))
      ])
      expect(pack.sources.filter((s) => !cited.has(s.id)).map((s) => s.id)).toEqual([])
      expect(pack.sources.filter((s) => !s.address).map((s) => s.id)).toEqual([])
    })

    it('backs every figure or date with two independent sites', () => {
      const gaps = [
        ...blocks.flatMap((b) => singleSite(`block ${b.id}`, blockText(b), b.sourceIds)),
        ...pack.timeline.flatMap((t) => singleSite(`timeline ${t.id}`, `${t.date} ${t.title} ${t.detail ?? ''}`, t.sourceIds)),
        // The Hindi meaning rests on the entry's sources as the English does.
        ...pack.glossary.flatMap((g) => singleSite(`glossary ${g.id}`, `${g.expansion} ${g.meaning} ${g.termHi ?? ''} ${g.meaningHi ?? ''}`, g.sourceIds)),
        ...pack.tables.flatMap((t) =>
          t.rows.flatMap((r) => Object.entries(r.cells).flatMap(([col, c]) => singleSite(`cell ${r.id}/${col}`, c.text, c.sourceIds)))
        )
      ]
      expect(gaps).toEqual([])
    })

    it('never tells the student how the notes were made', () => {
      const hits = allStrings(raw).filter(([, text]) => MAKING_OF.some((re) => re.test(text)))
      expect(hits).toEqual([])
    })

    it('copies no sentence from the source document or the reference texts', () => {
      const strings = allStrings(raw).filter(([path]) => !/\.(address|id|sourceIds|tests|blockIds)\b/.test(path))
      const copied: string[] = []
      for (const ref of referenceTexts()) {
        const runs = runsOf(ref.text, ref.run)
        for (const [path, text] of strings) {
          const hit = [...runsOf(text, ref.run)].find((w) => runs.has(w))
          if (hit) copied.push(`${path} copies ${ref.name}: "${hit}"`)
        }
      }
      expect(copied).toEqual([])
    })
  })
}
