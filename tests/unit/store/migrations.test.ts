// Why: an app update must carry the student's old files forward, and a
// migration that cannot run must not destroy the file it failed on.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { decodeStoreBytes, migrate } from '../../../src/main/services/store/migrations'
import { openJsonStore, type JsonStoreOptions } from '../../../src/main/services/store/json-store'

// v1: { list: number[] }   v2: { items: number[] }   v3: { items: { n: number }[] }
const V3 = z.object({ items: z.array(z.object({ n: z.number() }).strict()) }).strict()
type Data = z.infer<typeof V3>
const migrations = {
  1: (d: unknown) => ({ items: (d as { list: number[] }).list }),
  2: (d: unknown) => ({ items: (d as { items: number[] }).items.map((n) => ({ n })) })
}
const NOW = new Date(2026, 10, 25, 12)

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rd-migrate-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const opts = (extra: Partial<JsonStoreOptions<Data>> = {}): JsonStoreOptions<Data> => ({
  dir,
  name: 'items',
  schema: V3,
  version: 3,
  defaults: () => ({ items: [] }),
  migrations,
  clock: () => NOW,
  ...extra
})
const file = (): string => join(dir, 'items.json')

describe('migrations', () => {
  it('an older file is migrated step by step on open and saved with the new version', async () => {
    const v1 = JSON.stringify({ schemaVersion: 1, data: { list: [1, 2] } })
    await writeFile(file(), v1)
    const store = await openJsonStore(opts())
    expect(store.data).toEqual({ items: [{ n: 1 }, { n: 2 }] })
    expect(store.notices).toEqual([])
    expect(await readFile(file(), 'utf8')).toBe('{"schemaVersion":3,"data":{"items":[{"n":1},{"n":2}]}}')
    // The pre-migration file is the day's backup, should the upgrade be regretted.
    expect(await readFile(join(dir, 'backups', 'items-2026-11-25.json'), 'utf8')).toBe(v1)
  })

  it('a file at the current version is not rewritten on open', async () => {
    const v3 = '{"schemaVersion":3,"data":{"items":[]}}'
    await writeFile(file(), v3)
    await openJsonStore(opts())
    expect(await readdir(dir)).toEqual(['items.json'])
  })

  it('a migration that throws is treated like any bad file: kept, notice, defaults', async () => {
    const v2 = JSON.stringify({ schemaVersion: 2, data: { items: 'not a list' } })
    await writeFile(file(), v2)
    const store = await openJsonStore(opts())
    expect(store.data).toEqual({ items: [] })
    expect(store.notices[0]).toMatchObject({ kind: 'recovered', restoredFrom: 'defaults' })
    expect(store.notices[0]!.reason).toMatch(/format 2 and could not be upgraded/)
    expect(await readFile(store.notices[0]!.keptAs!, 'utf8')).toBe(v2)
  })

  it('a migration whose output fails the schema is a bad file too', async () => {
    await writeFile(file(), JSON.stringify({ schemaVersion: 2, data: { items: [1] } }))
    const store = await openJsonStore(opts({ migrations: { 2: () => ({ items: [{ n: 'one' }] }) } }))
    expect(store.notices[0]!.reason).toMatch(/wrong shape/)
  })

  it('a gap in the migration chain is reported, not skipped', () => {
    expect(() => migrate({}, 1, 3, { 1: (d) => d })).toThrow(/no migration from version 2 to 3/)
    const bytes = Buffer.from(JSON.stringify({ schemaVersion: 1, data: { list: [] } }))
    expect(decodeStoreBytes(bytes, { schema: V3, version: 3, migrations: { 2: migrations[2] } })).toMatchObject({ ok: false })
  })

  it('decodeStoreBytes reports the source version and a stray BOM', () => {
    const text = JSON.stringify({ schemaVersion: 2, data: { items: [4] } })
    const plain = decodeStoreBytes(Buffer.from(text), { schema: V3, version: 3, migrations })
    expect(plain).toEqual({ ok: true, data: { items: [{ n: 4 }] }, fromVersion: 2, hadBom: false })
    const withBom = decodeStoreBytes(Buffer.from('\uFEFF' + text), { schema: V3, version: 3, migrations })
    expect(withBom).toMatchObject({ ok: true, hadBom: true })
  })
})
