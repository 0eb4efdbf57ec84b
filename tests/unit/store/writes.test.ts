// Why: update() is a promise to the student that the change is on disk. These
// tests hold it to that under bursts, failing disks and throwing mutators.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { WriteFailedError } from '../../../src/main/services/errors'
import { nodeStoreFs, type StoreFs } from '../../../src/main/services/store/fs-ops'
import { openJsonStore, type JsonStoreOptions } from '../../../src/main/services/store/json-store'

const Schema = z.object({ items: z.array(z.number()) }).strict()
type Data = z.infer<typeof Schema>

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rd-writes-'))
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
  ...extra
})
const fileText = (): Promise<string> => readFile(join(dir, 'items.json'), 'utf8')
const onDisk = async (): Promise<number[]> => (JSON.parse(await fileText()) as { data: Data }).data.items
const errnoError = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: injected`), { code })

/** A rename that fails with `fault.code` while it is set. */
function faultyRename(): { fault: { code: string | null }; calls: { n: number }; fs: Partial<StoreFs> } {
  const fault: { code: string | null } = { code: null }
  const calls = { n: 0 }
  return {
    fault,
    calls,
    fs: {
      rename: async (from, to) => {
        calls.n++
        if (fault.code) throw errnoError(fault.code)
        await nodeStoreFs.rename(from, to)
      }
    }
  }
}

describe('update()', () => {
  it('writes compact {"schemaVersion":N,"data":…} JSON', async () => {
    const store = await openJsonStore(opts())
    await store.update((d) => d.items.push(1, 2))
    expect(await fileText()).toBe('{"schemaVersion":1,"data":{"items":[1,2]}}')
  })

  it('1,000 un-awaited updates all land, in order, in a handful of writes', async () => {
    const { fs, calls } = faultyRename()
    const store = await openJsonStore(opts({ fs }))
    const pending = Array.from({ length: 1000 }, (_, i) => store.update((d) => d.items.push(i)))
    expect(store.data.items).toHaveLength(1000) // memory is ahead of disk
    await Promise.all(pending)
    expect(calls.n).toBeLessThanOrEqual(2)

    const reopened = await openJsonStore(opts())
    expect(reopened.data.items).toEqual(Array.from({ length: 1000 }, (_, i) => i))
  })

  it('updates arriving while a write is in flight are folded into the next one', async () => {
    const { fs, calls } = faultyRename()
    const store = await openJsonStore(opts({ fs }))
    const first = store.update((d) => d.items.push(0))
    await Promise.resolve()
    await Promise.resolve() // first write has started
    const rest = Array.from({ length: 50 }, (_, i) => store.update((d) => d.items.push(i + 1)))
    await Promise.all([first, ...rest])
    expect(calls.n).toBe(2)
    expect(await onDisk()).toHaveLength(51)
  })

  it.each(['EPERM', 'ENOSPC'])('a %s rename failure rejects with WriteFailedError, rolls memory back, leaves the file alone', async (code) => {
    const { fs, fault } = faultyRename()
    const store = await openJsonStore(opts({ fs }))
    await store.update((d) => d.items.push(1))
    const before = await fileText()

    fault.code = code
    const failing = [store.update((d) => d.items.push(2)), store.update((d) => d.items.push(3))]
    expect(store.data.items).toEqual([1, 2, 3])
    for (const result of await Promise.allSettled(failing)) {
      expect(result.status).toBe('rejected')
      const err = (result as PromiseRejectedResult).reason as WriteFailedError
      expect(err).toBeInstanceOf(WriteFailedError)
      expect(err.code).toBe('write-failed')
      expect(err.errno).toBe(code)
      expect(err.file).toBe(store.path)
      expect(err.message).toMatch(/not saved/)
    }
    expect(store.data.items).toEqual([1])
    expect(await fileText()).toBe(before)
    expect(await readdir(dir)).toEqual(['items.json']) // no temp left behind

    fault.code = null
    await store.update((d) => d.items.push(4))
    expect(store.data.items).toEqual([1, 4])
    expect(await onDisk()).toEqual([1, 4])
  })

  it('a failed temp-file write (disk full) is a WriteFailedError too', async () => {
    let full = false
    const store = await openJsonStore(
      opts({
        fs: {
          writeFile: async (path, data, o) => {
            if (full) {
              await writeFile(path, 'partial') // what a full disk leaves behind
              throw errnoError('ENOSPC')
            }
            await nodeStoreFs.writeFile(path, data, o)
          }
        }
      })
    )
    await store.update((d) => d.items.push(1))
    full = true
    await expect(store.update((d) => d.items.push(2))).rejects.toMatchObject({ code: 'write-failed', errno: 'ENOSPC' })
    expect(store.data.items).toEqual([1])
    expect(await readdir(dir)).toEqual(['items.json'])
    expect(await onDisk()).toEqual([1])
  })

  it('updates queued behind a failing write are replayed on the disk state and still saved', async () => {
    const fault: { code: string | null } = { code: 'EPERM' }
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const store = await openJsonStore(
      opts({
        fs: {
          rename: async (from, to) => {
            if (fault.code) {
              await gate
              fault.code = null
              throw errnoError('EPERM')
            }
            await nodeStoreFs.rename(from, to)
          }
        }
      })
    )
    const failing = store.update((d) => d.items.push(1))
    await new Promise((r) => setTimeout(r, 20)) // the write is now stuck in rename
    const queued = store.update((d) => d.items.push(2))
    expect(store.data.items).toEqual([1, 2])
    release()
    await expect(failing).rejects.toBeInstanceOf(WriteFailedError)
    await queued
    expect(store.data.items).toEqual([2])
    expect(await onDisk()).toEqual([2])
  })

  it('a mutator that throws rejects with its own error and leaves no partial change', async () => {
    const store = await openJsonStore(opts())
    await store.update((d) => d.items.push(1))
    const ok = store.update((d) => d.items.push(2))
    const bad = store.update((d) => {
      d.items.push(99)
      throw new RangeError('refused')
    })
    await expect(bad).rejects.toThrow(RangeError)
    await ok
    expect(store.data.items).toEqual([1, 2])
    expect(await onDisk()).toEqual([1, 2])
  })

  it('validateWrites: a change the schema rejects is refused and rolled back, never written', async () => {
    const store = await openJsonStore(opts({ validateWrites: true }))
    await store.update((d) => d.items.push(1))
    const err = await store
      .update((d) => {
        d.items[5] = 6 // sparse: holes would be saved as null and fail the schema on the next start
      })
      .catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'internal' })
    expect(err).not.toBeInstanceOf(WriteFailedError)
    expect(store.data.items).toEqual([1])
    expect(await onDisk()).toEqual([1])
    await store.update((d) => d.items.push(2))
    expect(await onDisk()).toEqual([1, 2])
  })

  it('refuses an async mutator instead of silently dropping its later changes', async () => {
    const store = await openJsonStore(opts())
    await expect(store.update(async (d) => void d.items.push(1))).rejects.toThrow(/synchronous/)
  })

  it('flush() waits for every pending write, failed or not', async () => {
    const store = await openJsonStore(opts())
    void store.update((d) => d.items.push(1))
    void store.update((d) => d.items.push(2))
    await store.flush()
    expect(await onDisk()).toEqual([1, 2])
    await store.flush() // idle: returns at once
  })

  it('property: after any mix of updates and disk faults, disk = memory = exactly the acknowledged updates, in order', async () => {
    const Op = fc.oneof(
      fc.record({ kind: fc.constant('update' as const), await: fc.boolean() }),
      // Let a write get under way, so later updates queue behind it.
      fc.record({ kind: fc.constant('tick' as const), times: fc.integer({ min: 1, max: 6 }) })
    )
    // The outcome of each successive rename, independent of timing; then success.
    const Faults = fc.array(fc.constantFrom('EPERM', 'ENOSPC', 'EIO', null), { maxLength: 12 })
    await fc.assert(
      fc.asyncProperty(fc.array(Op, { minLength: 1, maxLength: 40 }), Faults, async (ops, faults) => {
        const runDir = await mkdtemp(join(tmpdir(), 'rd-prop-'))
        try {
          const schedule = [...faults]
          const fs: Partial<StoreFs> = {
            rename: async (from, to) => {
              const code = schedule.shift()
              if (code) throw errnoError(code)
              await nodeStoreFs.rename(from, to)
            }
          }
          const store = await openJsonStore(opts({ dir: runDir, fs, fsync: false }))
          const outcomes = new Map<number, Promise<boolean>>()
          let next = 0
          for (const op of ops) {
            if (op.kind === 'tick') {
              for (let i = 0; i < op.times; i++) await new Promise((r) => setImmediate(r))
              continue
            }
            const value = next++
            const p = store
              .update((d) => d.items.push(value))
              .then(
                () => true,
                (e: unknown) => {
                  if (!(e instanceof WriteFailedError)) throw e
                  return false
                }
              )
            outcomes.set(value, p)
            if (op.await) await p
          }
          await store.flush()
          const landed: number[] = []
          for (const [value, p] of outcomes) if (await p) landed.push(value)

          expect(store.data.items).toEqual(landed)
          const reopened = await openJsonStore(opts({ dir: runDir }))
          expect(reopened.notices).toEqual([])
          expect(reopened.data.items).toEqual(landed)
        } finally {
          await rm(runDir, { recursive: true, force: true })
        }
      }),
      { numRuns: 150 }
    )
  })

  it('saves a 20k-review-log state (~3 MB) whole, every update on disk when it resolves', async () => {
    // Correctness only: how fast this is belongs to npm run bench, not to a timed test.
    const Log = z.object({ id: z.string(), cardId: z.string(), at: z.string(), grade: z.number(), interval: z.number(), ease: z.number(), note: z.string() })
    const Big = z.object({ logs: z.array(Log) })
    const store = await openJsonStore({ dir, name: 'reviews', schema: Big, version: 1, defaults: () => ({ logs: [] as z.infer<typeof Log>[] }) })
    await store.update((d) => {
      for (let i = 0; i < 20_000; i++) {
        d.logs.push({
          id: `log-${i}`,
          cardId: `card-${i % 900}`,
          at: new Date(1.7e12 + i * 6e4).toISOString(),
          grade: i % 4,
          interval: i % 60,
          ease: 2.5,
          note: 'x'.repeat(50)
        })
      }
    })
    for (let i = 0; i < 15; i++) {
      await store.update((d) => void (d.logs[i]!.grade = 9))
      const onDisk = JSON.parse(await readFile(store.path, 'utf8')) as { data: { logs: { grade: number }[] } }
      expect(onDisk.data.logs.slice(0, i + 1).every((log) => log.grade === 9)).toBe(true)
    }
    expect((await readFile(store.path)).length).toBeGreaterThan(2_500_000)
  })
})
