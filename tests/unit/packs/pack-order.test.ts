// Why: which pack a new student meets first is set by the packs folder's order.json; a bad order file
// must never hide a pack, and every bundled pack must be named in it so a new one is placed on purpose.
import { readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadPacksFrom } from '../../../src/main/services/packs/pack-loader'
import { orderNames } from '../../../src/main/services/packs/pack-order'
import { tinyPack } from '../fixtures/tiny-pack'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rd-order-'))
  for (const id of ['alpha', 'beta', 'gamma']) {
    await mkdir(join(dir, id))
    await writeFile(join(dir, id, 'pack.json'), JSON.stringify({ ...tinyPack(), id, title: `Pack ${id}` }))
  }
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('pack order', () => {
  it('lists packs alphabetically when there is no order file', async () => {
    const { packs, errors } = await loadPacksFrom(dir)
    expect(errors).toEqual([])
    expect([...packs.keys()]).toEqual(['alpha', 'beta', 'gamma'])
  })

  it('puts the listed packs first, in the listed order, and the rest after', async () => {
    await writeFile(join(dir, 'order.json'), JSON.stringify({ order: ['gamma', 'missing', 'alpha'] }))
    const { packs, errors } = await loadPacksFrom(dir)
    expect(errors).toEqual([])
    expect([...packs.keys()]).toEqual(['gamma', 'alpha', 'beta'])
  })

  it.each([
    ['not JSON', '{"order": ['],
    ['the wrong shape', '{"order": "gamma"}'],
    ['a number among the ids', '{"order": ["gamma", 3]}']
  ])('reports an order file that is %s, and still loads every pack', async (_what, text) => {
    await writeFile(join(dir, 'order.json'), text)
    const { packs, errors } = await loadPacksFrom(dir)
    expect([...packs.keys()]).toEqual(['alpha', 'beta', 'gamma'])
    expect(errors).toHaveLength(1)
    expect(errors[0]?.message).toContain('order.json')
    expect(errors[0]?.message).toContain('alphabetically')
  })

  it('keeps the first place of an id listed twice', () => {
    expect(orderNames(['a', 'b', 'c'], ['b', 'c', 'b'])).toEqual(['b', 'c', 'a'])
  })

  it('names every bundled pack folder, and nothing else, in the bundled order file', () => {
    const packsDir = resolve(__dirname, '../../../resources/packs')
    const folders = readdirSync(packsDir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
    const { order } = JSON.parse(readFileSync(join(packsDir, 'order.json'), 'utf8')) as { order: string[] }
    expect([...order].sort()).toEqual([...folders].sort())
    expect(order[0]).toBe('india-russia-2plus2')
  })
})
