// Why: a restore writes several files one after another. If the disk fails
// in the middle, the student must be left with exactly what they had, never
// half of each; and a bad backup file must be refused before anything is touched.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../../src/main/dispatch'
import { openAnnotationService, type AnnotationService } from '../../../src/main/services/annotations/annotation-service'
import { createDataService, type DataService } from '../../../src/main/services/data/data-service'
import { captureState } from '../../../src/main/services/data/state-io'
import { loadPacksFrom } from '../../../src/main/services/packs/pack-loader'
import { createPackService } from '../../../src/main/services/packs/pack-service'
import { openProgressService, type ProgressService } from '../../../src/main/services/progress-service'
import { openSettingsService, type SettingsService } from '../../../src/main/services/settings-service'
import type { StoreFs } from '../../../src/main/services/store/fs-ops'
import { openStudyService, type StudyService } from '../../../src/main/services/study/study-service'
import { openPrelimsService, type PrelimsService } from '../../../src/main/services/prelims/prelims-service'
import { openWritingService, type WritingService } from '../../../src/main/services/writing/writing-service'
import { openTuningService, type TuningService } from '../../../src/main/services/tuning/tuning-service'
import { tinyPack } from '../fixtures/tiny-pack'
import { renameFaults } from '../annotations/faults'
import { clock, hashes, makeDirs, makeProgress, openApp, removeDirs, type Dirs } from './helpers'

let dirs: Dirs

beforeEach(async () => {
  dirs = await makeDirs()
})
afterEach(async () => {
  await removeDirs(dirs)
})

interface Opened {
  settings: SettingsService
  progress: ProgressService
  study: StudyService
  annotations: AnnotationService
  prelims: PrelimsService
  writing: WritingService
  tuning: TuningService
  data: DataService
  close(): Promise<void>
}

/** The services app-services builds, with a rename that fails on demand under the annotation files. */
async function openWithFaults(annotationFs: Partial<StoreFs>, dataFs?: Partial<StoreFs>): Promise<Opened> {
  const packs = createPackService(await loadPacksFrom(dirs.packsDir))
  const dir = dirs.dataDir
  const settings = await openSettingsService(dir, clock)
  const progress = await openProgressService(dir, packs, clock)
  const study = await openStudyService({ dir, packs, clock })
  const annotations = await openAnnotationService({ dir, packs, clock, store: { fs: annotationFs } })
  const prelims = await openPrelimsService({ dir, packs, clock, rate: study.rateAnswers })
  const writing = await openWritingService({ dir, packs, clock })
  const tuning = await openTuningService({ dir, clock, workerPath: undefined, sources: { reviews: async () => [], cards: () => [] } })
  const data = createDataService({
    dataDir: dir,
    version: 't',
    packs,
    clock,
    settings,
    progress,
    study,
    annotations,
    prelims,
    writing,
    tuning,
    ...(dataFs ? { fs: dataFs } : {})
  })
  return {
    settings,
    progress,
    study,
    annotations,
    prelims,
    writing,
    tuning,
    data,
    close: async () => {
      await Promise.all([
        settings.store.flush(),
        progress.store.flush(),
        study.flush(),
        annotations.flush(),
        prelims.store.flush(),
        writing.flush(),
        tuning.store.flush()
      ])
      writing.close()
    }
  }
}

/** A backup of one state, then a different state on disk. */
async function backupThenChange(s: Opened): Promise<string> {
  await s.settings.update({ theme: 'dark' })
  await s.progress.markRead('tiny', 'sec-one', true)
  await s.study.rate({ packId: 'tiny', itemId: 'q:q-1', rating: 3 })
  await s.annotations.add({ packId: 'tiny', blockId: 'blk-a', selector: { exact: 'New Delhi' }, color: 'yellow' })
  const { content } = await s.data.exportBackup()
  await s.settings.update({ theme: 'light' })
  await s.progress.markRead('tiny', 'sec-one', false)
  await s.study.rate({ packId: 'tiny', itemId: 'cell:row-first/russia', rating: 1 })
  await s.annotations.add({ packId: 'tiny', blockId: 'blk-a', selector: { exact: 'Russia' }, color: 'green' })
  return content
}

const seen = (s: Opened) => ({
  settings: s.settings.get(),
  progress: s.progress.get('tiny'),
  queue: s.study.queue({ packId: 'tiny', mode: 'cram', limit: 100 }),
  annotations: s.annotations.list('tiny')
})

describe('a write that fails in the middle of a restore', () => {
  it('puts every file back as it was and says so', async () => {
    const faults = renameFaults()
    const s = await openWithFaults(faults.fs)
    const content = await backupThenChange(s)
    const state = await captureState(s)
    const view = seen(s)
    const files = await hashes(dirs.dataDir, ['backups'])

    // settings, progress and the study files are replaced first; the annotation journal (written last) fails once.
    let failures = 0
    faults.failWhen = (to) => to.endsWith('annotations-journal.json') && failures++ === 0
    await expect(s.data.restore(content)).rejects.toMatchObject({ code: 'write-failed', message: expect.stringMatching(/put back as it was; nothing changed/) })
    expect(failures).toBeGreaterThan(0)
    expect(await captureState(s)).toEqual(state)
    expect(seen(s)).toEqual(view)
    expect(await hashes(dirs.dataDir, ['backups'])).toEqual(files)
    await s.close()
  })

  it('when putting back fails too, names the full copy, which restores the state once the disk works', async () => {
    const faults = renameFaults()
    const s = await openWithFaults(faults.fs)
    const content = await backupThenChange(s)
    const state = await captureState(s)
    faults.failWhen = (to) => to.endsWith('annotations-journal.json')
    const error = (await s.data.restore(content).catch((e: unknown) => e)) as Error
    const name = /as (before-restore-[^ ]+\.json)/.exec(error.message)?.[1]
    expect(name, error.message).toBeDefined()
    expect(JSON.parse(await readFile(join(dirs.dataDir, 'backups', name!), 'utf8'))).toMatchObject({ format: 'revision-desk-backup' })

    faults.failWhen = () => false
    await s.data.restoreAutomatic(name!)
    expect(await captureState(s)).toEqual(state)
    await s.close()
  })

  it('changes nothing when the safety copy itself cannot be written', async () => {
    const failCopy: Partial<StoreFs> = {
      writeFile: async () => {
        throw Object.assign(new Error('no space'), { code: 'ENOSPC' })
      }
    }
    const s = await openWithFaults({}, failCopy)
    const content = await backupThenChange(s)
    const files = await hashes(dirs.dataDir)
    await expect(s.data.restore(content)).rejects.toMatchObject({ code: 'write-failed', message: expect.stringMatching(/ENOSPC.*nothing was changed/) })
    await expect(s.data.reset()).rejects.toMatchObject({ code: 'write-failed' })
    expect(await hashes(dirs.dataDir)).toEqual(files)
    await s.close()
  })
})

describe('a bad backup file', () => {
  const valid = async (): Promise<Record<string, unknown>> => {
    const app = await openApp(dirs)
    await makeProgress(app.handlers)
    const { content } = await app.handlers['data:exportBackup'](undefined)
    await app.close()
    return JSON.parse(content) as Record<string, unknown>
  }
  const withStores = (doc: Record<string, unknown>, patch: Record<string, unknown>) =>
    JSON.stringify({ ...doc, stores: { ...(doc.stores as object), ...patch } })

  it('is refused with a clear message, for restore and inspect alike, and no file changes', async () => {
    const doc = await valid()
    const cases: [string, string, RegExp][] = [
      ['not JSON', '{"format": "revision-desk-backup", ', /is not valid JSON/],
      ['empty', '   ', /is empty/],
      ['some other JSON', '{"hello": 1}', /not a Revision Desk backup/],
      ['a notes pack', JSON.stringify(tinyPack()), /is a notes pack, not a backup/],
      ['a newer format', JSON.stringify({ ...doc, formatVersion: 99 }), /newer version of the app/],
      ['a missing field', JSON.stringify({ ...doc, createdAt: undefined }), /createdAt/],
      [
        'a bad field in a store',
        withStores(doc, { progress: { schemaVersion: 1, data: { packs: { tiny: { readSections: 'all', location: null } } } } }),
        /stores\.progress\.data\.packs\.tiny\.readSections/
      ],
      ['a store from a newer app', withStores(doc, { settings: { schemaVersion: 7, data: {} } }), /"settings" part was saved by a newer version/],
      ['an unknown part', withStores(doc, { wallet: { schemaVersion: 1, data: {} } }), /part "wallet"/],
      ['__proto__ inside', JSON.stringify(doc).replace('"stores":{', '"stores":{"__proto__":{"polluted":true},'), /"__proto__"/],
      ['10,000-deep nesting', '['.repeat(10_000) + ']'.repeat(10_000), /more than 64 levels deep/],
      ['65 MB', `{"x":"${'a'.repeat(65 * 1024 * 1024)}"}`, /too large \(65\.0 MB; the limit is 64 MB\)/]
    ]
    const app = await openApp(dirs)
    const dispatch = createDispatcher(app.handlers)
    const files = await hashes(dirs.dataDir)
    for (const [name, content, message] of cases) {
      for (const result of [await dispatch('data:inspectBackup', { content }), await dispatch('data:restoreBackup', { content, confirm: true })]) {
        expect(result.ok, name).toBe(false)
        if (!result.ok) {
          expect(result.error.code, name).toBe('validation')
          expect(result.error.message, name).toMatch(message)
        }
      }
    }
    await app.close()
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(await hashes(dirs.dataDir)).toEqual(files)
  })
})
