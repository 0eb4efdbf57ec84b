// Why: the app reopens the pack a student had open last, so that choice is a setting kept on disk like
// the theme; a settings file from before it existed must still load, and a hostile id must be refused.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../../src/main/dispatch'
import { createAppServices } from '../../../src/main/services/app-services'
import { tinyPack } from '../fixtures/tiny-pack'

let dataDir: string
let packsDir: string
const open = () => createAppServices({ dataDir, packsDir, host: 'web', version: '1.2.3' })

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rd-last-data-'))
  packsDir = await mkdtemp(join(tmpdir(), 'rd-last-packs-'))
  await mkdir(join(packsDir, 'tiny'))
  await writeFile(join(packsDir, 'tiny', 'pack.json'), JSON.stringify(tinyPack()))
})
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true })
  await rm(packsDir, { recursive: true, force: true })
})

describe('the pack opened last', () => {
  it('is kept across a restart', async () => {
    const first = await open()
    const dispatch = createDispatcher(first.handlers)
    expect(await dispatch('settings:update', { lastPackId: 'tiny' })).toMatchObject({ ok: true, value: { lastPackId: 'tiny' } })
    await first.close()
    const second = await open()
    expect(await second.handlers['settings:get'](undefined)).toMatchObject({ theme: 'system', lastPackId: 'tiny' })
    await second.close()
  })

  it('refuses an id that is not a pack id, and changes nothing', async () => {
    const services = await open()
    const dispatch = createDispatcher(services.handlers, () => {})
    await dispatch('settings:update', { lastPackId: 'tiny' })
    for (const lastPackId of ['../evil', 'UPPER', '', 42, null, 'a'.repeat(500)]) {
      expect(await dispatch('settings:update', { lastPackId }), String(lastPackId)).toMatchObject({ ok: false, error: { code: 'validation' } })
    }
    expect(await services.handlers['settings:get'](undefined)).toMatchObject({ lastPackId: 'tiny' })
    await services.close()
  })

  it('loads a settings file written before packs could be switched', async () => {
    await writeFile(join(dataDir, 'settings.json'), JSON.stringify({ schemaVersion: 1, data: { theme: 'dark', fontSize: 20, lineWidth: 'wide' } }))
    const services = await open()
    expect(await services.handlers['settings:get'](undefined)).toEqual({ theme: 'dark', fontSize: 20, lineWidth: 'wide' })
    expect(await services.handlers['app:notices'](undefined)).toEqual([])
    await services.close()
    expect(JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({ data: { theme: 'dark' } })
  })
})
