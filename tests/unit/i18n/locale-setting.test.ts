// Why: the interface language is a setting kept on disk like the theme: it
// must survive a restart, a settings file from before it must still load, and
// main must refuse a language the page has no catalogue for.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
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
  dataDir = await mkdtemp(join(tmpdir(), 'rd-locale-data-'))
  packsDir = await mkdtemp(join(tmpdir(), 'rd-locale-packs-'))
  await mkdir(join(packsDir, 'tiny'))
  await writeFile(join(packsDir, 'tiny', 'pack.json'), JSON.stringify(tinyPack()))
})
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true })
  await rm(packsDir, { recursive: true, force: true })
})

describe('the locale setting', () => {
  it('is kept across a restart', async () => {
    const first = await open()
    expect(await createDispatcher(first.handlers)('settings:update', { locale: 'hi' })).toMatchObject({ ok: true, value: { locale: 'hi' } })
    await first.close()
    const second = await open()
    expect(await second.handlers['settings:get'](undefined)).toMatchObject({ locale: 'hi' })
    await second.close()
  })

  it('is absent in a settings file from before it, which still loads', async () => {
    await writeFile(join(dataDir, 'settings.json'), JSON.stringify({ schemaVersion: 1, data: { theme: 'dark', fontSize: 20, lineWidth: 'wide' } }))
    const services = await open()
    expect(await services.handlers['settings:get'](undefined)).toEqual({ theme: 'dark', fontSize: 20, lineWidth: 'wide' })
    await services.close()
  })

  it('refuses a language with no catalogue, and changes nothing', async () => {
    const services = await open()
    const dispatch = createDispatcher(services.handlers, () => {})
    await dispatch('settings:update', { locale: 'en' })
    for (const locale of ['fr', 'HI', 'hi-IN', '', null, 1, '<script>']) {
      expect(await dispatch('settings:update', { locale }), String(locale)).toMatchObject({ ok: false, error: { code: 'validation' } })
    }
    expect(await services.handlers['settings:get'](undefined)).toMatchObject({ locale: 'en' })
    await services.close()
  })
})
