// Why: Hindi fields are shown to students as translations, so the pack schema
// must refuse one that is not Hindi (an English line pasted in, or Latin
// only) while letting Hindi keep its acronyms in Latin letters, and must keep
// any text, however hostile, as plain text.
import { describe, expect, it } from 'vitest'
import { hindiTextProblem } from '../../../src/shared/domain/hindi-text'
import { PackSchema, type Pack } from '../../../src/shared/pack/schema'
import { tinyPack } from '../fixtures/tiny-pack'

function withHindi(edit: (pack: Pack) => void): ReturnType<typeof PackSchema.safeParse> {
  const pack = tinyPack()
  edit(pack)
  return PackSchema.safeParse(pack)
}
/** Where the schema found problems, each place once (a blank field is both too short and not Hindi). */
const issuePaths = (result: ReturnType<typeof PackSchema.safeParse>): string[] =>
  result.success ? [] : [...new Set(result.error.issues.map((i) => i.path.join('.')))]

describe('Hindi fields in the pack schema', () => {
  it('accepts Hindi on the pack, a section, a glossary entry, a table and a row', () => {
    const result = withHindi((p) => {
      p.titleHi = 'भारत–रूस 2+2 मंत्रिस्तरीय वार्ता'
      p.sections[0]!.titleHi = 'संदर्भ'
      p.glossary[0]!.meaningHi = 'भारत और रूस के बीच सैन्य लॉजिस्टिक्स समझौता; RELOS नाम लैटिन में ही रहता है।'
      p.glossary[0]!.termHi = 'पारस्परिक लॉजिस्टिक्स समझौता'
      p.tables[0]!.titleHi = 'भारत–अमेरिका बनाम भारत–रूस'
      p.tables[0]!.rows[0]!.dimensionHi = 'पहली बैठक'
    })
    expect(issuePaths(result)).toEqual([])
  })

  it('keeps an English-only pack valid: every Hindi field is optional', () => {
    expect(PackSchema.safeParse(tinyPack()).success).toBe(true)
  })

  it('lets acronyms such as LEMOA, S-400, iCET and 2+2 stand in Latin inside Hindi', () => {
    for (const text of ['LEMOA समझौता', 'S-400 वायु रक्षा प्रणाली', 'iCET पहल', '2+2 वार्ता', 'QUAD, BRICS और SCO', 'IGC-M&MTC आयोग']) {
      expect(hindiTextProblem(text), text).toBeUndefined()
    }
  })

  it('refuses a Latin-only or English Hindi field, naming the field', () => {
    expect(issuePaths(withHindi((p) => (p.glossary[0]!.termHi = 'LEMOA')))).toEqual(['glossary.0.termHi'])
    expect(issuePaths(withHindi((p) => (p.glossary[0]!.termHi = 'Reciprocal logistics')))).toEqual(['glossary.0.termHi'])
    expect(issuePaths(withHindi((p) => (p.glossary[0]!.meaningHi = 'A pact (समझौता) on logistics')))).toEqual(['glossary.0.meaningHi'])
    expect(issuePaths(withHindi((p) => (p.sections[0]!.titleHi = 'Context')))).toEqual(['sections.0.titleHi'])
    expect(issuePaths(withHindi((p) => (p.titleHi = '2021 । ४')))).toEqual(['titleHi'])
    expect(issuePaths(withHindi((p) => (p.tables[0]!.titleHi = '   ')))).toEqual(['tables.0.titleHi'])
    expect(issuePaths(withHindi((p) => (p.tables[0]!.rows[0]!.dimensionHi = 'First held')))).toEqual(['tables.0.rows.0.dimensionHi'])
    const result = withHindi((p) => (p.glossary[0]!.termHi = 'LEMOA'))
    expect(result.success ? '' : result.error.issues[0]!.message).toMatch(/Devanagari/)
  })

  it('refuses a Hindi field longer than any short text', () => {
    expect(issuePaths(withHindi((p) => (p.glossary[0]!.meaningHi = 'क'.repeat(501))))).toEqual(['glossary.0.meaningHi'])
  })

  it('keeps hostile text as the text it is, neither run nor stripped', () => {
    const hostile = 'संविधान <SCRIPT>X()</SCRIPT> {{ A }} ${B} \u202E'
    const result = withHindi((p) => (p.glossary[0]!.meaningHi = hostile))
    expect(result.success).toBe(true)
    if (result.success) expect(result.data.glossary[0]!.meaningHi).toBe(hostile.trim())
  })
})
