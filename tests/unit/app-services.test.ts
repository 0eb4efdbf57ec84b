// Why: what the renderer writes through the contract must be on disk and come
// back after a restart; a stale or unknown id is refused, not stored.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../src/main/dispatch'
import { createAppServices } from '../../src/main/services/app-services'
import { tinyPack } from './fixtures/tiny-pack'

let dataDir: string
let packsDir: string
const open = () => createAppServices({ dataDir, packsDir, host: 'web', version: '1.2.3' })

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rd-app-data-'))
  packsDir = await mkdtemp(join(tmpdir(), 'rd-app-packs-'))
  await mkdir(join(packsDir, 'tiny'))
  await writeFile(join(packsDir, 'tiny', 'pack.json'), JSON.stringify(tinyPack()))
})
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true })
  await rm(packsDir, { recursive: true, force: true })
})

describe('app services', () => {
  it('keeps settings and reading progress across a restart', async () => {
    const first = await open()
    expect(await first.handlers['settings:get'](undefined)).toEqual({ theme: 'system', fontSize: 18, lineWidth: 'medium' })
    await first.handlers['settings:update']({ theme: 'dark', fontSize: 20 })
    await first.handlers['progress:markRead']({ packId: 'tiny', sectionId: 'sec-one', read: true })
    await first.handlers['progress:setLocation']({ packId: 'tiny', sectionId: 'sec-one', blockId: 'blk-b' })
    await first.close()

    const second = await open()
    expect(await second.handlers['settings:get'](undefined)).toMatchObject({ theme: 'dark', fontSize: 20 })
    expect(await second.handlers['progress:get']({ packId: 'tiny' })).toEqual({
      packId: 'tiny',
      readSections: ['sec-one'],
      location: { sectionId: 'sec-one', blockId: 'blk-b' }
    })
    expect(JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({ schemaVersion: 1 })
  })

  it('unmarks a section without duplicating it', async () => {
    const services = await open()
    await services.handlers['progress:markRead']({ packId: 'tiny', sectionId: 'sec-one', read: true })
    await services.handlers['progress:markRead']({ packId: 'tiny', sectionId: 'sec-one', read: true })
    expect((await services.handlers['progress:get']({ packId: 'tiny' })).readSections).toEqual(['sec-one'])
    await services.handlers['progress:markRead']({ packId: 'tiny', sectionId: 'sec-one', read: false })
    expect((await services.handlers['progress:get']({ packId: 'tiny' })).readSections).toEqual([])
  })

  it('refuses unknown packs, sections and blocks with typed errors, writing nothing', async () => {
    const dispatch = createDispatcher((await open()).handlers)
    expect(await dispatch('progress:get', { packId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await dispatch('progress:markRead', { packId: 'tiny', sectionId: 'ghost', read: true })).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(await dispatch('progress:setLocation', { packId: 'tiny', sectionId: 'sec-one', blockId: 'ghost' })).toMatchObject({
      ok: false,
      error: { code: 'validation' }
    })
    await expect(readFile(join(dataDir, 'progress.json'))).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('reports the host, version and data folder, and lists the pack', async () => {
    const services = await open()
    expect(await services.handlers['app:info'](undefined)).toEqual({ name: 'Revision Desk', version: '1.2.3', host: 'web', dataDir })
    expect((await services.handlers['packs:list'](undefined)).packs.map((p) => p.id)).toEqual(['tiny'])
    expect(services.sourceAddresses()).toEqual(['https://example.com/a'])
  })

  it('starts from a corrupt settings file with a notice, keeping the bad bytes', async () => {
    await writeFile(join(dataDir, 'settings.json'), '{"schemaVersion":1,"data":{"theme":')
    const services = await open()
    const notices = await services.handlers['app:notices'](undefined)
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatchObject({ kind: 'recovered', restoredFrom: 'defaults' })
    expect(await readFile(notices[0]!.keptAs!, 'utf8')).toBe('{"schemaVersion":1,"data":{"theme":')
    expect(await services.handlers['settings:get'](undefined)).toMatchObject({ theme: 'system' })
  })
})

describe('notices raised after start', () => {
  it('reports a checkpoint that fails while the app runs, without a restart', async () => {
    const services = await open()
    expect(await services.handlers['app:notices'](undefined)).toEqual([])
    // A folder where study.json's temp file must go: the checkpoint cannot rewrite study.json (EISDIR, even as root).
    await mkdir(join(dataDir, '.study.json.tmp'))
    // One answer past the checkpoint threshold (100 unfolded answers) starts a background checkpoint.
    for (let i = 0; i < 101; i++) await services.handlers['study:rate']({ packId: 'tiny', itemId: 'q:q-1', rating: 3 })
    await services.close()
    const notices = await services.handlers['app:notices'](undefined)
    expect(notices).toEqual([expect.objectContaining({ kind: 'checkpoint-failed', file: join(dataDir, 'study.json') })])
    expect(notices[0]!.reason).toMatch(/Nothing is lost.*study-journal\.json/s)
  })
})

describe('files channels in the browser host', () => {
  it('answers "download" for an export and refuses unsafe file names', async () => {
    const dispatch = createDispatcher((await open()).handlers)
    expect(await dispatch('files:save', { suggestedName: 'notes.md', content: '# x', mime: 'text/markdown' })).toEqual({
      ok: true,
      value: { mode: 'download' }
    })
    for (const suggestedName of ['../evil.md', '/etc/passwd.md', '.hidden.md', 'notes.exe', 'a/b.md', 'C:\\x.md']) {
      expect(await dispatch('files:save', { suggestedName, content: 'x', mime: 'text/markdown' })).toMatchObject({ ok: false, error: { code: 'validation' } })
    }
  })

  it('says opening the data folder needs the desktop app', async () => {
    const dispatch = createDispatcher((await open()).handlers)
    expect(await dispatch('files:openDataFolder', undefined)).toMatchObject({ ok: false, error: { code: 'unsupported' } })
  })
})
