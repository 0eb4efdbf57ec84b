// Why: a damaged or foreign store file must never cost the student data: its
// bytes are kept, the best available state is loaded, and they are told.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { ServiceError, WriteFailedError } from '../../../src/main/services/errors'
import { openJsonStore, type JsonStoreOptions } from '../../../src/main/services/store/json-store'

const Schema = z.object({ items: z.array(z.number()) }).strict()
type Data = z.infer<typeof Schema>
const NOW = new Date('2026-11-25T10:00:00.000Z')
const STAMP = '2026-11-25T10-00-00-000Z'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rd-recovery-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const opts = (extra: Partial<JsonStoreOptions<Data>> = {}): JsonStoreOptions<Data> => ({
  dir,
  name: 'items',
  schema: Schema,
  version: 2,
  defaults: () => ({ items: [] }),
  clock: () => NOW,
  ...extra
})
const file = (): string => join(dir, 'items.json')
const envelope = (items: number[], version = 2): string => JSON.stringify({ schemaVersion: version, data: { items } })
const BOM = Buffer.from([0xef, 0xbb, 0xbf])

const badCases: [string, Buffer][] = [
  ['empty', Buffer.alloc(0)],
  ['whitespace only', Buffer.from('  \n\t\r\n ')],
  ['truncated JSON', Buffer.from(envelope([1, 2, 3]).slice(0, 30))],
  ['unparsable', Buffer.from('{"schemaVersion":2,"data":{items:[1]}}')],
  ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])],
  ['BOM before unparsable text', Buffer.concat([BOM, Buffer.from('{"sch')])],
  ['null', Buffer.from('null')],
  ['{}', Buffer.from('{}')],
  ['[]', Buffer.from('[]')],
  ['a number', Buffer.from('42')],
  ['newer schemaVersion', Buffer.from(envelope([1], 3))],
  ['wrong data shape', Buffer.from('{"schemaVersion":2,"data":{"items":"nope"}}')],
  ['extra data field (strict schema)', Buffer.from('{"schemaVersion":2,"data":{"items":[],"x":1}}')],
  ['no envelope (bare data)', Buffer.from('{"items":[1,2]}')],
  ['non-integer schemaVersion', Buffer.from('{"schemaVersion":"2","data":{"items":[]}}')]
]

describe('opening a store: corrupt-start matrix', () => {
  it('missing file → defaults, no notice, nothing written until the first update', async () => {
    const store = await openJsonStore(opts())
    expect(store.data).toEqual({ items: [] })
    expect(store.notices).toEqual([])
    expect(await readdir(dir)).toEqual([])
    await store.update((d) => d.items.push(1))
    expect(await readFile(file(), 'utf8')).toBe(envelope([1]))
  })

  it('valid file → its data, no notice, file untouched', async () => {
    await writeFile(file(), envelope([4, 5]))
    const store = await openJsonStore(opts())
    expect(store.data).toEqual({ items: [4, 5] })
    expect(store.notices).toEqual([])
    expect(await readdir(dir)).toEqual(['items.json'])
  })

  it.each(badCases)('%s → bytes kept, defaults loaded, notice raised, file repaired', async (_label, bytes) => {
    await writeFile(file(), bytes)
    const store = await openJsonStore(opts())

    expect(store.data).toEqual({ items: [] })
    expect(store.notices).toHaveLength(1)
    const notice = store.notices[0]!
    const keptAs = join(dir, `items.corrupt-${STAMP}.json`)
    expect(notice).toMatchObject({ kind: 'recovered', file: file(), keptAs, restoredFrom: 'defaults', at: NOW.toISOString() })
    expect(notice.backupFile).toBeUndefined()
    expect(notice.reason).toContain(`items.corrupt-${STAMP}.json`)
    expect(notice.reason).toMatch(/defaults/)
    expect(Buffer.compare(await readFile(keptAs), bytes)).toBe(0)

    // The main file now holds the loaded state, so the next start is clean.
    expect(await readFile(file(), 'utf8')).toBe(envelope([]))
    expect((await readdir(dir)).sort()).toEqual(['items.corrupt-2026-11-25T10-00-00-000Z.json', 'items.json'])
    const again = await openJsonStore(opts())
    expect(again.notices).toEqual([])
  })

  it('notice reasons say what was wrong', async () => {
    const reasonFor = async (bytes: string): Promise<string> => {
      await writeFile(file(), bytes)
      const store = await openJsonStore(opts({ clock: () => new Date() }))
      return store.notices[0]!.reason
    }
    expect(await reasonFor('')).toMatch(/empty/)
    expect(await reasonFor(envelope([1], 9))).toMatch(/newer version of the app/)
    expect(await reasonFor('{"schemaVersion":2,"data":{"items":"x"}}')).toMatch(/wrong shape \(items:/)
    expect(await reasonFor('{"schemaVersion":2,"data":')).toMatch(/not valid JSON/)
  })

  it('BOM-prefixed valid file → original bytes kept, its own (newest) content loaded', async () => {
    const bytes = Buffer.concat([BOM, Buffer.from(envelope([7, 8]))])
    await writeFile(file(), bytes)
    await mkdir(join(dir, 'backups'))
    await writeFile(join(dir, 'backups', 'items-2026-11-24.json'), envelope([7]))

    const store = await openJsonStore(opts())
    expect(store.data).toEqual({ items: [7, 8] })
    expect(store.notices[0]).toMatchObject({ kind: 'recovered', restoredFrom: 'repaired', keptAs: join(dir, `items.corrupt-${STAMP}.json`) })
    expect(store.notices[0]!.reason).toMatch(/byte-order mark/)
    expect(Buffer.compare(await readFile(store.notices[0]!.keptAs!), bytes)).toBe(0)
    expect(await readFile(file(), 'utf8')).toBe(envelope([7, 8]))
  })

  it('bad file + valid backup → newest valid backup loaded and the notice names it', async () => {
    await writeFile(file(), '{"schemaVersion":2,"da')
    const backups = join(dir, 'backups')
    await mkdir(backups)
    await writeFile(join(backups, 'items-2026-11-20.json'), envelope([1]))
    await writeFile(join(backups, 'items-2026-11-23.json'), envelope([1, 2, 3]))
    await writeFile(join(backups, 'items-2026-11-24.json'), 'garbage') // newest, but unusable: skipped
    await writeFile(join(backups, 'other-2026-11-25.json'), envelope([99])) // another store's

    const store = await openJsonStore(opts())
    expect(store.data).toEqual({ items: [1, 2, 3] })
    const notice = store.notices[0]!
    expect(notice).toMatchObject({ kind: 'recovered', restoredFrom: 'backup', backupFile: join(backups, 'items-2026-11-23.json') })
    expect(notice.reason).toMatch(/backup from 2026-11-23/)
    expect(await readFile(file(), 'utf8')).toBe(envelope([1, 2, 3]))
    expect(await readFile(join(backups, 'items-2026-11-24.json'), 'utf8')).toBe('garbage')
  })

  it('an older-format backup is migrated when it is the one loaded', async () => {
    await writeFile(file(), 'null')
    await mkdir(join(dir, 'backups'))
    await writeFile(join(dir, 'backups', 'items-2026-11-24.json'), JSON.stringify({ schemaVersion: 1, data: { list: [5] } }))
    const store = await openJsonStore(opts({ migrations: { 1: (d) => ({ items: (d as { list: number[] }).list }) } }))
    expect(store.data).toEqual({ items: [5] })
    expect(store.notices[0]!.restoredFrom).toBe('backup')
  })

  it('never overwrites an earlier corrupt copy with the same timestamp', async () => {
    const earlier = join(dir, `items.corrupt-${STAMP}.json`)
    await writeFile(earlier, 'first bad file')
    await writeFile(file(), 'second bad file')
    const store = await openJsonStore(opts())
    expect(await readFile(earlier, 'utf8')).toBe('first bad file')
    expect(store.notices[0]!.keptAs).toBe(join(dir, `items.corrupt-${STAMP}-2.json`))
    expect(await readFile(store.notices[0]!.keptAs!, 'utf8')).toBe('second bad file')
  })

  it('a stale temp file from a crash is removed and never loaded', async () => {
    await writeFile(file(), envelope([1]))
    await writeFile(join(dir, '.items.json.tmp'), envelope([1, 2])) // valid, but never acknowledged
    await mkdir(join(dir, 'backups'))
    await writeFile(join(dir, 'backups', '.items-2026-11-24.json.tmp'), 'half a backup')
    const store = await openJsonStore(opts())
    expect(store.data).toEqual({ items: [1] })
    expect(store.notices).toEqual([])
    expect(await readdir(dir)).not.toContain('.items.json.tmp')
    expect(await readdir(join(dir, 'backups'))).toEqual([])
  })

  it('disk full while copying the bad file → the bad file is renamed aside instead, bytes intact', async () => {
    await writeFile(file(), 'not json at all')
    const enospc = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
    const store = await openJsonStore(
      opts({
        fs: {
          writeFile: async (path, data, o) => {
            if (path.includes('.corrupt-')) throw enospc
            const { nodeStoreFs } = await import('../../../src/main/services/store/fs-ops')
            await nodeStoreFs.writeFile(path, data, o)
          }
        }
      })
    )
    const keptAs = store.notices[0]!.keptAs!
    expect(keptAs).toBe(join(dir, `items.corrupt-${STAMP}.json`))
    expect(await readFile(keptAs, 'utf8')).toBe('not json at all')
    expect(await readFile(file(), 'utf8')).toBe(envelope([]))
  })

  it('when the bad file cannot be kept at all, it is never overwritten: updates fail instead', async () => {
    await writeFile(file(), 'precious but unreadable')
    const eperm = (): Error => Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' })
    const { nodeStoreFs } = await import('../../../src/main/services/store/fs-ops')
    const store = await openJsonStore(
      opts({
        fs: {
          writeFile: async (path, data, o) => {
            if (path.includes('.corrupt-')) throw eperm()
            await nodeStoreFs.writeFile(path, data, o)
          },
          rename: async (from, to) => {
            if (to.includes('.corrupt-')) throw eperm()
            await nodeStoreFs.rename(from, to)
          }
        }
      })
    )
    expect(store.data).toEqual({ items: [] })
    expect(store.notices[0]).toMatchObject({ kind: 'recovered', restoredFrom: 'defaults' })
    expect(store.notices[0]!.keptAs).toBeUndefined()
    expect(store.notices[0]!.reason).toMatch(/could not be made \(EPERM\)/)

    const err = await store.update((d) => d.items.push(1)).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(WriteFailedError)
    expect(store.data).toEqual({ items: [] })
    expect(await readFile(file(), 'utf8')).toBe('precious but unreadable')
  })

  it('a file that exists but cannot be read is an error, not a reason to start over', async () => {
    await mkdir(file()) // a folder where the file should be: EISDIR
    const err = await openJsonStore(opts()).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ServiceError)
    expect((err as ServiceError).code).toBe('internal')
  })

  it('rejects store names that could escape the folder or confuse backups', async () => {
    await expect(openJsonStore(opts({ name: '../x' }))).rejects.toThrow(TypeError)
    await expect(openJsonStore(opts({ name: '' }))).rejects.toThrow(TypeError)
  })
})
