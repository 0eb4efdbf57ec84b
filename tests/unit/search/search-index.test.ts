// Why: Ctrl/Cmd+K must find what a student half-remembers ("rel", "compcasa")
// across notes, glossary, questions and their own annotations, and must follow
// their annotations as they are added and deleted.
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openReadingServices, type ReadingServices } from '../../../src/main/services/annotations/reading-services'
import { readPackFile } from '../../../src/main/services/packs/pack-loader'
import { createPackService } from '../../../src/main/services/packs/pack-service'
import { buildSearchIndex } from '../../../src/main/services/search/search-index'
import { makeSnippet } from '../../../src/main/services/search/snippet'
import type { Pack } from '../../../src/shared/pack/schema'
import type { SearchResult } from '../../../src/shared/domain/search'
import { fixedClock, removeDir, tempDir } from '../annotations/helpers'

const PACK_FILE = join(fileURLToPath(new URL('../../..', import.meta.url)), 'resources/packs/india-russia-2plus2/pack.json')
const PACK_ID = 'india-russia-2plus2'

let pack: Pack
beforeAll(async () => {
  const read = await readPackFile(PACK_FILE)
  if (!read.ok) throw new Error(read.error.message)
  pack = read.pack
})

/** Every snippet's match must be a real piece of the text it came from. */
function sourceOf(r: SearchResult): string {
  if (r.kind === 'block') {
    const block = pack.sections.flatMap((s) => s.blocks).find((b) => b.id === r.id)!
    return [block.title ?? '', block.text ?? '', ...(block.items ?? [])].join('\n')
  }
  if (r.kind === 'glossary') {
    const g = pack.glossary.find((e) => e.id === r.id)!
    return [g.term, ...(g.aliases ?? []), g.expansion, g.meaning].join('\n')
  }
  if (r.kind === 'question') return JSON.stringify(pack.questions.find((q) => q.id === r.id))
  return ''
}

describe('search over the real pack', () => {
  it('finds RELOS from the prefix "rel", with the match marked in the source text', () => {
    const results = buildSearchIndex([pack]).search({ query: 'rel' })
    const relos = results.find((r) => r.kind === 'glossary' && r.id === 'g-relos')
    expect(relos).toMatchObject({ packId: PACK_ID, title: 'RELOS', snippet: { match: 'RELOS' } })
    for (const r of results) {
      expect(r.snippet.match.toLowerCase().startsWith('rel')).toBe(true)
      expect(sourceOf(r)).toContain(r.snippet.match)
    }
  })

  it('finds COMCASA from the misspelling "compcasa"', () => {
    const results = buildSearchIndex([pack]).search({ query: 'compcasa' })
    expect(results.length).toBeGreaterThan(0)
    const block = results.find((r) => r.kind === 'block')!
    expect(block).toMatchObject({ snippet: { match: 'COMCASA' } })
    expect(block.sectionId).toBeTruthy()
    expect(block.blockId).toBe(block.id)
    expect(sourceOf(block)).toContain(`${block.snippet.before.replace(/^…/, '')}${block.snippet.match}`)
  })

  it('searches questions too, and narrows to one pack and a limit', () => {
    const copy = { ...pack, id: 'copy-pack' }
    const index = buildSearchIndex([pack, copy])
    const all = index.search({ query: 'Lavrov', limit: 100 })
    expect(new Set(all.map((r) => r.packId))).toEqual(new Set([PACK_ID, 'copy-pack']))
    const one = index.search({ query: 'Lavrov', packId: 'copy-pack', limit: 100 })
    expect(one.length).toBe(all.length / 2)
    expect(one.every((r) => r.packId === 'copy-pack')).toBe(true)
    expect(index.search({ query: 'Lavrov', limit: 2 })).toHaveLength(2)
    expect(
      index.search({ query: 'Shoigu' }).some((r) => r.kind === 'question') || index.search({ query: 'Jaishankar' }).some((r) => r.kind === 'question')
    ).toBe(true)
  })

  it('a search scoped to a pack finds exactly what the library-wide search lists for it, shared entries included', () => {
    // The copy shares every entry with the bundled pack but one block, which it words differently.
    const firstSection = pack.sections[0]!
    const changed = { ...firstSection.blocks[0]!, text: 'A quirkafluxian note only the edited copy has.' }
    const copy = { ...pack, id: 'edited-copy', sections: [{ ...firstSection, blocks: [changed, ...firstSection.blocks.slice(1)] }, ...pack.sections.slice(1)] }
    const index = buildSearchIndex([pack, copy])
    const key = (r: SearchResult) => `${r.kind}:${r.id}`
    for (const query of ['india', 'Lavrov', 'rel', 'compcasa', 'quirkafluxian', 'annual summit']) {
      for (const packId of [PACK_ID, 'edited-copy']) {
        const wide = index.search({ query, limit: 10_000 }).filter((r) => r.packId === packId)
        const scoped = index.search({ query, packId, limit: 10_000 })
        expect(scoped.every((r) => r.packId === packId)).toBe(true)
        expect(scoped.map(key).sort(), `${query} in ${packId}`).toEqual(wide.map(key).sort())
      }
    }
    expect(index.search({ query: 'quirkafluxian', packId: PACK_ID })).toEqual([])
    expect(index.search({ query: 'quirkafluxian', packId: 'edited-copy' })).toHaveLength(1)
    expect(index.search({ query: 'india', packId: 'no-such-pack' })).toEqual([])
  })

  it('needs every word of a multi-word query', () => {
    const results = buildSearchIndex([pack]).search({ query: 'Sushma Swaraj Bhawan' })
    expect(results.map((r) => r.id)).toContain('ctx-first-2plus2')
    for (const r of results) expect(sourceOf(r).toLowerCase()).toMatch(/sushma[\s\S]*bhawan|bhawan[\s\S]*sushma/)
  })
})

describe('search follows annotations', () => {
  let dir: string
  let reading: ReadingServices
  beforeEach(async () => {
    dir = await tempDir()
    reading = await openReadingServices({ dir, packs: createPackService({ packs: new Map([[PACK_ID, pack]]), errors: [] }), clock: fixedClock })
  })
  afterEach(async () => {
    await removeDir(dir)
  })

  it("finds a note's words after it is added, and not after it is deleted; undo brings it back", async () => {
    const search = (query: string) => reading.handlers['search:query']({ query })
    expect(await search('zanzibarian')).toEqual([])
    const added = await reading.annotations.add({
      packId: PACK_ID,
      blockId: 'ctx-first-2plus2',
      selector: { exact: 'Sushma Swaraj Bhawan' },
      color: 'yellow',
      note: 'Remember the Zanzibarian mnemonic for this venue.'
    })
    const [hit] = await search('zanzibar')
    expect(hit).toMatchObject({
      kind: 'annotation',
      id: added.id,
      packId: PACK_ID,
      sectionId: added.sectionId,
      blockId: 'ctx-first-2plus2',
      title: '“Sushma Swaraj Bhawan”',
      snippet: { before: 'Remember the ', match: 'Zanzibarian', after: ' mnemonic for this venue.' }
    })

    await reading.annotations.update({ id: added.id, note: 'Now about Kamchatkan.' })
    expect(await search('zanzibarian')).toEqual([])
    expect((await search('kamchatkan')).map((r) => r.id)).toContain(added.id)

    const scoped = (query: string) => reading.handlers['search:query']({ query, packId: PACK_ID })
    expect((await scoped('kamchatkan')).map((r) => r.id)).toEqual([added.id])
    await reading.annotations.delete(added.id)
    expect(await search('kamchatkan')).toEqual([])
    expect(await scoped('kamchatkan')).toEqual([])
    await reading.annotations.restore(added.id)
    expect((await search('kamchatkan')).map((r) => r.id)).toEqual([added.id])
    expect((await scoped('kamchatkan')).map((r) => r.id)).toEqual([added.id])
  })

  it('indexes annotations already on disk when it starts', async () => {
    const added = await reading.annotations.add({
      packId: PACK_ID,
      blockId: 'ctx-first-2plus2',
      selector: { exact: 'New Delhi' },
      color: 'green',
      note: 'quokka'
    })
    const again = await openReadingServices({ dir, packs: createPackService({ packs: new Map([[PACK_ID, pack]]), errors: [] }), clock: fixedClock })
    expect((await again.handlers['search:query']({ query: 'quokka' })).map((r) => r.id)).toEqual([added.id])
  })

  it('returns a hostile note as plain snippet text', async () => {
    await reading.annotations.add({
      packId: PACK_ID,
      blockId: 'ctx-first-2plus2',
      selector: { exact: 'New Delhi' },
      color: 'pink',
      note: '<img src=x onerror="alert(1)"> wombat'
    })
    const [hit] = await reading.handlers['search:query']({ query: 'wombat' })
    expect(hit!.snippet).toEqual({ before: '<img src=x onerror="alert(1)"> ', match: 'wombat', after: '' })
  })

  it('refuses a pack it does not know', async () => {
    await expect(reading.handlers['search:query']({ query: 'india', packId: 'nope' })).rejects.toMatchObject({ code: 'not-found' })
  })
})

describe('makeSnippet', () => {
  it('cuts long context at spaces with ellipses and keeps the match as written', () => {
    const text = `${'word '.repeat(30)}The RELOS pact ${'tail '.repeat(40)}`
    const s = makeSnippet(text, new Set(['relos']))
    expect(s.match).toBe('RELOS')
    expect(s.before.startsWith('…')).toBe(true)
    expect(s.after.endsWith('…')).toBe(true)
    expect(text).toContain(`${s.before.slice(1)}${s.match}`)
  })

  it('gives the start of the text with an empty match when no word matches', () => {
    expect(makeSnippet('short text', new Set(['zzz']))).toEqual({ before: '', match: '', after: 'short text', found: false })
  })
})
