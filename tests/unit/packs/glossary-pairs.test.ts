// Why: the Hindi ↔ English glossary drill asks what these helpers decide; an
// entry with no Hindi must not turn into a blank card, and one with no settled
// Hindi term must still be asked by its Hindi meaning.
import { describe, expect, it } from 'vitest'
import { drillCard, drillCards, glossaryPairs, hindiSide } from '../../../src/shared/domain/glossary-pairs'
import type { GlossaryEntry } from '../../../src/shared/pack/schema'

const glossary: GlossaryEntry[] = [
  {
    id: 'g-nsg',
    term: 'NSG',
    termHi: 'परमाणु आपूर्तिकर्ता समूह',
    expansion: 'Nuclear Suppliers Group',
    meaning: 'Nuclear export-control group.',
    meaningHi: 'परमाणु निर्यात-नियंत्रण समूह।'
  },
  {
    id: 'g-lemoa',
    term: 'LEMOA',
    expansion: 'Logistics Exchange Memorandum of Agreement',
    meaning: 'India–US logistics pact.',
    meaningHi: 'भारत–अमेरिका लॉजिस्टिक्स समझौता।'
  },
  { id: 'g-plain', term: 'Plain', expansion: 'No Hindi', meaning: 'An entry with no Hindi yet.' }
]

describe('glossary pairs for the Hindi ↔ English drill', () => {
  it('lists the entries with Hindi, in glossary order, and leaves out the rest', () => {
    const pairs = glossaryPairs(glossary)
    expect(pairs.map((p) => p.id)).toEqual(['g-nsg', 'g-lemoa'])
    expect(pairs[0]).toEqual({
      id: 'g-nsg',
      term: 'NSG',
      meaning: 'Nuclear export-control group.',
      termHi: 'परमाणु आपूर्तिकर्ता समूह',
      meaningHi: 'परमाणु निर्यात-नियंत्रण समूह।'
    })
    expect('termHi' in pairs[1]!).toBe(false)
  })

  it('asks Hindi → English with the Hindi term, and English → Hindi with the Hindi meaning as detail', () => {
    const [nsg] = glossaryPairs(glossary)
    expect(drillCard(nsg!, 'hi-en')).toEqual({
      id: 'g-nsg',
      direction: 'hi-en',
      prompt: 'परमाणु आपूर्तिकर्ता समूह',
      answer: 'NSG',
      detail: 'Nuclear export-control group.'
    })
    expect(drillCard(nsg!, 'en-hi')).toMatchObject({ prompt: 'NSG', answer: 'परमाणु आपूर्तिकर्ता समूह', detail: 'परमाणु निर्यात-नियंत्रण समूह।' })
  })

  it('falls back to the Hindi meaning where Hindi has no settled term, without repeating it', () => {
    const lemoa = glossaryPairs(glossary)[1]!
    expect(hindiSide(lemoa)).toBe('भारत–अमेरिका लॉजिस्टिक्स समझौता।')
    expect(drillCard(lemoa, 'hi-en')).toMatchObject({ prompt: 'भारत–अमेरिका लॉजिस्टिक्स समझौता।', answer: 'LEMOA' })
    expect(drillCard(lemoa, 'en-hi')).toMatchObject({ prompt: 'LEMOA', answer: 'भारत–अमेरिका लॉजिस्टिक्स समझौता।', detail: '' })
  })

  it('makes one card per pair per direction, Hindi → English first, and none for an empty glossary', () => {
    const cards = drillCards(glossary)
    expect(cards.map((c) => `${c.direction}:${c.id}`)).toEqual(['hi-en:g-nsg', 'hi-en:g-lemoa', 'en-hi:g-nsg', 'en-hi:g-lemoa'])
    expect(drillCards(glossary, ['en-hi']).every((c) => c.direction === 'en-hi')).toBe(true)
    expect(drillCards([])).toEqual([])
    expect(cards.every((c) => c.prompt !== '' && c.answer !== '')).toBe(true)
  })
})
