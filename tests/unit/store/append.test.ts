// Why: the study journal saves each answer by appending it to the file in
// place (one small write and an fdatasync instead of a whole new file). The
// promise is the same as update()'s: resolved means on disk, the file is whole
// JSON after every save, a failed save rolls memory back, and a save cut short
// by a crash or power loss never costs anything that was confirmed.
import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { WriteFailedError } from '../../../src/main/services/errors'
import { nodeStoreFs, type StoreFs } from '../../../src/main/services/store/fs-ops'
import { openAppendableJsonStore, type AppendableStoreOptions } from '../../../src/main/services/store/json-store'

const Entry = z.object({ id: z.number().int().min(1), note: z.string() }).strict()
const Schema = z.object({ nextId: z.number().int().min(1), entries: z.array(Entry) }).strict()
type Data = z.infer<typeof Schema>

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rd-append-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const file = (): string => join(dir, 'log.json')
const opts = (extra: Partial<AppendableStoreOptions<Data, 'entries'>> = {}): AppendableStoreOptions<Data, 'entries'> => ({
  dir,
  name: 'log',
  schema: Schema,
  version: 1,
  defaults: () => ({ nextId: 1, entries: [] }),
  appendTo: 'entries',
  keepBackups: 0,
  ...extra
})
const onDisk = async (): Promise<Data> => (JSON.parse(await readFile(file(), 'utf8')) as { data: Data }).data
const add = (store: Awaited<ReturnType<typeof openAppendableJsonStore<Data, 'entries'>>>, ...notes: string[]) =>
  store.append((draft) => {
    const made = notes.map((note) => ({ id: draft.nextId++, note }))
    return made
  })

/** Counts whole-file writes (renames) and in-place writes; can fail either. */
function countingFs(): {
  fs: Partial<StoreFs>
  renames: { n: number }
  inPlace: { n: number }
  failInPlace: { on: boolean; partial: boolean; gate?: Promise<void> }
} {
  const renames = { n: 0 }
  const inPlace = { n: 0 }
  const failInPlace: { on: boolean; partial: boolean; gate?: Promise<void> } = { on: false, partial: false }
  return {
    renames,
    inPlace,
    failInPlace,
    fs: {
      rename: async (from, to) => {
        renames.n++
        await nodeStoreFs.rename(from, to)
      },
      openInPlace: async (path, durable) => {
        const real = await nodeStoreFs.openInPlace(path, durable)
        return {
          size: () => real.size(),
          close: () => real.close(),
          writeAt: async (data, position) => {
            inPlace.n++
            if (failInPlace.gate) await failInPlace.gate
            if (failInPlace.on) {
              // A disk that fills up half-way through the save.
              if (failInPlace.partial) await real.writeAt(data.subarray(0, Math.floor(data.length / 2)), position)
              throw Object.assign(new Error('ENOSPC: injected'), { code: 'ENOSPC' })
            }
            await real.writeAt(data, position)
          }
        }
      }
    }
  }
}

describe('append()', () => {
  it('writes only the new items after the first save, and the file is whole JSON after each', async () => {
    const io = countingFs()
    const store = await openAppendableJsonStore(opts({ fs: io.fs }))
    await add(store, 'a')
    expect(io.renames.n).toBe(1) // first save after opening: the whole file, so its end is known
    for (const note of ['b', 'c', 'd']) {
      await add(store, note)
      expect((await onDisk()).entries.map((e) => e.note)).toEqual(['a', 'b', 'c', 'd'].slice(0, ['a', 'b', 'c', 'd'].indexOf(note) + 1))
    }
    expect(io.renames.n).toBe(1)
    expect(io.inPlace.n).toBe(3)
    const again = await openAppendableJsonStore(opts())
    expect(again.data.entries.map((e) => e.id)).toEqual([1, 2, 3, 4])
    expect(again.notices).toEqual([])
  })

  it('folds a burst of appends into one write and an update() into a whole-file write', async () => {
    const io = countingFs()
    const store = await openAppendableJsonStore(opts({ fs: io.fs }))
    await add(store, 'first')
    await Promise.all([add(store, 'x'), add(store, 'y', 'z'), add(store, 'w')])
    expect(io.inPlace.n).toBe(1)
    await Promise.all([add(store, 'p'), store.update((d) => void (d.entries = d.entries.filter((e) => e.note !== 'x'))), add(store, 'q')])
    expect(io.renames.n).toBe(2)
    await add(store, 'r')
    expect(io.inPlace.n).toBe(2)
    expect((await onDisk()).entries.map((e) => e.note)).toEqual(['first', 'y', 'z', 'w', 'p', 'q', 'r'])
    // Only the items reach the disk with an append; nextId follows at the next whole write.
    expect((await openAppendableJsonStore(opts())).data.entries).toEqual(store.data.entries)
  })

  it('keeps the array last in the file whatever order the data has', async () => {
    const store = await openAppendableJsonStore(opts())
    await store.replace({ entries: [{ id: 1, note: 'a' }], nextId: 2 } as Data)
    expect(await readFile(file(), 'utf8')).toBe('{"schemaVersion":1,"data":{"nextId":2,"entries":[\n{"id":1,"note":"a"}]}}')
    await add(store, 'b')
    expect((await onDisk()).entries).toHaveLength(2)
  })

  it('gives the same bytes for the same data, appended or written whole', async () => {
    const store = await openAppendableJsonStore(opts())
    await store.append(() => [{ id: 1, note: 'a' }])
    await store.append(() => [{ id: 2, note: 'b' }])
    await Promise.all([store.append(() => [{ id: 3, note: 'c' }]), store.append(() => [{ id: 4, note: 'd' }])])
    const appended = await readFile(file(), 'utf8')
    // A restore puts back exactly this data through replace(): a whole-file write.
    await store.replace(structuredClone(store.data))
    expect(await readFile(file(), 'utf8')).toBe(appended)
  })

  it('rejects a failed append, rolls memory back, and writes the whole file next time', async () => {
    for (const partial of [false, true]) {
      await rm(file(), { force: true })
      const io = countingFs()
      const store = await openAppendableJsonStore(opts({ fs: io.fs }))
      await add(store, 'a', 'b')
      io.failInPlace.on = true
      io.failInPlace.partial = partial
      await expect(add(store, 'lost')).rejects.toBeInstanceOf(WriteFailedError)
      expect(store.data.entries.map((e) => e.note)).toEqual(['a', 'b'])
      io.failInPlace.on = false
      const renames = io.renames.n
      await add(store, 'c')
      expect(io.renames.n).toBe(renames + 1)
      expect((await onDisk()).entries.map((e) => e.note)).toEqual(['a', 'b', 'c'])
      const again = await openAppendableJsonStore(opts())
      expect(again.data.entries.map((e) => e.note)).toEqual(['a', 'b', 'c'])
      expect(again.notices).toEqual([])
    }
  })

  it('decides again the appends queued behind a failed write, and saves them', async () => {
    const io = countingFs()
    const store = await openAppendableJsonStore(opts({ fs: io.fs }))
    await add(store, 'a')
    let release = (): void => undefined
    io.failInPlace.on = true
    io.failInPlace.gate = new Promise<void>((resolve) => (release = resolve))
    const failed = add(store, 'fails')
    while (io.inPlace.n === 0) await new Promise((resolve) => setImmediate(resolve))
    const queued = add(store, 'queued')
    expect(store.data.entries.map((e) => e.id)).toEqual([1, 2, 3])
    release()
    await expect(failed).rejects.toBeInstanceOf(WriteFailedError)
    await queued
    io.failInPlace.on = false
    expect(store.data.entries).toEqual([
      { id: 1, note: 'a' },
      { id: 2, note: 'queued' }
    ])
    expect((await onDisk()).entries).toEqual(store.data.entries)
  })

  it('refuses append() on a store opened without appendTo', async () => {
    const { appendTo: _omit, ...plain } = opts()
    const store = (await openAppendableJsonStore({ ...plain, appendTo: undefined as unknown as 'entries' })) as unknown as {
      append: (d: () => unknown[]) => Promise<void>
    }
    await expect(store.append(() => [])).rejects.toBeInstanceOf(TypeError)
  })
})

describe('a save cut short', () => {
  it('loses nothing confirmed, wherever the last append stopped', async () => {
    const store = await openAppendableJsonStore(opts())
    await add(store, 'a')
    await add(store, 'b', 'ü-multibyte')
    const confirmed = await readFile(file())
    await add(store, 'unconfirmed-1', 'unconfirmed-2')
    const full = await readFile(file())
    // The append wrote over the closing `]}}`: cut it anywhere after that point.
    for (let length = confirmed.length - 3; length < full.length; length++) {
      await writeFile(file(), full.subarray(0, length))
      const reopened = await openAppendableJsonStore(opts())
      const notes = reopened.data.entries.map((e) => e.note)
      expect(notes.slice(0, 3)).toEqual(['a', 'b', 'ü-multibyte'])
      expect(notes.length).toBeLessThanOrEqual(5)
      expect(reopened.notices).toHaveLength(1)
      expect(reopened.notices[0]).toMatchObject({ kind: 'recovered', restoredFrom: 'repaired' })
      // Saving again works and leaves whole JSON.
      await add(reopened, 'after')
      expect((await onDisk()).entries.at(-1)?.note).toBe('after')
      for (const name of await readdir(dir)) if (name.includes('.corrupt-')) await rm(join(dir, name))
    }
  })

  it('keeps the cut file byte for byte', async () => {
    const store = await openAppendableJsonStore(opts())
    await add(store, 'a')
    await add(store, 'b')
    const full = await readFile(file())
    await truncate(file(), full.length - 5)
    const torn = await readFile(file())
    const reopened = await openAppendableJsonStore(opts())
    expect(reopened.data.entries.map((e) => e.note)).toEqual(['a'])
    const kept = (await readdir(dir)).find((n) => n.includes('.corrupt-'))
    expect(kept).toBeDefined()
    expect(await readFile(join(dir, kept as string))).toEqual(torn)
  })
})
