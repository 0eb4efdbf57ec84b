// Why: a student's desired retention (and any fitted parameters) is part of their data: a backup must
// carry it, a reset must put it back to the default, and a restore must give it back and be what the
// next answer is scheduled with, not a value the scheduler kept from before.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AppServices } from '../../../src/main/services/app-services'
import { openTuningService } from '../../../src/main/services/tuning/tuning-service'
import { defaultTuning } from '../../../src/main/services/tuning/tuning-store'
import { RETENTION_DEFAULT } from '../../../src/shared/domain/tuning'
import { makeDirs, openApp, removeDirs, type Dirs } from '../data/helpers'

let dirs: Dirs | undefined
let scratch: string | undefined
let services: AppServices | undefined
afterEach(async () => {
  await services?.close()
  services = undefined
  if (dirs) await removeDirs(dirs)
  if (scratch) await rm(scratch, { recursive: true, force: true })
  dirs = scratch = undefined
})

describe('scheduler tuning in backups', () => {
  it('is exported, put back to the default by a reset, and given back by a restore', async () => {
    dirs = await makeDirs()
    services = await openApp(dirs)
    const h = services.handlers

    await h['tuning:setRetention']({ desiredRetention: 0.95 })
    const { content } = await h['data:exportBackup'](undefined)
    expect(JSON.parse(content).stores.tuning).toMatchObject({ data: { desiredRetention: 0.95 } })

    await h['data:reset']({ confirm: true })
    expect((await h['tuning:get'](undefined)).desiredRetention).toBe(RETENTION_DEFAULT)

    await h['data:restoreBackup']({ content, confirm: true })
    expect((await h['tuning:get'](undefined)).desiredRetention).toBe(0.95)
  })

  it('hands the scheduler the restored values at once, not the ones it had before', async () => {
    scratch = await mkdtemp(join(tmpdir(), 'rd-tuning-replace-'))
    const tuning = await openTuningService({ dir: scratch, workerPath: undefined, sources: { reviews: async () => [], cards: () => [] } })
    const before = tuning.fsrs()
    await tuning.replaceAll({ ...defaultTuning(), desiredRetention: 0.85 })
    expect(tuning.fsrs()).not.toBe(before)
    expect(tuning.fsrs().desiredRetention).toBe(0.85)
    await tuning.store.flush()
  })
})
