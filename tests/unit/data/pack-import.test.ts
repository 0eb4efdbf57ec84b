// Why: a student can add notes packs from files. A bad file must be refused
// with a message that says what is wrong and must not change one byte on
// disk; a good one must appear beside the bundled pack and still be there
// after a restart; removing it must keep the student's progress on it.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../../src/main/dispatch'
import type { AppServices } from '../../../src/main/services/app-services'
import { tinyPack } from '../fixtures/tiny-pack'
import { hashes, makeDirs, openApp, removeDirs, type Dirs } from './helpers'

let dirs: Dirs
let app: AppServices | null = null
const open = async (): Promise<AppServices> => (app = await openApp(dirs))

beforeEach(async () => {
  dirs = await makeDirs()
})
afterEach(async () => {
  await app?.close()
  app = null
  await removeDirs(dirs)
})

const extraPack = () => ({ ...tinyPack(), id: 'extra', title: 'Extra pack' })
const MB = 1024 * 1024

describe('packs:import refuses a bad file and changes nothing', () => {
  it.each<[string, () => string, RegExp]>([
    ['not JSON', () => 'this is { not json', /notes\.json is not valid JSON/],
    [
      'the wrong schema (naming the bad field)',
      () =>
        JSON.stringify({ ...extraPack(), sections: [{ id: 'sec-one', title: 'One', blocks: [{ id: 'b', kind: 'poem', text: 'x', sourceIds: ['src-a'] }] }] }),
      /not a valid notes pack: sections\.0\.blocks\.0/
    ],
    ['a 50 MB file', () => `{"id":"${'x'.repeat(50 * MB)}"}`, /notes\.json is too large \(50\.0 MB; the limit is 20 MB\)/],
    ['10,000-deep nesting', () => '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000), /more than 64 levels deep/],
    ['a __proto__ key', () => JSON.stringify(extraPack()).replace('{', '{"__proto__":{"polluted":true},'), /"__proto__"/],
    [
      'a nested constructor.prototype key',
      () => JSON.stringify({ ...extraPack(), sources: [{ ...tinyPack().sources[0], constructor: { prototype: { polluted: true } } }] }),
      /"constructor" at sources\.0\.constructor/
    ],
    ['duplicate ids', () => JSON.stringify({ ...extraPack(), sections: [...tinyPack().sections, ...tinyPack().sections] }), /duplicate/i],
    ['an id the bundled pack has', () => JSON.stringify(tinyPack()), /the built-in pack “Tiny pack” already uses/],
    ['a backup file', () => JSON.stringify({ format: 'revision-desk-backup', formatVersion: 1 }), /It is a backup/]
  ])('%s', async (_name, content, message) => {
    const dispatch = createDispatcher((await open()).handlers)
    await dispatch('progress:markRead', { packId: 'tiny', sectionId: 'sec-one', read: true })
    const files = await hashes(dirs.dataDir)
    const result = await dispatch('packs:import', { fileName: 'notes.json', content: content() })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('bad-pack')
      expect(result.error.message).toMatch(message)
    }
    expect(await hashes(dirs.dataDir)).toEqual(files)
    expect(await readdir(dirs.dataDir)).not.toContain('packs')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect((await dispatch('packs:list', undefined)).ok && (await app!.handlers['packs:list'](undefined)).packs.map((p) => p.id)).toEqual(['tiny'])
  })

  it('refuses a second pack with the id of one already imported', async () => {
    const h = (await open()).handlers
    await h['packs:import']({ fileName: 'a.json', content: JSON.stringify(extraPack()) })
    const files = await hashes(dirs.dataDir)
    await expect(h['packs:import']({ fileName: 'b.json', content: JSON.stringify({ ...extraPack(), title: 'Other' }) })).rejects.toMatchObject({
      code: 'bad-pack',
      message: expect.stringMatching(/already imported/)
    })
    expect(await hashes(dirs.dataDir)).toEqual(files)
  })
})

describe('a good pack', () => {
  it('appears beside the bundled one, opens, and survives a restart', async () => {
    const h = (await open()).handlers
    const summary = await h['packs:import']({ fileName: 'extra.json', content: '\uFEFF' + JSON.stringify(extraPack(), null, 2) })
    expect(summary).toMatchObject({ id: 'extra', title: 'Extra pack', source: 'imported' })
    expect((await h['packs:list'](undefined)).packs.map((p) => [p.id, p.source])).toEqual([
      ['tiny', 'bundled'],
      ['extra', 'imported']
    ])
    expect((await h['packs:get']({ packId: 'extra' })).title).toBe('Extra pack')
    expect(await readdir(join(dirs.dataDir, 'packs'))).toEqual(['extra'])
    await h['progress:markRead']({ packId: 'extra', sectionId: 'sec-one', read: true })

    await app!.close()
    const again = (await open()).handlers
    expect((await again['packs:list'](undefined)).packs.map((p) => p.id)).toEqual(['tiny', 'extra'])
    expect((await again['progress:get']({ packId: 'extra' })).readSections).toEqual(['sec-one'])
  })

  it('is removed without its progress, which returns when it is imported again; progress is deleted separately', async () => {
    const h = (await open()).handlers
    const content = JSON.stringify(extraPack())
    await h['packs:import']({ fileName: 'extra.json', content })
    await h['progress:markRead']({ packId: 'extra', sectionId: 'sec-one', read: true })
    await h['study:rate']({ packId: 'extra', itemId: 'q:q-1', rating: 3 })
    await h['annotations:add']({ packId: 'extra', blockId: 'blk-a', selector: { exact: 'Russia' }, color: 'blue' })

    expect((await h['packs:remove']({ packId: 'extra' })).packs.map((p) => p.id)).toEqual(['tiny'])
    await expect(h['packs:get']({ packId: 'extra' })).rejects.toMatchObject({ code: 'not-found' })
    const kept = await h['data:summary'](undefined)
    expect(kept.packs).toContainEqual({ id: 'extra', title: null, installed: false })
    await expect(h['packs:remove']({ packId: 'tiny' })).rejects.toMatchObject({ code: 'validation', message: expect.stringMatching(/built into the app/) })
    await expect(h['packs:remove']({ packId: 'extra' })).rejects.toMatchObject({ code: 'not-found' })

    await app!.close()
    const again = (await open()).handlers
    expect((await again['packs:list'](undefined)).packs.map((p) => p.id)).toEqual(['tiny'])
    await again['packs:import']({ fileName: 'extra.json', content })
    expect((await again['progress:get']({ packId: 'extra' })).readSections).toEqual(['sec-one'])
    expect(await again['annotations:list']({ packId: 'extra' })).toHaveLength(1)

    const deleted = await again['data:deletePackProgress']({ packId: 'extra', confirm: true })
    expect(deleted).toMatchObject({
      packId: 'extra',
      removed: { sectionsRead: 1, cards: 1, reviews: 1, annotations: 1 },
      safetyBackup: expect.stringMatching(/^before-delete-/)
    })
    expect((await again['progress:get']({ packId: 'extra' })).readSections).toEqual([])
    expect(await again['annotations:list']({ packId: 'extra' })).toEqual([])
    expect((await again['study:stats']({ packId: 'extra' })).packId).toBe('extra')
    // The bundled pack's progress is untouched; a second deletion has nothing to do and makes no copy.
    expect((await again['data:summary'](undefined)).packs.map((p) => p.id)).toEqual([])
    expect(await again['data:deletePackProgress']({ packId: 'extra', confirm: true })).toMatchObject({ safetyBackup: null, removed: { cards: 0 } })
  })
})
