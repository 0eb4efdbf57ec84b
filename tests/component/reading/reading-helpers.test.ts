// Why: the pure pieces behind reading mode (flashcard text, glossary term
// spotting, text runs) decide what the student sees; each has edge cases worth
// pinning down without a DOM.
import { describe, expect, it } from 'vitest'
import { clozeCard, sentenceStarts } from '@renderer/lib/cloze-card'
import { BLANK, CLOZE_TEXT_MAX } from '@shared/domain/cloze'
import { findTerms, termPatterns, termTip } from '@renderer/components/reading/glossary-terms'
import { buildRuns } from '@renderer/components/reading/text-runs'
import type { GlossaryEntry } from '@shared/pack/schema'

const entry = (id: string, term: string, aliases?: string[]): GlossaryEntry => ({
  id,
  term,
  expansion: term,
  meaning: `${term} meaning`,
  ...(aliases ? { aliases } : {})
})

describe('clozeCard', () => {
  const text = 'India: External Affairs Minister S. Jaishankar met Gen. Sergey Shoigu. The deal covers 6,01,427 rifles. It was signed in 2021.'

  it('blanks the highlight inside its sentence, not stopping at initials or titles', () => {
    const at = text.indexOf('6,01,427')
    expect(clozeCard(text, { start: at, end: at + 8 })).toEqual({ ok: true, text: `The deal covers ${BLANK} rifles.`, answer: '6,01,427' })
    const s = text.indexOf('Sergey Shoigu')
    const card = clozeCard(text, { start: s, end: s + 13 })
    expect(card).toEqual({ ok: true, text: `India: External Affairs Minister S. Jaishankar met Gen. ${BLANK}.`, answer: 'Sergey Shoigu' })
    expect(sentenceStarts(text)).toEqual([0, text.indexOf('The deal'), text.indexOf('It was')])
  })

  it('ends a sentence at every line break (bullet items) and after a short capital word that is no initial', () => {
    const bullets = 'Signed RELOS in 2021\nHeld talks with the US. Next came Japan.'
    expect(sentenceStarts(bullets)).toEqual([0, bullets.indexOf('Held'), bullets.indexOf('Next')])
    const at = bullets.indexOf('RELOS')
    expect(clozeCard(bullets, { start: at, end: at + 5 })).toEqual({ ok: true, text: `Signed ${BLANK} in 2021`, answer: 'RELOS' })
  })

  it('keeps the text within 1000 characters, marking cuts with an ellipsis', () => {
    const long = `${'word '.repeat(400)}KEY ${'more '.repeat(400)}`
    const at = long.indexOf('KEY')
    const card = clozeCard(long, { start: at, end: at + 3 })
    if (!card.ok) throw new Error(card.message)
    expect(card.text.length).toBeLessThanOrEqual(CLOZE_TEXT_MAX)
    expect(card.text.split(BLANK)).toHaveLength(2)
    expect(card.text.startsWith('…')).toBe(true)
    expect(card.text.endsWith('…')).toBe(true)
  })

  it('refuses an answer over 200 characters, and keeps a literal {{blank}} in the notes from making a second blank', () => {
    const long = 'a'.repeat(201)
    expect(clozeCard(long, { start: 0, end: 201 })).toEqual({ ok: false, message: expect.stringContaining('at most 200 characters; this highlight has 201') })
    const odd = 'Write {{blank}} here. Then the answer is Delhi.'
    const at = odd.indexOf('Delhi')
    const card = clozeCard(odd, { start: at, end: at + 5 })
    expect(card.ok && card.text.split(BLANK)).toHaveLength(2)
  })
})

describe('glossary terms', () => {
  const patterns = termPatterns([entry('g-22', '2+2', ['2+2 dialogue']), entry('g-isa', 'ISA'), entry('g-quad', 'Quad', ['QUAD'])])

  it('finds whole words only, longest alias first, once per entry', () => {
    const seen = new Set<string>()
    const hits = findTerms('The 2+2 dialogue and ISAAC and the Quad; another 2+2 and QUAD.', patterns, seen)
    expect(hits.map((h) => [h.entry.id, h.start, h.end])).toEqual([
      ['g-22', 4, 16],
      ['g-quad', 35, 39]
    ])
    expect(findTerms('ISA and 2+2 again', patterns, seen).map((h) => h.entry.id)).toEqual(['g-isa'])
  })

  it('says the expansion only when it adds something', () => {
    expect(termTip({ id: 'x', term: 'RELOS', expansion: 'Reciprocal Exchange of Logistics Agreement', meaning: 'A logistics pact.' })).toBe(
      'Reciprocal Exchange of Logistics Agreement: A logistics pact.'
    )
    expect(termTip(entry('y', 'Quad'))).toBe('Quad meaning')
  })
})

describe('buildRuns', () => {
  it('cuts at highlight and term edges, keeping block offsets and the text whole', () => {
    const text = 'held their first 2+2 in'
    const runs = buildRuns(text, 100, [{ id: 'a', start: 111, end: 120 }], [{ start: 17, end: 20, entry: entry('g-22', '2+2') }])
    expect(runs.flatMap((r) => r.pieces.map((p) => p.text)).join('')).toBe(text)
    expect(runs.map((r) => [r.term?.id ?? null, r.pieces.map((p) => [p.offset, p.text, p.ids])])).toEqual([
      [null, [[100, 'held their ', []]]],
      [null, [[111, 'first ', ['a']]]],
      ['g-22', [[117, '2+2', ['a']]]],
      [null, [[120, ' in', []]]]
    ])
  })
})
