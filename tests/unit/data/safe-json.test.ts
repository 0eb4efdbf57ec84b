// Why: the checks every outside file passes before anything trusts it, tested on their own.
import { describe, expect, it } from 'vitest'
import { findForbiddenKey, nestingDepth, parseUntrustedJson } from '../../../src/main/services/data/safe-json'

describe('parseUntrustedJson', () => {
  const parse = (text: string, maxBytes = 1000) => parseUntrustedJson(text, { label: 'f.json', maxBytes })

  it('counts nesting outside strings only, and stops early', () => {
    expect(nestingDepth('{"a":[1,{"b":[]}]}')).toBe(4)
    expect(nestingDepth('{"a":"[[[[[\\"[[["}')).toBe(1)
    expect(nestingDepth('['.repeat(100_000), 64)).toBe(65)
  })

  it('accepts 64 levels and refuses 65', () => {
    expect(parse('['.repeat(64) + ']'.repeat(64)).ok).toBe(true)
    expect(parse('['.repeat(65) + ']'.repeat(65))).toMatchObject({ ok: false, message: expect.stringMatching(/more than 64 levels/) })
  })

  it('refuses by size before parsing, in bytes not characters', () => {
    expect(parse('"' + 'é'.repeat(600) + '"')).toMatchObject({ ok: false, message: 'f.json is too large (0.0 MB; the limit is 0 MB).' })
  })

  it('finds forbidden keys anywhere and never pollutes a prototype', () => {
    for (const text of ['{"__proto__":{"polluted":1}}', '[{"a":{"constructor":{"prototype":{"polluted":1}}}}]', '{"x":[{"prototype":1}]}']) {
      const result = parse(text)
      expect(result.ok, text).toBe(false)
    }
    expect(findForbiddenKey(JSON.parse('{"a":[0,{"b":{"__proto__":1}}]}'))).toEqual(['a', '1', 'b', '__proto__'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(parse('{"proto":1,"constructors":[]}').ok).toBe(true)
  })

  it('ignores a byte-order mark and names JSON errors', () => {
    expect(parse('\uFEFF{"a":1}')).toMatchObject({ ok: true, value: { a: 1 }, text: '{"a":1}' })
    expect(parse('{"a":')).toMatchObject({ ok: false, message: expect.stringMatching(/^f\.json is not valid JSON/) })
  })
})
