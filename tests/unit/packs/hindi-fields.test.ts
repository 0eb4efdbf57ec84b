// Why: Hindi-medium students read the bundled packs' Hindi beside the English,
// so every pack must carry it where the issue promises (the pack title, every
// section title, every glossary meaning), in Devanagari with acronyms left in
// Latin as Hindi papers print them, and a Hindi line may say no figure or
// date its English line does not: a translation adds no facts.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hindiTextProblem } from '../../../src/shared/domain/hindi-text'
import { PackSchema, type Pack } from '../../../src/shared/pack/schema'
import { loadPack } from './syllabus-pack-checks'

const ROOT = resolve(__dirname, '../../..')
const ORDER = (JSON.parse(readFileSync(resolve(ROOT, 'resources/packs/order.json'), 'utf8')) as { order: string[] }).order

/** Every Hindi field of a pack, with where it sits and the English it renders. */
function hindiFields(pack: Pack): Array<{ where: string; hindi: string; english: string }> {
  const out: Array<{ where: string; hindi: string; english: string }> = []
  const add = (where: string, hindi: string | undefined, english: string): void => {
    if (hindi !== undefined) out.push({ where, hindi, english })
  }
  add('titleHi', pack.titleHi, pack.title)
  for (const s of pack.sections) add(`section ${s.id}`, s.titleHi, s.title)
  for (const t of pack.tables) {
    add(`table ${t.id}`, t.titleHi, t.title)
    for (const r of t.rows) add(`row ${r.id}`, r.dimensionHi, r.dimension)
  }
  for (const g of pack.glossary) {
    add(`glossary ${g.id} termHi`, g.termHi, `${g.term} ${g.expansion}`)
    add(`glossary ${g.id} meaningHi`, g.meaningHi, `${g.term} ${g.expansion} ${g.meaning}`)
  }
  return out
}

const DEVANAGARI_DIGITS = /[\u0966-\u096f]/
/** Numbers as written, grouping commas dropped ("5,000" → "5000"). */
const numbersIn = (text: string): string[] => (text.match(/\d+(?:[.,]\d+)*/g) ?? []).map((n) => n.replace(/,/g, ''))
/** Latin acronyms of three or more capitals, which Hindi papers print as they are. */
const acronymsIn = (text: string): string[] => text.match(/\b[A-Z]{3,}\b/g) ?? []

describe('the numbers check', () => {
  it('finds a figure the English does not have, and passes one it has', () => {
    const extra = (hindi: string, english: string): string[] => numbersIn(hindi).filter((n) => !numbersIn(english).includes(n))
    expect(extra('लगभग ₹5,000 करोड़, 2021 में', 'about ₹5,000 crore in 2021')).toEqual([])
    expect(extra('2022 में घोषित', 'announced in 2021')).toEqual(['2022'])
    expect(extra('$5.43 अरब', 'about $5.4 billion')).toEqual(['5.43'])
  })
})

describe.each(ORDER)('Hindi in the %s pack', (id) => {
  const { raw, pack } = loadPack(id)
  const fields = hindiFields(pack)

  it('still matches PackSchema', () => {
    const result = PackSchema.safeParse(raw)
    expect(result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([])
  })

  it('has a Hindi title, a Hindi title on every section and a Hindi meaning for every glossary entry', () => {
    expect(pack.titleHi).toBeTruthy()
    expect(pack.sections.filter((s) => !s.titleHi).map((s) => s.id)).toEqual([])
    expect(pack.glossary.filter((g) => !g.meaningHi).map((g) => g.id)).toEqual([])
    // Where Hindi has no settled term the acronym stands alone; but most entries have one.
    expect(pack.glossary.filter((g) => g.termHi).length).toBeGreaterThan(pack.glossary.length / 3)
  })

  it('writes every Hindi field in Devanagari, with international digits and Latin only for acronyms', () => {
    expect(fields.length).toBeGreaterThan(pack.glossary.length + pack.sections.length)
    expect(fields.flatMap((f) => (hindiTextProblem(f.hindi) ? [`${f.where}: ${hindiTextProblem(f.hindi)}`] : []))).toEqual([])
    expect(fields.filter((f) => DEVANAGARI_DIGITS.test(f.hindi)).map((f) => f.where)).toEqual([])
  })

  it('says no figure or date in Hindi that its English does not', () => {
    const extra = fields.flatMap((f) => {
      const english = new Set(numbersIn(f.english))
      return numbersIn(f.hindi)
        .filter((n) => !english.has(n))
        .map((n) => `${f.where}: "${n}" is not in the English`)
    })
    expect(extra).toEqual([])
  })

  it('keeps the acronyms of each English meaning in Latin in its Hindi meaning', () => {
    const dropped = pack.glossary.flatMap((g) =>
      acronymsIn(g.meaning)
        .filter((a) => !(g.meaningHi ?? '').includes(a))
        .map((a) => `${g.id}: ${a}`)
    )
    expect(dropped).toEqual([])
  })
})
