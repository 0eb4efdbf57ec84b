// Why: the bundled India–Russia 2+2 pack is what students revise from, so this checks more than
// its shape: every reference resolves, the counts the app promises are there, the source's known
// errors are corrected in the text, and no string lifts a 12-word run from the source document.
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PackSchema, type Block, type Pack } from '../../src/shared/pack/schema'

const PACK_PATH = resolve(__dirname, '../../resources/packs/india-russia-2plus2/pack.json')
// Copies of the shared folder's source document and external facts, so a clean clone can run this
// alone; tests/fixtures/pack-sources/README.md says where they come from and when to refresh them.
const FIXTURES = resolve(__dirname, '../fixtures/pack-sources')
const SOURCE_PATH = resolve(FIXTURES, '000_bae20935dc497890.txt')
const FACTS_PATH = resolve(FIXTURES, 'external-facts.json')
// The pack names the document as a student would know it, never by where authors keep it.
const SOURCE_FILE_REF = 'Lukmaan IAS blog post (print copy)'
const RUN = 12

/** Reads a fixture, failing loudly: a missing source must never turn into a skipped check. */
function readFixture(path: string, what: string): string {
  if (!existsSync(path)) {
    throw new Error(`${what} is missing at ${path}. Copy it from ../shared (see tests/fixtures/pack-sources/README.md); this check cannot pass without it.`)
  }
  return readFileSync(path, 'utf8')
}

const raw: unknown = JSON.parse(readFileSync(PACK_PATH, 'utf8'))
const pack = raw as Pack
const blocks: Block[] = pack.sections.flatMap((s) => s.blocks)
const blockById = new Map(blocks.map((b) => [b.id, b]))
const blockText = (b: Block): string => [b.title, b.text, ...(b.items ?? [])].filter(Boolean).join(' ')

/** Lower-case word tokens: letters and digits, everything else splits. */
function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0)
}

function windows(words: string[], n: number): string[] {
  const out: string[] = []
  for (let i = 0; i + n <= words.length; i++) out.push(words.slice(i, i + n).join(' '))
  return out
}

/** The first run of RUN consecutive source words found in text, if any. */
function copiedRun(text: string, sourceRuns: ReadonlySet<string>): string | undefined {
  return windows(tokens(text), RUN).find((w) => sourceRuns.has(w))
}

/** Every string in a JSON value, with the path it sits at. */
function allStrings(value: unknown, path: string): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]]
  if (Array.isArray(value)) return value.flatMap((v, i) => allStrings(v, `${path}[${i}]`))
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => allStrings(v, path ? `${path}.${k}` : k))
  }
  return []
}

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>()
  return ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)))
}

describe('india-russia-2plus2 pack', () => {
  it('matches PackSchema', () => {
    const result = PackSchema.safeParse(raw)
    if (!result.success) {
      console.error(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'))
    }
    expect(result.success ? [] : result.error.issues).toEqual([])
  })

  it('uses each id once across the whole pack', () => {
    const ids = [
      ...pack.sources.map((s) => s.id),
      ...pack.sections.map((s) => s.id),
      ...blocks.map((b) => b.id),
      ...pack.glossary.map((g) => g.id),
      ...pack.timeline.map((t) => t.id),
      ...pack.tables.map((t) => t.id),
      ...pack.tables.flatMap((t) => t.rows.map((r) => r.id)),
      ...pack.questions.map((q) => q.id)
    ]
    expect(duplicates(ids)).toEqual([])
  })

  it('resolves every question ref, cell blockId and sourceId, and cites every source', () => {
    const cellRefs = new Set(pack.tables.flatMap((t) => t.rows.flatMap((r) => t.columns.map((c) => `${r.id}/${c.id}`))))
    const badTests = pack.questions.flatMap((q) => q.tests.filter((ref) => !blockById.has(ref) && !cellRefs.has(ref)).map((ref) => `${q.id} -> ${ref}`))
    expect(badTests).toEqual([])

    const cells = pack.tables.flatMap((t) => t.rows.flatMap((r) => Object.entries(r.cells).map(([col, cell]) => ({ ref: `${r.id}/${col}`, cell }))))
    const badBlockIds = cells.flatMap(({ ref, cell }) => (cell.blockIds ?? []).filter((b) => !blockById.has(b)).map((b) => `${ref} -> ${b}`))
    expect(badBlockIds).toEqual([])

    const sourceIds = new Set(pack.sources.map((s) => s.id))
    const cited: Array<[string, string[]]> = [
      ...blocks.map((b): [string, string[]] => [b.id, b.sourceIds]),
      ...pack.glossary.map((g): [string, string[]] => [g.id, g.sourceIds ?? []]),
      ...pack.timeline.map((t): [string, string[]] => [t.id, t.sourceIds]),
      ...cells.map(({ ref, cell }): [string, string[]] => [ref, cell.sourceIds])
    ]
    const badSources = cited.flatMap(([where, ids]) => ids.filter((id) => !sourceIds.has(id)).map((id) => `${where} -> ${id}`))
    expect(badSources).toEqual([])

    const used = new Set(cited.flatMap(([, ids]) => ids))
    expect(pack.sources.map((s) => s.id).filter((id) => !used.has(id))).toEqual([])
  })

  it('cites the source document and every https address in the external facts', () => {
    const doc = pack.sources.find((s) => s.file === SOURCE_FILE_REF)
    expect(doc?.publisher).toBe('Lukmaan IAS')

    const facts = JSON.parse(readFixture(FACTS_PATH, 'The external facts file')) as Array<{ id: string; sources: string[] }>
    const addresses = new Set(pack.sources.map((s) => s.address).filter((a): a is string => a !== undefined))
    // A trailing dot on a host name is the same host; the schema's URL check rejects it, so the pack drops it.
    const missing = facts.flatMap((f) =>
      f.sources
        .filter((a) => a.startsWith('https://'))
        .map((a) => a.replace(/^(https:\/\/[^/]+)\.\//, '$1/'))
        .filter((a) => !addresses.has(a))
        .map((a) => `${f.id}: ${a}`)
    )
    expect(missing).toEqual([])
  })

  describe('copied-run check', () => {
    const sourceText = readFixture(SOURCE_PATH, 'The source document')
    const sourceRuns = new Set(windows(tokens(sourceText), RUN))

    it('flags a string copied from the source and passes one written afresh', () => {
      expect(sourceRuns.size).toBeGreaterThan(500)
      const copied =
        'THE CONTEXT: Along with QUAD members, India, in December 2021, India conducted a 2+2 talk with one of its most strategically important partner nations'
      expect(sourceText).toContain('Along with QUAD members, India, in December 2021, India conducted a 2+2 talk')
      expect(copiedRun(copied, sourceRuns)).toBeDefined()
      // Case and punctuation do not hide a copy.
      expect(copiedRun(copied.toUpperCase().replace(/ /g, ' -- '), sourceRuns)).toBeDefined()
      // Eleven source words in a row are allowed; twelve are not.
      const words = tokens(sourceText).slice(40, 40 + RUN)
      expect(copiedRun(words.join(' '), sourceRuns)).toBeDefined()
      expect(copiedRun(words.slice(0, RUN - 1).join(' '), sourceRuns)).toBeUndefined()
      expect(copiedRun('India and Russia held their first 2+2 dialogue in New Delhi on 6 December 2021 with four ministers.', sourceRuns)).toBeUndefined()
    })

    it('finds no 12-word run of the source in any pack string', () => {
      const offenders = allStrings(raw, '').flatMap(([path, text]) => {
        const run = copiedRun(text, sourceRuns)
        return run === undefined ? [] : [`${path}: "${run}"`]
      })
      expect(offenders).toEqual([])
    })
  })

  it('has the promised question counts and UPSC-style statements', () => {
    const count = (kind: string): number => pack.questions.filter((q) => q.kind === kind).length
    expect(pack.questions.length).toBeGreaterThanOrEqual(80)
    expect(count('statements')).toBeGreaterThanOrEqual(20)
    expect(count('match')).toBeGreaterThanOrEqual(5)
    expect(count('flashcard')).toBeGreaterThanOrEqual(20)
    expect(count('mains')).toBeGreaterThanOrEqual(1)
    expect(count('mains')).toBeLessThanOrEqual(5)
    for (const kind of ['mcq', 'true-false', 'cloze']) expect(count(kind), kind).toBeGreaterThanOrEqual(1)

    const statements = pack.questions.flatMap((q) => (q.kind === 'statements' ? [q] : []))
    for (const q of statements) {
      expect(q.stem, q.id).toMatch(/^Consider the following statements/)
      expect(q.ask, q.id).toMatch(/is\/are correct\?$/)
      expect(q.statements.length, q.id).toBeLessThanOrEqual(4)
      q.statements.forEach((s, i) => expect(s, q.id).toMatch(new RegExp(`^${i + 1}\\. `)))
      expect(q.options.length, q.id).toBe(4)
    }
    // The right answer must not always sit in the same place.
    expect(new Set(statements.map((q) => q.answer)).size).toBeGreaterThanOrEqual(3)
    const mcqs = pack.questions.flatMap((q) => (q.kind === 'mcq' ? [q] : []))
    expect(new Set(mcqs.map((q) => q.answer)).size).toBeGreaterThanOrEqual(3)
  })

  it('compares India–US and India–Russia on at least 20 filled rows', () => {
    const table = pack.tables[0]
    expect(table?.id).toBe('india-us-vs-india-russia')
    expect(table?.columns).toEqual([
      { id: 'india-us', label: 'India–US 2+2' },
      { id: 'india-russia', label: 'India–Russia 2+2' }
    ])
    const rows = table?.rows ?? []
    expect(rows.length).toBeGreaterThanOrEqual(20)
    for (const row of rows) {
      expect(row.group.length, row.id).toBeGreaterThan(0)
      for (const col of ['india-us', 'india-russia']) expect(row.cells[col]?.text.trim().length, `${row.id}/${col}`).toBeGreaterThan(0)
    }
    const required = [
      'cmp-first-date',
      'cmp-first-venue',
      'cmp-indian-ministers-first',
      'cmp-partner-ministers-first',
      'cmp-rounds-since',
      'cmp-origin',
      'cmp-logistics',
      'cmp-foundational',
      'cmp-label',
      'cmp-equipment-share',
      'cmp-flagship',
      'cmp-sanctions',
      'cmp-indo-pacific',
      'cmp-china',
      'cmp-afghanistan',
      'cmp-terrorism',
      'cmp-multilateral',
      'cmp-first-outcomes',
      'cmp-next-meeting'
    ]
    expect(required.filter((id) => !rows.some((r) => r.id === id))).toEqual([])
    const logistics = rows.find((r) => r.id === 'cmp-logistics')
    expect(logistics?.cells['india-us']?.text).toContain('LEMOA')
    expect(logistics?.cells['india-russia']?.text).toMatch(/RELOS.*2025/)
  })

  it('defines the required glossary terms', () => {
    const terms = new Set(pack.glossary.map((g) => g.term))
    const required = [
      'RELOS',
      'LEMOA',
      'COMCASA',
      'BECA',
      'GSOMIA',
      'ISA',
      'CAATSA',
      'AUKUS',
      'Quad',
      'SCO',
      'BRICS',
      'IORA',
      'S-400',
      'AK-203',
      '2+2',
      'Special and Privileged Strategic Partnership'
    ]
    expect(required.filter((t) => !terms.has(t))).toEqual([])
  })

  it('runs the timeline in order from October 2000 to the December 2025 ratification', () => {
    const dates = pack.timeline.map((t) => t.date)
    expect(dates[0]).toMatch(/^2000-10/)
    expect(dates.some((d) => d.startsWith('2025-12'))).toBe(true)
    // A month-only date counts as the start of its month.
    const key = (d: string): string => (d.length === 7 ? `${d}-00` : d)
    const outOfOrder = dates.slice(1).filter((d, i) => key(d) < key(dates[i] ?? ''))
    expect(outOfOrder).toEqual([])
    const last = pack.timeline[pack.timeline.length - 1]
    expect(last?.title).toMatch(/RELOS/)
  })

  it('records later events in a "since-the-source" section', () => {
    const since = pack.sections.find((s) => s.id === 'since-the-source')
    expect(since).toBeDefined()
    const text = (since?.blocks ?? []).map(blockText).join(' ')
    expect(text).toMatch(/S-400/)
    expect(text).toMatch(/December 2021/)
    expect(text).toMatch(/18 February 2025/)
    expect(text).toMatch(/December 2025/)
  })

  it('puts each correction in the main text of the section it belongs to', () => {
    const corrections = (sectionId: string): string =>
      (pack.sections.find((s) => s.id === sectionId)?.blocks ?? [])
        .filter((b) => b.kind === 'correction' || b.kind === 'callout')
        .map(blockText)
        .join(' ')
    expect(corrections('agreements')).toMatch(/AK-203/)
    expect(corrections('agreements')).toMatch(/A-203/)
    expect(corrections('context')).toMatch(/second trip abroad/)
    expect(corrections('the-meeting')).toMatch(/28 agreements/)
    expect(corrections('the-meeting')).toMatch(/21st Annual Summit/)
    expect(corrections('defence')).toMatch(/65%/)
    expect(corrections('defence')).toMatch(/86%/)
    expect(corrections('defence')).toMatch(/46%/)
    expect(corrections('defence')).toMatch(/25%/)
    expect(corrections('defence')).toMatch(/\$15 billion/)
    expect(corrections('defence')).toMatch(/\$14\.5 billion of arms orders/)
    // "A-203" may only appear where it is being corrected.
    const stray = blocks.filter((b) => b.kind !== 'correction' && b.kind !== 'callout' && /\bA-203\b/.test(blockText(b))).map((b) => b.id)
    expect(stray).toEqual([])
  })
})
