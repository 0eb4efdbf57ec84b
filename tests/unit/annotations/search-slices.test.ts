// Why: at start the search index takes the student's annotations a slice at a
// time, and the annotations:list channel builds its answer a slice at a time
// (so 5,000 highlights never stall the main process); built that way each
// must answer exactly as when built in one go. Correctness only: speed is in
// bench/run.ts.
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openReadingServices } from '../../../src/main/services/annotations/reading-services'
import { readPackFile } from '../../../src/main/services/packs/pack-loader'
import { createPackService } from '../../../src/main/services/packs/pack-service'
import { buildSearchIndex, buildSearchIndexInSlices, SEARCH_SLICE_DOCS } from '../../../src/main/services/search/search-index'
import { blockPlainText } from '../../../src/shared/domain/anchoring'
import type { Pack } from '../../../src/shared/pack/schema'
import { fixedClock, removeDir, tempDir } from './helpers'

const PACK_FILE = join(fileURLToPath(new URL('../../..', import.meta.url)), 'resources/packs/india-russia-2plus2/pack.json')
const QUERIES = ['rel', 'compcasa', 'india russia', 'Lavrov', 'note', 'n7', 'S-400', 'quad', 'zzzz']

let pack: Pack
beforeAll(async () => {
  const read = await readPackFile(PACK_FILE)
  if (!read.ok) throw new Error(read.error.message)
  pack = read.pack
})

let dir: string
beforeEach(async () => {
  dir = await tempDir()
})
afterEach(async () => {
  await removeDir(dir)
})

describe('the search index built in slices', () => {
  it('answers exactly as the one built in one go, over shared packs and many annotations', async () => {
    const packs = createPackService({ packs: new Map([[pack.id, pack]]), errors: [] })
    const reading = await openReadingServices({ dir, packs, clock: fixedClock })
    const blocks = pack.sections.flatMap((s) => s.blocks).filter((b) => blockPlainText(b).length > 30)
    const count = Math.floor(SEARCH_SLICE_DOCS * 2.5)
    await Promise.all(
      Array.from({ length: count }, (_, i) => {
        const block = blocks[i % blocks.length]!
        return reading.annotations.add({
          packId: pack.id,
          blockId: block.id,
          selector: { exact: blockPlainText(block).slice(3, 15) },
          start: 3,
          color: 'blue',
          note: `note n${i}`
        })
      })
    )
    const library = [pack, { ...pack, id: 'copy-pack' }, { ...pack, id: 'other', title: 'Other' }]
    let pauses = 0
    const sliced = await buildSearchIndexInSlices(library, reading.annotations.allInSlices(70), async () => void pauses++)
    const whole = buildSearchIndex(library, reading.annotations.all())
    expect(pauses).toBeGreaterThan(count / SEARCH_SLICE_DOCS)
    expect(sliced.size).toBe(whole.size)
    for (const query of QUERIES) {
      for (const packId of [undefined, pack.id, 'copy-pack']) {
        const q = { query, limit: 50, ...(packId ? { packId } : {}) }
        expect(sliced.search(q)).toEqual(whole.search(q))
      }
    }
    // And the services' own index (built in slices at start) agrees after a restart.
    await reading.annotations.flush()
    const reopened = await openReadingServices({ dir, packs, clock: fixedClock })
    const single = buildSearchIndex([pack], reopened.annotations.all())
    const index = await reopened.search
    for (const query of QUERIES) expect(index.search({ query, limit: 50 })).toEqual(single.search({ query, limit: 50 }))
    await reopened.annotations.flush()
  })

  it('lists a pack in slices exactly as in one go, with orphans and changes made meanwhile', async () => {
    const packs = createPackService({ packs: new Map([[pack.id, pack]]), errors: [] })
    const reading = await openReadingServices({ dir, packs, clock: fixedClock })
    const blocks = pack.sections.flatMap((s) => s.blocks).filter((b) => blockPlainText(b).length > 30)
    await Promise.all(
      Array.from({ length: 1100 }, (_, i) => {
        const block = blocks[(i * 7) % blocks.length]!
        const start = i % 9
        return reading.annotations.add({
          packId: pack.id,
          blockId: block.id,
          selector: { exact: blockPlainText(block).slice(start, start + 8) },
          start,
          color: 'pink',
          note: `n${i}`
        })
      })
    )
    const before = reading.annotations.list(pack.id)
    const sliced = reading.handlers['annotations:list']({ packId: pack.id })
    // Lands while the slices are being built: not in this answer, in the next.
    const late = reading.annotations.add({
      packId: pack.id,
      blockId: blocks[0]!.id,
      selector: { exact: blockPlainText(blocks[0]!).slice(0, 5) },
      color: 'blue'
    })
    expect(await sliced).toEqual(before)
    await late
    expect(await reading.handlers['annotations:list']({ packId: pack.id })).toEqual(reading.annotations.list(pack.id))
    expect(reading.annotations.list(pack.id)).toHaveLength(1101)
    await reading.annotations.flush()
    // A pack that is gone: every annotation orphaned, still listed.
    const without = await openReadingServices({ dir, packs: createPackService({ packs: new Map(), errors: [] }), clock: fixedClock })
    const orphans = await without.handlers['annotations:list']({ packId: pack.id })
    expect(orphans).toEqual(without.annotations.list(pack.id))
    expect(orphans.every((a) => a.status === 'orphaned')).toBe(true)
    await without.annotations.flush()
  })
})
