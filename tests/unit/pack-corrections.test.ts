// Why: a review of the bundled India–Russia pack found lines that were wrong, overstated or that
// talked about how the notes were made; each fix is pinned here so a later edit cannot bring one back.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { clozeIsCorrect } from '../../src/shared/domain/grading'
import { PackSchema, type Block, type Pack, type Question } from '../../src/shared/pack/schema'
import { MAKING_OF } from './packs/syllabus-pack-checks'

const PACK_PATH = resolve(__dirname, '../../resources/packs/india-russia-2plus2/pack.json')
const raw: unknown = JSON.parse(readFileSync(PACK_PATH, 'utf8'))
const pack: Pack = PackSchema.parse(raw)

const blocks = new Map<string, Block>(pack.sections.flatMap((s) => s.blocks.map((b): [string, Block] => [b.id, b])))
const blockText = (id: string): string => {
  const b = blocks.get(id)
  if (!b) throw new Error(`no block ${id}`)
  return [b.title, b.text, ...(b.items ?? [])].filter(Boolean).join(' ')
}
const cellText = (rowId: string, column: string): string => {
  const row = pack.tables.flatMap((t) => t.rows).find((r) => r.id === rowId)
  const cell = row?.cells[column]
  if (!cell) throw new Error(`no cell ${rowId}/${column}`)
  return cell.text
}
function question<K extends Question['kind']>(id: string, kind: K): Extract<Question, { kind: K }> {
  const q = pack.questions.find((x) => x.id === id)
  if (!q || q.kind !== kind) throw new Error(`no ${kind} question ${id}`)
  return q as Extract<Question, { kind: K }>
}
const glossaryEntry = (id: string) => {
  const g = pack.glossary.find((x) => x.id === id)
  if (!g) throw new Error(`no glossary entry ${id}`)
  return g
}

// Keys that hold ids or enums, never words a student reads.
const NOT_PROSE = new Set(['id', 'sourceIds', 'blockIds', 'tests', 'kind', 'relation', 'schemaVersion', 'version', 'asOf', 'date', 'answer'])

/** Every string a student can read, with its path. Source records are citations, not notes, so they are left out. */
function studentText(value: unknown, path: string): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]]
  if (Array.isArray(value)) return value.flatMap((v, i) => studentText(v, `${path}[${i}]`))
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (NOT_PROSE.has(k) || (path === '' && k === 'sources') ? [] : studentText(v, path ? `${path}.${k}` : k)))
  }
  return []
}
const allStudentText = studentText(raw, '')
const offenders = (pattern: RegExp): string[] => allStudentText.filter(([, text]) => pattern.test(text)).map(([path, text]) => `${path}: ${text}`)

describe('corrections to the india-russia-2plus2 pack', () => {
  it('finds the student-facing text it checks (a walker that saw nothing would pass everything)', () => {
    expect(allStudentText.length).toBeGreaterThan(500)
    expect(allStudentText.some(([path]) => path.startsWith('questions'))).toBe(true)
    expect(allStudentText.some(([path]) => path.startsWith('tables'))).toBe(true)
  })

  it('never talks about how the notes were made', () => {
    const meta =
      /reference (facts?|pages?)|recorded here|not recorded|these notes|this pack|\bno (\w+ )?page\b|the source says nothing|medium[- ]confidence|uncorroborated|unverified/i
    expect(offenders(meta)).toEqual([])
  })

  it('names its sources as a student would know them: no reference-entry ids, no authors’ folders', () => {
    const said = pack.sources.flatMap((src) => [src.title, src.note, src.file].filter((t): t is string => !!t).map((t) => [src.id, t]))
    expect(said.filter(([, text]) => MAKING_OF.some((re) => re.test(text!)))).toEqual([])
  })

  it("dates the first S-400 deliveries to late 2021, giving Russia's November and India's December accounts", () => {
    expect(offenders(/deliveries (began|begin|started|from)( in)? December 2021/i)).toEqual([])
    expect(offenders(/S-400.*December 2021, the month of the first 2\+2/i)).toEqual([])
    const texts = {
      'def-s400-deal': blockText('def-s400-deal'),
      'since-s400': blockText('since-s400'),
      'g-s400': glossaryEntry('g-s400').meaning,
      'cmp-sanctions/india-russia': cellText('cmp-sanctions', 'india-russia')
    }
    for (const [where, text] of Object.entries(texts)) {
      expect(text, where).toMatch(/late 2021/)
      expect(text, where).toMatch(/November/)
      expect(text, where).toMatch(/December/)
    }
    const event = pack.timeline.find((t) => t.id === 'tl-2021-s400-deliveries')
    expect(event?.date).toBe('2021-11-14')
    expect(event?.detail).toMatch(/December 2021/)
  })

  it('keeps the S-400 statement question a correct UPSC item with the right key', () => {
    const q = question('st-s400', 'statements')
    expect(q.statements).toHaveLength(2)
    expect(q.statements[0]).toMatch(/19th India–Russia Annual Summit in October 2018/)
    expect(q.statements[1]).toMatch(/November 2021/)
    expect(q.statements[1]).toMatch(/December 2021/)
    expect(q.statements.join(' ')).not.toMatch(/began in December 2021/)
    // Both statements are true, so the key must be "Both 1 and 2" and the explanation must say so.
    expect(q.options[q.answer]).toBe('Both 1 and 2')
    expect(q.explanation).toMatch(/^Both are correct/)
    // The facts the statements rest on are in the notes it tests.
    expect(blockText('def-s400-deal')).toMatch(/5 October 2018 at the 19th Annual Summit/)
    expect(blockText('since-s400')).toMatch(/14 November 2021/)
  })

  it('lists the major US platforms instead of calling India–US defence ties "pacts rather than platforms"', () => {
    expect(offenders(/rather than platforms|enablers from the US/i)).toEqual([])
    const flagship = cellText('cmp-flagship', 'india-us')
    for (const platform of ['C-130J', 'C-17', 'P-8I', 'Apache', 'Chinook', 'M777', 'MH-60R', 'MQ-9B']) expect(flagship).toContain(platform)
    expect(flagship).toMatch(/MQ-9B drones \(ordered October 2024\)/)
    expect(blockText('us-platforms')).toMatch(/MQ-9B.*October 2024/)
    const outline = question('mn-compare-us-russia', 'mains').outline.join(' ')
    expect(outline).toMatch(/platforms from both/)
    expect(outline).toMatch(/P-8I/)
  })

  it('says what the 25% and $15 billion are instead of calling them uncorroborated', () => {
    expect(offenders(/uncorroborated|could not be corroborated|well corroborated/i)).toEqual([])
    for (const text of [blockText('def-correction-25-15'), blockText('cav-summary'), question('fc-25-15', 'flashcard').back]) {
      expect(text).toMatch(/\$14\.5 billion of (arms )?orders/)
      expect(text).toMatch(/2018–19/)
      expect(text).toMatch(/20%/)
    }
    expect(blockText('def-correction-25-15')).toMatch(/order value, not a year's trade/)
    // The trade-figures question still has a right key: neither statement is true.
    const q = question('st-trade-figures', 'statements')
    expect(q.options[q.answer]).toBe('Neither 1 nor 2')
    expect(q.explanation).toMatch(/\$14\.5 billion/)
  })

  it('presents the RELOS personnel cap as reported, not as something to distrust', () => {
    const text = blockText('since-relos-name')
    expect(text).toMatch(/3,000 personnel/)
    expect(text).toMatch(/as reported/)
    expect(text).toMatch(/official Russian notes .* give no numbers/)
    expect(text).not.toMatch(/do not rely|practice question/i)
  })

  it('gives BRICS its enlarged membership', () => {
    const brics = glossaryEntry('g-brics')
    expect(brics.meaning).toMatch(/1 January 2024/)
    for (const member of ['Egypt', 'Ethiopia', 'Iran', 'UAE', 'Indonesia']) expect(brics.meaning).toContain(member)
    expect(brics.meaning).toMatch(/Saudi Arabia was invited but has not formalised membership/)
    expect(brics.expansion).toMatch(/founding five/)
  })

  it('does not claim Russia–Pakistan ties were aired at the dialogue', () => {
    const outline = question('mn-signalling', 'mains').outline
    // Pakistan may appear only among the background strains, never among what was said at the talks.
    expect(outline.filter((item) => /Pakistan/.test(item) && !/Background strains: [^.]*Pakistan/.test(item))).toEqual([])
    expect(outline.join(' ')).toMatch(/Background strains: [^.]*Pakistan/)
    expect(outline.join(' ')).not.toMatch(/aired/i)
  })

  it('records what the India–US joint statements said on terrorism', () => {
    const text = blockText('us-terror-agenda')
    expect(text).toMatch(/September 2018/)
    for (const attack of ['26/11', 'Pathankot', 'Uri']) expect(text).toContain(attack)
    expect(cellText('cmp-terrorism', 'india-us')).toMatch(/26\/11 Mumbai, Pathankot and Uri/)
  })

  it('fills the thin India–US cells', () => {
    expect(cellText('cmp-equipment-share', 'india-us')).toMatch(/11% of India's arms imports in 2018–22 \(SIPRI\)/)
    expect(cellText('cmp-afghanistan', 'india-us')).toMatch(/Taliban/)
    expect(cellText('cmp-terrorism', 'india-us')).toMatch(/Pakistan/)
    expect(cellText('cmp-multilateral', 'india-us')).toMatch(/permanent seat for India on a reformed UN Security Council/)
    expect(cellText('cmp-multilateral', 'india-russia')).toMatch(/permanent UNSC seat/)
  })

  it("accepts both spellings of the venue through the app's own cloze marking", () => {
    const q = question('cz-venue', 'cloze')
    for (const typed of ['Sushma Swaraj Bhawan', 'Sushma Swaraj Bhavan', '  sushma swaraj BHAVAN. ']) {
      expect(clozeIsCorrect(typed, q.answer, q.accept), typed).toBe(true)
    }
    expect(clozeIsCorrect('Hyderabad House', q.answer, q.accept)).toBe(false)
  })

  it('tells one story of when the India–Russia 2+2 was agreed', () => {
    const origin = blockText('meet-origin')
    const mechanism = blockText('meet-summit-mechanism')
    expect(origin).toMatch(/28 April 2021/)
    expect(mechanism).toMatch(/28 April 2021/)
    expect(mechanism).not.toMatch(/summit (added|instituted|created)/i)
    expect(pack.timeline.find((t) => t.id === 'tl-2021-phone-call')?.date).toBe('2021-04-28')
    const q = question('mcq-how-agreed', 'mcq')
    expect(q.options[q.answer]).toMatch(/telephone call on 28 April 2021/)
  })

  it('asks a true-false on the second round that the notes can back', () => {
    const q = question('tf-second-held', 'true-false')
    expect(q.statement).toMatch(/invited India to Moscow/)
    expect(q.answer).toBe(true)
    expect(blockText('since-second-2plus2')).toMatch(/invited India to Moscow/)
    expect(blockText('pact-next-round')).toMatch(/India accepted/)
  })
})
