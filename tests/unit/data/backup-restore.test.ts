// Why: a backup is only worth making if restoring it gives back exactly what
// the student had, and if a restore or reset can never lose today's work:
// both take a full copy first, and that copy can itself be restored.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../../src/main/dispatch'
import type { AppServices } from '../../../src/main/services/app-services'
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION } from '../../../src/shared/domain/data'
import { exportedStores, hashes, makeDirs, makeProgress, NOW, openApp, removeDirs, visibleState, type Dirs } from './helpers'

const DAY_MS = 86_400_000

let dirs: Dirs
let app: AppServices | null = null
const open = async (at?: () => Date): Promise<AppServices> => (app = await openApp(dirs, at))

beforeEach(async () => {
  dirs = await makeDirs()
})
afterEach(async () => {
  await app?.close()
  app = null
  await removeDirs(dirs)
})

describe('back up, reset, restore', () => {
  it('gives back exactly the state that was backed up, and keeps it across a restart', async () => {
    const h = (await open()).handlers
    const { goneId } = await makeProgress(h)
    const before = await visibleState(h)
    const storesBefore = await exportedStores(h)
    const backup = await h['data:exportBackup'](undefined)
    expect(backup.fileName).toBe('revision-desk-backup-2026-11-25.json')
    expect(JSON.parse(backup.content)).toMatchObject({
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      appVersion: '9.9.9',
      createdAt: '2026-11-25T04:30:00.000Z'
    })

    await h['data:reset']({ confirm: true })
    expect(await h['progress:get']({ packId: 'tiny' })).toEqual({ packId: 'tiny', readSections: [], location: null })
    expect(await h['annotations:list']({ packId: 'tiny' })).toEqual([])
    expect(await h['mock:history']({ packId: 'tiny' })).toEqual([])
    expect(await h['search:query']({ query: 'capital' })).toEqual([])

    const restored = await h['data:restoreBackup']({ content: backup.content, confirm: true })
    expect(restored.summary).toMatchObject({
      progress: { sectionsRead: 1 },
      study: { highlightCards: 1, examDates: 1, mockTests: 1 },
      annotations: { live: 1, trash: 1 }
    })
    expect(await visibleState(h)).toEqual(before)
    expect(await exportedStores(h)).toEqual(storesBefore)

    await app!.close()
    const again = (await open()).handlers
    expect(await visibleState(again)).toEqual(before)
    expect(await exportedStores(again)).toEqual(storesBefore)
    // The deleted highlight is still in the trash, so undo works as before.
    expect((await again['annotations:restore']({ id: goneId })).selector.exact).toBe('Russia')
  })

  it('inspects a backup without changing a byte, and counts what it holds', async () => {
    const h = (await open()).handlers
    await makeProgress(h)
    const { content } = await h['data:exportBackup'](undefined)
    await app!.close()
    const files = await hashes(dirs.dataDir)
    const info = await h['data:inspectBackup']({ content })
    expect(info).toMatchObject({ createdAt: '2026-11-25T04:30:00.000Z', appVersion: '9.9.9', formatVersion: 1 })
    expect(info.summary).toMatchObject({
      settings: true,
      progress: { packs: 1, sectionsRead: 1 },
      study: { cards: 2, highlightCards: 1, examDates: 1, mockTests: 1, firstReview: '2026-11-25T04:30:00.000Z' },
      annotations: { live: 1, trash: 1 },
      packs: [{ id: 'tiny', title: 'Tiny pack', installed: true }]
    })
    expect(info.summary.study.reviews).toBe(3)
    expect(await hashes(dirs.dataDir)).toEqual(files)
  })

  it('writes a full safety copy before restoring, and that copy restores the state it replaced', async () => {
    const h = (await open()).handlers
    await makeProgress(h)
    const { content } = await h['data:exportBackup'](undefined)
    await h['progress:markRead']({ packId: 'tiny', sectionId: 'sec-one', read: false })
    await h['settings:update']({ theme: 'light' })
    const changed = await visibleState(h)

    const result = await h['data:restoreBackup']({ content, confirm: true })
    expect(result.safetyBackup).toMatch(/^before-restore-2026-11-25T04-30-00-000Z\.json$/)
    const copy = JSON.parse(await readFile(join(dirs.dataDir, 'backups', result.safetyBackup), 'utf8')) as { stores: { settings: { data: unknown } } }
    expect(copy.stores.settings.data).toMatchObject({ theme: 'light' })
    expect((await h['progress:get']({ packId: 'tiny' })).readSections).toEqual(['sec-one'])

    const listed = await h['data:listBackups'](undefined)
    expect(listed.find((b) => b.id === result.safetyBackup)).toMatchObject({ kind: 'before-restore', label: expect.stringContaining('before a restore') })
    const back = await h['data:restoreAutomatic']({ id: result.safetyBackup, confirm: true })
    expect(back.safetyBackup).not.toBe(result.safetyBackup)
    expect(await visibleState(h)).toEqual(changed)
  })

  it('reset keeps the display settings, takes a full copy first, and matches a fresh start', async () => {
    const h = (await open()).handlers
    await makeProgress(h)
    const before = await exportedStores(h)
    const result = await h['data:reset']({ confirm: true })
    expect(result.safetyBackup).toMatch(/^before-reset-/)
    const copy = JSON.parse(await readFile(join(dirs.dataDir, 'backups', result.safetyBackup), 'utf8')) as { stores: unknown }
    expect(copy.stores).toEqual(before)
    expect(await h['settings:get'](undefined)).toMatchObject({ theme: 'dark', fontSize: 22 })
    expect(result.summary).toMatchObject({ progress: { packs: 0 }, study: { cards: 0, reviews: 0 }, annotations: { live: 0, trash: 0 }, packs: [] })

    // The defaults the data service writes are the services' own: a fresh folder exports the same.
    const resetStores = (await exportedStores(h)) as Record<string, unknown>
    const fresh = await makeDirs()
    const other = await openApp(fresh)
    const freshStores = (await exportedStores(other.handlers)) as Record<string, unknown>
    await other.close()
    await removeDirs(fresh)
    expect({ ...resetStores, settings: null }).toEqual({ ...freshStores, settings: null })
  })

  it('lists daily per-store copies and restores one store alone', async () => {
    const day1 = (await open()).handlers
    await day1['progress:markRead']({ packId: 'tiny', sectionId: 'sec-one', read: true })
    await day1['settings:update']({ theme: 'dark' })
    await app!.close()
    // The next day's first write of each file copies yesterday's final state to backups/<store>-<day>.json.
    const h = (await open(() => new Date(NOW.getTime() + DAY_MS))).handlers
    await h['progress:markRead']({ packId: 'tiny', sectionId: 'sec-one', read: false })
    await h['settings:update']({ theme: 'light' })
    const daily = (await h['data:listBackups'](undefined)).find((b) => b.id === 'progress-2026-11-26.json')
    expect(daily).toMatchObject({ kind: 'daily', store: 'progress', label: expect.stringContaining('Reading progress') })
    expect(daily!.sizeBytes).toBeGreaterThan(0)

    const result = await h['data:restoreAutomatic']({ id: 'progress-2026-11-26.json', confirm: true })
    expect(result.safetyBackup).toMatch(/^before-restore-2026-11-26/)
    expect((await h['progress:get']({ packId: 'tiny' })).readSections).toEqual(['sec-one'])
    expect((await h['settings:get'](undefined)).theme).toBe('light')
  })

  it('refuses an id that is not in the backups folder listing, whatever it looks like', async () => {
    const dispatch = createDispatcher((await open()).handlers)
    for (const id of ['../settings.json', '/etc/passwd', 'settings.json', 'progress-2026-11-24.json', 'before-restore-x.json']) {
      const result = await dispatch('data:restoreAutomatic', { id, confirm: true })
      expect(result.ok).toBe(false)
      if (!result.ok) expect(['validation', 'not-found']).toContain(result.error.code)
    }
    expect(await dispatch('data:reset', {})).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(await dispatch('data:restoreBackup', { content: '{}', confirm: false })).toMatchObject({ ok: false, error: { code: 'validation' } })
  })
})
