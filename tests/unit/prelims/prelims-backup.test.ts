// Why: a Prelims paper is saved as durably as the mock tests, so it is in the
// student's backup like every other store: exported, wiped by a reset, and
// given back by a restore, an open paper with its answers included.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createAppServices, type AppServices } from '../../../src/main/services/app-services'
import { generatedPack } from '../fixtures/prelims-packs'

let dirs: string[] = []
let services: AppServices | undefined
afterEach(async () => {
  await services?.close()
  services = undefined
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })))
  dirs = []
})

describe('Prelims paper in backups', () => {
  it('is exported, cleared by a reset and given back by a restore', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'rd-prelims-bk-'))
    const packsDir = await mkdtemp(join(tmpdir(), 'rd-prelims-bk-packs-'))
    dirs = [dataDir, packsDir]
    await mkdir(join(packsDir, 'gen'))
    await writeFile(join(packsDir, 'gen', 'pack.json'), JSON.stringify(generatedPack({ id: 'gen', mcq: 6 })))
    services = await createAppServices({ dataDir, packsDir, host: 'web', version: 't', clock: () => new Date('2026-11-25T04:30:00.000Z') })
    const h = services.handlers

    const first = await h['prelims:start']({ allowShort: true })
    const sheet = { paperId: first.paperId, answers: [0, 1, null, null, null, null], review: Array<boolean>(6).fill(false), timeMs: Array<number>(6).fill(0) }
    const marked = await h['prelims:submit'](sheet)
    const open = await h['prelims:start']({ allowShort: true })
    await h['prelims:save']({ ...sheet, paperId: open.paperId, answers: [2, null, null, null, null, 3] })

    const { content } = await h['data:exportBackup'](undefined)
    expect(JSON.parse(content).stores['prelims-paper']).toMatchObject({
      schemaVersion: 1,
      data: { active: { id: open.paperId }, results: [{ id: first.paperId }] }
    })

    await h['data:reset']({ confirm: true })
    expect(await h['prelims:history'](undefined)).toEqual([])
    expect(await h['prelims:active'](undefined)).toBeNull()

    await h['data:restoreBackup']({ content, confirm: true })
    expect(await h['prelims:result']({ paperId: first.paperId })).toEqual(marked)
    expect((await h['prelims:active'](undefined))?.answers).toEqual([2, null, null, null, null, 3])
  })
})
