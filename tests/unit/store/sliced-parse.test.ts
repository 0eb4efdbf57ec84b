// Why: opening a big store checks it with zod a slice at a time so the main
// process never stalls; that is only safe if the slices reach exactly the
// verdict, data and issues one whole safeParse would. Correctness only: speed
// is measured in bench/run.ts.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import { decodeStoreBytes, decodeStoreBytesSliced, SLICE_BYTES } from '../../../src/main/services/store/migrations'
import { safeParseSliced } from '../../../src/main/services/store/sliced-parse'

const Item = z.object({ id: z.number().int().min(1), tag: z.string().regex(/^[a-z]+$/) }).strict()
const Doc = z
  .object({
    through: z.number().int().min(0),
    items: z.array(Item),
    byId: z.record(z.string().regex(/^k\d+$/), Item),
    bounded: z.array(z.number()).max(3).optional()
  })
  .strict()

const itemArb = fc.record({
  id: fc.oneof(fc.integer({ min: 1, max: 50 }), fc.constant(0), fc.constant(1.5)),
  tag: fc.oneof(fc.constantFrom('a', 'bc', 'xyz'), fc.constant('B!'))
})
const docArb = fc.record(
  {
    through: fc.oneof(fc.nat(), fc.constant(-1)),
    items: fc.array(itemArb, { maxLength: 40 }),
    byId: fc.dictionary(
      fc.oneof(
        fc.integer({ min: 0, max: 99 }).map((n) => `k${n}`),
        fc.constant('bad key')
      ),
      itemArb,
      { maxKeys: 30 }
    ),
    bounded: fc.array(fc.integer(), { maxLength: 5 }),
    extra: fc.constant(1)
  },
  { requiredKeys: ['items', 'byId'] }
)

const whole = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value)
  return r.success ? { success: true, data: r.data } : { success: false, issues: r.error.issues }
}

describe('safeParseSliced', () => {
  it('gives the same verdict, data and issues as one safeParse, for any slice size', async () => {
    await fc.assert(
      fc.asyncProperty(docArb, fc.integer({ min: 1, max: 7 }), async (doc, size) => {
        const sliced = await safeParseSliced(Doc, doc, { sliceSize: () => size, pause: async () => undefined })
        expect(sliced).toEqual(whole(Doc, doc))
      }),
      { numRuns: 300 }
    )
  })

  it('slices a top-level array or record too', async () => {
    const List = z.array(Item)
    const Map = z.record(z.string(), Item)
    const items = Array.from({ length: 25 }, (_, i) => ({ id: i + 1, tag: 'a' }))
    const bad = items.map((x, i) => (i === 17 ? { ...x, tag: 'NO' } : x))
    for (const value of [items, bad]) expect(await safeParseSliced(List, value, { sliceSize: () => 4 })).toEqual(whole(List, value))
    const record = Object.fromEntries(bad.map((x) => [`id${x.id}`, x]))
    expect(await safeParseSliced(Map, record, { sliceSize: () => 4 })).toEqual(whole(Map, record))
  })

  it('treats a "__proto__" key as zod does, never as a prototype', async () => {
    const Map = z.record(z.string(), z.number())
    const value = JSON.parse('{"a":1,"__proto__":2,"b":3,"c":4}') as Record<string, number>
    const sliced = await safeParseSliced(Map, value, { sliceSize: () => 1 })
    expect(sliced).toEqual(whole(Map, value))
    expect(Object.getPrototypeOf((sliced as { data: object }).data)).toBe(Object.prototype)
  })

  it('pauses between slices and leaves small values whole', async () => {
    let pauses = 0
    const pause = async (): Promise<void> => void pauses++
    const doc = { through: 1, items: Array.from({ length: 10 }, (_, i) => ({ id: i + 1, tag: 'a' })), byId: {} }
    await safeParseSliced(Doc, doc, { sliceSize: () => 3, pause })
    expect(pauses).toBe(1 + 3) // before the items, then between its 4 slices
    pauses = 0
    await safeParseSliced(Doc, doc, { sliceSize: () => 100, pause })
    expect(pauses).toBe(0)
  })

  it('recognises the collections it may slice through the public zod classes, and checks the rest whole', async () => {
    // If a zod release changed what these classes expose, slicing would quietly stop: count the pauses.
    const slicedPauses = async (schema: z.ZodType, value: unknown): Promise<number> => {
      let pauses = 0
      const result = await safeParseSliced(schema, value, { sliceSize: () => 2, pause: async () => void pauses++ })
      expect(result).toEqual(whole(schema, value))
      return pauses
    }
    const days = { '2026-11-01': 1, '2026-11-02': 2, '2026-11-03': 3, '2026-11-04': 4, '2026-11-05': 5 }
    expect(await slicedPauses(z.record(z.iso.date(), z.number()), days)).toBe(2)
    expect(await slicedPauses(z.object({ log: z.array(z.number()) }).strict(), { log: [1, 2, 3, 4, 5] })).toBe(3)
    expect(await slicedPauses(z.array(z.number()).min(1), [1, 2, 3, 4, 5])).toBe(0)
    expect(await slicedPauses(z.record(z.enum(['a', 'b', 'c']), z.number()), { a: 1, b: 2, c: 3 })).toBe(0)
    expect(await slicedPauses(z.union([z.array(z.number()), z.string()]), [1, 2, 3, 4, 5])).toBe(0)
  })

  it('decodes a big store file exactly as the one-call decoder does', async () => {
    const spec = { schema: Doc, version: 1 }
    const count = Math.ceil((3 * SLICE_BYTES) / 30)
    const items = Array.from({ length: count }, (_, i) => ({ id: i + 1, tag: 'abc' }))
    const good = Buffer.from(JSON.stringify({ schemaVersion: 1, data: { through: 3, items, byId: { k1: items[0] } } }))
    const bad = Buffer.from(
      JSON.stringify({ schemaVersion: 1, data: { through: 3, items: items.map((x, i) => (i === count - 2 ? { ...x, id: 0 } : x)), byId: {} } })
    )
    for (const bytes of [good, bad]) expect(await decodeStoreBytesSliced(bytes, spec)).toEqual(decodeStoreBytes(bytes, spec))
    expect((await decodeStoreBytesSliced(bad, spec)).ok).toBe(false)
  })
})
