// Why: a Hindi-medium student searches the Hindi glossary and section titles
// in Devanagari or in whatever Latin spelling they type ("samvidhan",
// "dwipakshiya"); English search must work as before beside it, and a hit
// must mark the Hindi word it found, never a re-typed term.
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadPacksFrom } from '../../../src/main/services/packs/pack-loader'
import { foldLatin, romanSpellings, romanTerm } from '../../../src/main/services/search/hindi-roman'
import { buildSearchIndex } from '../../../src/main/services/search/search-index'
import type { AnnotationView } from '../../../src/shared/annotations'
import type { Pack } from '../../../src/shared/pack/schema'
import { tinyPack } from '../fixtures/tiny-pack'

function hindiPack(): Pack {
  const pack = tinyPack()
  pack.sections[0]!.titleHi = 'भारत और रूस के द्विपक्षीय संबंध'
  pack.glossary.push(
    {
      id: 'g-constitution',
      term: 'Constitution',
      termHi: 'संविधान',
      expansion: 'Constitution of India',
      meaning: 'The supreme law of the land.',
      meaningHi: 'देश का सर्वोच्च क़ानून।'
    },
    {
      id: 'g-bilateral',
      term: 'Bilateral agreement',
      termHi: 'द्विपक्षीय समझौता',
      expansion: 'Bilateral agreement',
      meaning: 'An agreement between two countries.',
      meaningHi: 'दो देशों के बीच समझौता, जैसे LEMOA।'
    },
    {
      id: 'g-partnership',
      term: 'Strategic partnership',
      termHi: 'रणनीतिक साझेदारी',
      expansion: 'Strategic partnership',
      meaning: 'A close, long-term relationship between two states.',
      meaningHi: 'दो राष्ट्रों के बीच घनिष्ठ और दीर्घकालिक संबंध।'
    }
  )
  return pack
}

const ids = (results: { id: string }[]): string[] => results.map((r) => r.id)

describe('romanising Hindi for search', () => {
  it('folds the spellings people type for one Hindi word to the same form', () => {
    const cases: Array<[string, string[]]> = [
      ['संविधान', ['samvidhan', 'samvidhaan', 'sanvidhan', 'saṃvidhāna', 'SAMVIDHAN']],
      ['द्विपक्षीय', ['dvipakshiya', 'dwipakshiya', 'dvipakshiy', 'dwipaksheeya']],
      ['संबंध', ['sambandh', 'sambandha', 'sanbandh']],
      ['सम्बन्ध', ['sambandh', 'sanbandh']],
      ['रक्षा', ['raksha', 'rakshaa', 'raksa']],
      ['अंतर्राष्ट्रीय', ['antarrashtriya', 'antarashtriya', 'antarrashtreey']],
      ['साझेदारी', ['sajhedari', 'saajhedaari', 'sajhedaree']],
      ['क़ानून', ['kanoon', 'qanoon', 'kanun']],
      ['संयुक्त', ['sanyukt', 'samyukt', 'sanyukta']],
      ['परिषद', ['parishad']],
      ['कृषि', ['krishi']],
      ['व्यापार', ['vyapar', 'wyapaar']]
    ]
    for (const [hindi, typed] of cases) {
      const indexed = romanSpellings(hindi)
      for (const t of typed) expect(indexed, `${t} → ${hindi}`).toContain(romanTerm(t))
    }
  })

  it('indexes a word also as it is said, without the unspoken a', () => {
    expect(romanSpellings('समझौता')).toEqual(['samajhaut', 'sanjhaut'])
    expect(romanSpellings('समझौता')).toContain(romanTerm('samjhauta'))
    expect(romanSpellings('सहयोग')).toContain(romanTerm('sahyog'))
    expect(romanSpellings('सहयोग')).toContain(romanTerm('sahayog'))
    // A final a is not a middle one: भारत stays bharat.
    expect(romanSpellings('भारत')).toEqual(['bharat'])
  })

  it('keeps different words apart', () => {
    expect(romanTerm('रक्षा')).not.toBe(romanTerm('राष्ट्र'))
    expect(romanTerm('sambandh')).not.toBe(romanTerm('samvidhan'))
    expect(foldLatin('')).toBe('')
    expect(romanSpellings('।')).toEqual([])
  })
})

describe('search over Hindi fields', () => {
  it('finds a glossary entry by its Hindi term in Devanagari, with the Hindi word marked', () => {
    const results = buildSearchIndex([hindiPack()]).search({ query: 'संविधान' })
    expect(ids(results)[0]).toBe('g-constitution')
    expect(results[0]!.snippet.match).toBe('संविधान')
  })

  it('gives the Hindi title beside the English one when the match is Hindi, and not otherwise', () => {
    const index = buildSearchIndex([hindiPack()])
    for (const query of ['संविधान', 'samvidhan']) {
      const [hit] = index.search({ query })
      expect(hit, query).toMatchObject({ id: 'g-constitution', title: 'Constitution', titleHi: 'संविधान' })
    }
    const section = index.search({ query: 'द्विपक्षीय' }).find((r) => r.id === 'blk-a')!
    expect(section.titleHi).toBe('भारत और रूस के द्विपक्षीय संबंध')
    const english = index.search({ query: 'constitution' })[0]!
    expect(english.id).toBe('g-constitution')
    expect(english.titleHi).toBeUndefined()
  })

  it('finds a glossary entry by a word of its Hindi meaning, and by a half-typed Hindi word', () => {
    const index = buildSearchIndex([hindiPack()])
    expect(ids(index.search({ query: 'सर्वोच्च' }))).toEqual(['g-constitution'])
    expect(ids(index.search({ query: 'सर्वो' }))).toEqual(['g-constitution'])
  })

  it('finds Hindi by Latin transliteration: "samvidhan" finds संविधान, "dwipakshiya" finds द्विपक्षीय', () => {
    const index = buildSearchIndex([hindiPack()])
    const samvidhan = index.search({ query: 'samvidhan' })
    expect(ids(samvidhan)).toEqual(['g-constitution'])
    expect(samvidhan[0]!.snippet.match).toBe('संविधान')
    for (const query of ['dvipakshiya', 'dwipakshiya', 'dvipakshiy', 'द्विपक्षीय']) {
      const found = index.search({ query })
      expect(ids(found), query).toContain('g-bilateral')
      // The section title in Hindi lands on the section's first block.
      expect(ids(found), query).toContain('blk-a')
      const bilateral = found.find((r) => r.id === 'g-bilateral')!
      expect(bilateral.snippet.match).toBe('द्विपक्षीय')
    }
    expect(ids(index.search({ query: 'rananitik sajhedari' }))).toEqual(['g-partnership'])
    expect(ids(index.search({ query: 'samjhauta' }))).toContain('g-bilateral')
  })

  it('finds a Hindi word spelt another way in Devanagari (सम्बन्ध for संबंध)', () => {
    const found = buildSearchIndex([hindiPack()]).search({ query: 'सम्बन्ध' })
    expect(ids(found)).toEqual(expect.arrayContaining(['g-partnership', 'blk-a']))
  })

  it('still finds English as before, and ranks the English hit first', () => {
    const index = buildSearchIndex([hindiPack()])
    expect(ids(index.search({ query: 'constitution' }))[0]).toBe('g-constitution')
    expect(ids(index.search({ query: 'relos' }))).toEqual(['g-relos'])
    expect(index.search({ query: 'relos' })[0]!.snippet.match).toBe('RELOS')
    // An acronym inside Hindi text is found through the main index as it is written.
    expect(ids(index.search({ query: 'LEMOA' }))).toEqual(['g-bilateral'])
    // Short English words are not taken for Hindi particles ("sea", "the", "to" for से, थे, तो).
    expect(ids(index.search({ query: 'sea' }))).toEqual([])
    expect(ids(index.search({ query: 'ke' }))).toEqual([])
    expect(ids(index.search({ query: 'के' }))).toEqual(expect.arrayContaining(['g-bilateral', 'blk-a']))
  })

  it('finds notes written in Hindi (a block of an imported pack) by a Latin spelling', () => {
    const pack = hindiPack()
    pack.sections[0]!.blocks[1] = { id: 'blk-b', kind: 'paragraph', text: 'भारत का संविधान 26 जनवरी 1950 को लागू हुआ।', sourceIds: ['src-a'] }
    const found = buildSearchIndex([pack]).search({ query: 'lagu' })
    expect(ids(found)).toEqual(['blk-b'])
    expect(found[0]!.snippet.match).toBe('लागू')
  })

  it('scopes Hindi hits to the pack asked for', () => {
    const other = { ...tinyPack(), id: 'other' }
    const index = buildSearchIndex([hindiPack(), other])
    expect(index.search({ query: 'samvidhan', packId: 'other' })).toEqual([])
    expect(ids(index.search({ query: 'samvidhan', packId: 'tiny' }))).toEqual(['g-constitution'])
    expect(index.search({ query: 'samvidhan', packId: 'missing' })).toEqual([])
  })

  it('follows an annotation whose note turns Hindi, and drops it when the note turns English or it is deleted', () => {
    const note = (text: string): AnnotationView =>
      ({
        id: 'ann-1',
        packId: 'tiny',
        sectionId: 'sec-one',
        blockId: 'blk-a',
        selector: { exact: 'New Delhi' },
        note: text
      }) as AnnotationView
    const index = buildSearchIndex([hindiPack()])
    index.upsertAnnotation(note('याद रखें: पहली वार्ता'))
    expect(ids(index.search({ query: 'vaarta' }))).toContain('ann-1')
    expect(ids(index.search({ query: 'vaarta', packId: 'tiny' }))).toContain('ann-1')
    index.upsertAnnotation(note('remember the first talks'))
    expect(ids(index.search({ query: 'vaarta' }))).not.toContain('ann-1')
    index.upsertAnnotation(note('फिर से वार्ता'))
    expect(ids(index.search({ query: 'varta' }))).toContain('ann-1')
    index.removeAnnotation('ann-1')
    expect(ids(index.search({ query: 'varta' }))).toEqual([])
  })

  it('keeps a hostile Hindi field as plain text in the snippet', () => {
    const pack = hindiPack()
    pack.glossary.find((g) => g.id === 'g-bilateral')!.meaningHi = '<img src=x onerror=alert(1)> संविधान का <b>समझौता</b>'
    const hit = buildSearchIndex([pack])
      .search({ query: 'samvidhan' })
      .find((r) => r.id === 'g-bilateral')!
    expect(hit.snippet.before + hit.snippet.match + hit.snippet.after).toContain('<img src=x onerror=alert(1)>')
    expect(hit.snippet.match).toBe('संविधान')
  })
})

describe('search over the bundled packs in Hindi', () => {
  it('finds glossary entries and section titles by Devanagari and by Latin spellings', async () => {
    const loaded = await loadPacksFrom(fileURLToPath(new URL('../../../resources/packs', import.meta.url)))
    expect(loaded.errors).toEqual([])
    const index = buildSearchIndex([...loaded.packs.values()])
    const found = (query: string, packId?: string): string[] =>
      index.search(packId === undefined ? { query, limit: 50 } : { query, packId, limit: 50 }).map((r) => `${r.packId}/${r.id}`)
    // The issue's own examples of standard terms.
    expect(found('परमाणु आपूर्तिकर्ता समूह')).toEqual(expect.arrayContaining(['groupings/g-nsg', 'india-us-relations/g-nsg', 'india-russia-2plus2/g-nsg']))
    expect(found('parmanu apurtikarta')).toEqual(expect.arrayContaining(['groupings/g-nsg', 'india-us-relations/g-nsg']))
    expect(found('dvipakshiya vyapar samjhauta')).toContain('india-us-relations/g-bta')
    expect(found('dwipakshiy vyaapaar')).toContain('india-us-relations/g-bta')
    expect(found('rananitik sajhedari', 'india-russia-relations')).toContain('india-russia-relations/g-spsp')
    expect(found('shanghai sahyog sangathan')).toEqual(expect.arrayContaining(['groupings/g-sco', 'india-russia-2plus2/g-sco']))
    expect(found('purvi samudri galiyara')).toContain('india-russia-relations/g-emc')
    // A section's Hindi title lands on its first block.
    const wayForward = found('aage ki raah', 'india-russia-2plus2')
    const firstBlock = loaded.packs.get('india-russia-2plus2')!.sections.find((s) => s.id === 'way-forward')!.blocks[0]!.id
    expect(wayForward).toContain(`india-russia-2plus2/${firstBlock}`)
    // English as before.
    expect(found('relos')).toContain('india-russia-2plus2/g-relos')
  })
})
