// Why: a highlight is only as safe as our ability to find its words again
// after the pack changes; these pin down each step of anchoring.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anchor, blockPlainText, blockSegments, CONTEXT_CHARS, highlightSegments, quoteSelector } from '../../../src/shared/domain/anchoring'

describe('block text', () => {
  it('is the text of a paragraph and the items of a bullets block joined by newlines', () => {
    expect(blockPlainText({ kind: 'paragraph', text: 'Hello there.' })).toBe('Hello there.')
    expect(blockPlainText({ kind: 'bullets', items: ['First point', 'Second point'] })).toBe('First point\nSecond point')
    expect(blockSegments({ kind: 'bullets', items: ['First point', 'Second point'] })).toEqual([
      { text: 'First point', start: 0 },
      { text: 'Second point', start: 12 }
    ])
  })
})

describe('quoteSelector', () => {
  it('keeps the exact words and at most 32 characters of context either side', () => {
    const text = `${'a'.repeat(50)}TARGET${'b'.repeat(50)}`
    const s = quoteSelector(text, 50, 56)
    expect(s).toEqual({ type: 'TextQuoteSelector', exact: 'TARGET', prefix: 'a'.repeat(CONTEXT_CHARS), suffix: 'b'.repeat(CONTEXT_CHARS) })
  })

  it('refuses an empty or out-of-range selection', () => {
    expect(() => quoteSelector('abc', 2, 2)).toThrow(RangeError)
    expect(() => quoteSelector('abc', 1, 9)).toThrow(RangeError)
  })

  it('does not cut a surrogate pair in the context', () => {
    const text = `😀${'x'.repeat(31)}Q${'y'.repeat(31)}😀`
    const s = quoteSelector(text, 33, 34)
    expect(s.prefix).toBe('x'.repeat(31))
    expect(s.suffix).toBe('y'.repeat(31))
  })
})

describe('anchor', () => {
  const text = 'India and Russia met in New Delhi. India and Russia signed RELOS later.'

  it('finds an exact quote', () => {
    expect(anchor(text, { exact: 'New Delhi' })).toEqual({ start: 24, end: 33, method: 'exact' })
  })

  it('picks the occurrence whose prefix and suffix fit, whatever the hint says', () => {
    const second = text.lastIndexOf('India and Russia')
    const selector = quoteSelector(text, second, second + 16)
    expect(anchor(text, selector, { hint: 0 })).toMatchObject({ start: second })
    const first = quoteSelector(text, 0, 16)
    expect(anchor(text, first, { hint: second })).toMatchObject({ start: 0 })
  })

  it('uses the hint when the context cannot tell occurrences apart', () => {
    const same = 'abc abc abc'
    expect(anchor(same, { exact: 'abc' }, { hint: 7 })).toMatchObject({ start: 8 })
    expect(anchor(same, { exact: 'abc' })).toMatchObject({ start: 0 })
  })

  it('follows the quote when text is edited around it', () => {
    const selector = quoteSelector(text, 24, 33)
    const edited = `In December 2021, ${text.replace('met in', 'held talks in')}`
    const found = anchor(edited, selector, { hint: 24 })
    expect(found).not.toBeNull()
    expect(edited.slice(found!.start, found!.end)).toBe('New Delhi')
  })

  it('tolerates case, spacing, curly quotes and dashes', () => {
    const edited = 'india and  RUSSIA met in new\ndelhi — it was the “first” one'
    const found = anchor(edited, { exact: 'India and Russia met in New Delhi - it was the "first"' })
    expect(found?.method).toBe('normalised')
    expect(edited.slice(found!.start, found!.end)).toBe('india and  RUSSIA met in new\ndelhi — it was the “first”')
  })

  it('tolerates a small edit inside a long enough quote', () => {
    const edited = 'Russia and India signed the Reciprocal Exchange of Logistic Support pact.'
    const found = anchor(edited, { exact: 'Reciprocal Exchange of Logistics Support' })
    expect(found?.method).toBe('fuzzy')
    expect(edited.slice(found!.start, found!.end)).toBe('Reciprocal Exchange of Logistic Support')
  })

  it('gives null (orphaned) when the words are gone, and never matches a short quote loosely', () => {
    expect(anchor('Something else entirely now.', { exact: 'New Delhi summit' })).toBeNull()
    expect(anchor('cat', { exact: 'cut' })).toBeNull()
    expect(anchor(text, { exact: 'new delhi' }, { exactOnly: true })).toBeNull()
  })

  it('finds every selection it made, at the same place', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'c', '\n'), minLength: 1, maxLength: 120 }), fc.nat(), fc.nat(), (body, x, y) => {
        const start = x % body.length
        const end = start + 1 + (y % (body.length - start))
        const selector = quoteSelector(body, start, end)
        const found = anchor(body, selector, { hint: start })
        expect(found).toEqual({ start, end, method: 'exact' })
      }),
      { numRuns: 500 }
    )
  })
})

describe('highlightSegments', () => {
  it('splits overlapping highlights into pieces that list every highlight covering them', () => {
    const segments = highlightSegments(10, [
      { id: 'a', start: 1, end: 6 },
      { id: 'b', start: 4, end: 9 }
    ])
    expect(segments).toEqual([
      { start: 0, end: 1, ids: [] },
      { start: 1, end: 4, ids: ['a'] },
      { start: 4, end: 6, ids: ['a', 'b'] },
      { start: 6, end: 9, ids: ['b'] },
      { start: 9, end: 10, ids: [] }
    ])
  })
})
