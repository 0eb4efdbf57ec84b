// Why: a bad day (a bug that wipes highlights, a damaged disk) must be
// undoable from yesterday's copy, and the backups must not fill the disk.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { dayKey } from '../../../src/main/services/store/backups'
import { nodeStoreFs } from '../../../src/main/services/store/fs-ops'
import { openJsonStore, type JsonStoreOptions } from '../../../src/main/services/store/json-store'

const Schema = z.object({ items: z.array(z.string()) }).strict()
type Data = z.infer<typeof Schema>

let dir: string
let now: Date
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rd-backups-'))
  now = new Date(2026, 10, 16, 9) // local time, so the calendar day is unambiguous
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const opts = (extra: Partial<JsonStoreOptions<Data>> = {}): JsonStoreOptions<Data> => ({
  dir,
  name: 'items',
  schema: Schema,
  version: 1,
  defaults: () => ({ items: [] }),
  clock: () => now,
  ...extra
})
const envelope = (items: string[]): string => JSON.stringify({ schemaVersion: 1, data: { items } })
const backups = (): Promise<string[]> => readdir(join(dir, 'backups')).then((f) => f.sort())
const dayOf = (offset: number): Date => new Date(2026, 10, 16 + offset, 9)

describe('daily backups', () => {
  it("over 10 days keeps exactly 7, one per day, each holding the previous day's final state", async () => {
    const store = await openJsonStore(opts())
    const endOfDay: string[][] = []
    for (let day = 0; day < 10; day++) {
      now = dayOf(day)
      await store.update((d) => d.items.push(`${day}a`))
      now = new Date(now.getTime() + 8 * 3600_000) // 17:00, same day
      await store.update((d) => d.items.push(`${day}b`))
      endOfDay.push([...store.data.items])
    }

    // Day 0 had no file before its first write, so days 1..9 were backed up; 7 kept.
    const expected = [3, 4, 5, 6, 7, 8, 9].map((d) => `items-${dayKey(dayOf(d))}.json`)
    expect(await backups()).toEqual(expected)
    for (const day of [3, 4, 5, 6, 7, 8, 9]) {
      const content = await readFile(join(dir, 'backups', `items-${dayKey(dayOf(day))}.json`), 'utf8')
      expect(content).toBe(envelope(endOfDay[day - 1]!))
    }
  })

  it('one per day: a second session the same day does not replace the morning copy', async () => {
    await writeFile(join(dir, 'items.json'), envelope(['yesterday']))
    const first = await openJsonStore(opts())
    await first.update((d) => d.items.push('morning'))
    const second = await openJsonStore(opts())
    await second.update((d) => d.items.push('evening'))
    expect(await backups()).toEqual(['items-2026-11-16.json'])
    expect(await readFile(join(dir, 'backups', 'items-2026-11-16.json'), 'utf8')).toBe(envelope(['yesterday']))
  })

  it("keepBackups is honoured, and other stores' backups are left alone", async () => {
    await mkdir(join(dir, 'backups'))
    for (const f of ['items-extra-2026-11-01.json', 'other-2026-11-01.json']) await writeFile(join(dir, 'backups', f), '{}')
    await writeFile(join(dir, 'items.json'), envelope([]))
    const store = await openJsonStore(opts({ keepBackups: 2 }))
    for (let day = 0; day < 5; day++) {
      now = dayOf(day)
      await store.update((d) => d.items.push(String(day)))
    }
    expect(await backups()).toEqual(['items-2026-11-19.json', 'items-2026-11-20.json', 'items-extra-2026-11-01.json', 'other-2026-11-01.json'])
  })

  it('keepBackups: 0 turns backups off', async () => {
    await writeFile(join(dir, 'items.json'), envelope([]))
    const store = await openJsonStore(opts({ keepBackups: 0 }))
    await store.update((d) => d.items.push('x'))
    expect(await readdir(dir)).toEqual(['items.json'])
  })

  it('a failed backup never blocks the save, and is retried before the next write', async () => {
    await writeFile(join(dir, 'items.json'), envelope(['before']))
    let backupFails = true
    const store = await openJsonStore(
      opts({
        fs: {
          writeFile: async (path, data, o) => {
            if (backupFails && path.startsWith(join(dir, 'backups'))) throw Object.assign(new Error('EIO'), { code: 'EIO' })
            await nodeStoreFs.writeFile(path, data, o)
          }
        }
      })
    )
    await store.update((d) => d.items.push('saved anyway'))
    expect(JSON.parse(await readFile(store.path, 'utf8')).data.items).toEqual(['before', 'saved anyway'])
    expect(await backups()).toEqual([])

    backupFails = false
    await store.update((d) => d.items.push('next'))
    expect(await backups()).toEqual(['items-2026-11-16.json'])
  })

  it('days follow the local calendar', () => {
    expect(dayKey(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05')
    expect(dayKey(new Date(2026, 11, 31, 0, 0))).toBe('2026-12-31')
  })
})
