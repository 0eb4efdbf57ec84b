// Why: study answers and annotation changes both ride on one journaled store,
// so its promises are pinned here on a toy store (values by key, folded into
// one file per first letter): every acknowledged change survives checkpoints
// and reopening, each change sees the ones before it, a checkpoint that fails
// on a full disk is reported and retried (never silent, never lossy), and an
// undo whose write fails while a checkpoint runs is not lost.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as z from 'zod'
import type { StoreFs } from '../../../src/main/services/store/fs-ops'
import { FileShelf, groupBy } from '../../../src/main/services/store/file-shelf'
import { JournaledStore, openJournal, type JournalSpec } from '../../../src/main/services/store/journaled-store'
import { openJsonStore } from '../../../src/main/services/store/json-store'
import { diskFullFaults, renameFaults } from '../annotations/faults'

const Entry = z.object({ seq: z.number().int().min(1), key: z.string().regex(/^[a-z]+$/), value: z.number() }).strict()
type Entry = z.infer<typeof Entry>
type Journal = { nextSeq: number; entries: Entry[] }
const SPEC: JournalSpec<Journal> = {
  name: 'toy-journal',
  version: 1,
  schema: z.object({ nextSeq: z.number().int().min(1), entries: z.array(Entry) }).strict(),
  defaults: () => ({ nextSeq: 1, entries: [] }),
  seq: 'seq',
  next: 'nextSeq'
}
const Head = z.object({ appliedThrough: z.number().int().min(0) }).strict()
const Part = z.object({ values: z.record(z.string(), z.number()) }).strict()
type Part = z.infer<typeof Part>

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rd-journaled-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const clock = (): Date => new Date('2026-11-02T09:30:00.000Z')

async function openToy(opts: { fs?: Partial<StoreFs>; checkpointAt?: number; keepLive?: number; retryMs?: number } = {}) {
  const files = { dir, clock, keepBackups: 0, ...(opts.fs ? { fs: opts.fs } : {}) }
  const [head, journal] = await Promise.all([
    openJsonStore({ ...files, name: 'toy', version: 1, schema: Head, defaults: () => ({ appliedThrough: 0 }) }),
    openJournal(SPEC, files)
  ])
  const shelf = new FileShelf<Part>({ prefix: 'toy-', key: /^[a-z]$/, schema: Part, version: 1, defaults: () => ({ values: {} }) }, files)
  const store = new JournaledStore<Journal, Entry, Omit<Entry, 'seq'>, Map<string, number>>(
    journal,
    SPEC,
    {
      appliedThrough: () => head.data.appliedThrough,
      start: () => new Map(),
      add: (view, e) => void view.set(e.key, e.value),
      async fold(entries, through) {
        await shelf.fold(
          groupBy(entries, (e) => e.key.slice(0, 1)),
          (draft, group) => group.forEach((e) => (draft.values[e.key] = e.value))
        )
        await head.update((draft) => void (draft.appliedThrough = Math.max(draft.appliedThrough, through)))
      }
    },
    { what: 'older values', clock, ...opts }
  )
  store.resume()
  const value = async (key: string): Promise<number | undefined> => store.view().get(key) ?? (await shelf.open(key.slice(0, 1))).data.values[key]
  const set = (key: string, value: number) => store.append(() => [{ key, value }])
  return { store, head, shelf, value, set }
}

const journalOnDisk = async (): Promise<Journal> => JSON.parse(await readFile(join(dir, 'toy-journal.json'), 'utf8')).data

describe('journaled store', () => {
  it('decides each change on the ones before it, and keeps every one through checkpoints and a reopen', async () => {
    const toy = await openToy({ checkpointAt: 3 })
    // Five increments at once: each is decided on the view, pending ones included.
    const bump = () => toy.store.append((view) => [{ key: 'count', value: (view.get('count') ?? 0) + 1 }])
    const written = await Promise.all([bump(), bump(), bump(), bump(), bump()])
    expect(written.map(([e]) => e?.value)).toEqual([1, 2, 3, 4, 5])
    for (const [i, key] of ['apple', 'banana', 'cherry', 'avocado'].entries()) await toy.set(key, i)
    await toy.store.flush()
    expect((await journalOnDisk()).entries.length).toBeLessThanOrEqual(3)
    expect(toy.head.data.appliedThrough).toBeGreaterThan(0)

    const again = await openToy({ checkpointAt: 3 })
    for (const [key, v] of Object.entries({ count: 5, apple: 0, banana: 1, cherry: 2, avocado: 3 })) expect(await again.value(key)).toBe(v)
    expect((await again.set('date', 9))[0]?.seq).toBe(10)
  })

  it('reports a checkpoint that fails on a full disk, keeps every change in the journal, and clears the notice once a retry succeeds', async () => {
    const faults = diskFullFaults()
    faults.failWhen = (path) => !path.includes('toy-journal')
    const toy = await openToy({ fs: faults.fs, checkpointAt: 2, retryMs: 20 })
    for (let i = 1; i <= 6; i++) await toy.set(`k${'abc'[i % 3]}`, i)
    await toy.store.flush()

    expect(faults.failed).toBeGreaterThan(0)
    expect(toy.store.notices).toHaveLength(1)
    const [notice] = toy.store.notices
    expect(notice).toMatchObject({ kind: 'checkpoint-failed', reason: expect.stringMatching(/ENOSPC.*Nothing is lost.*toy-journal\.json/s) })
    expect((await journalOnDisk()).entries.map((e) => e.value)).toEqual([1, 2, 3, 4, 5, 6])
    expect(toy.head.data.appliedThrough).toBe(0)
    // A restart now would load every change from the journal.
    const meanwhile = await openToy({ checkpointAt: 1000 })
    expect(await meanwhile.value('ka')).toBe(6)

    // Still failing: the same notice (not a new one per attempt), counting the failures.
    await vi.waitFor(() => expect(toy.store.notices[0]?.reason).toMatch(/times in a row/), { timeout: 2000 })
    expect(toy.store.notices.map((n) => n.id)).toEqual([notice!.id])

    faults.failWhen = () => false
    await vi.waitFor(() => expect(toy.store.notices).toEqual([]), { timeout: 5000 })
    await toy.store.flush()
    expect(toy.head.data.appliedThrough).toBe(6)
    expect((await journalOnDisk()).entries).toEqual([])
    const reopened = await openToy()
    expect([await reopened.value('ka'), await reopened.value('kb'), await reopened.value('kc')]).toEqual([6, 4, 5])
  })

  it('starts no checkpoint, not even a due retry, while a backup or restore holds the files', async () => {
    const faults = diskFullFaults()
    faults.failWhen = (path) => !path.includes('toy-journal')
    const toy = await openToy({ fs: faults.fs, checkpointAt: 2, retryMs: 10 })
    for (let i = 1; i <= 4; i++) await toy.set('ka', i)
    await toy.store.flush()
    expect(toy.store.notices).toHaveLength(1)
    faults.failWhen = () => false
    const seen = await toy.store.hold(async () => {
      await new Promise((resolve) => setTimeout(resolve, 100))
      return { applied: toy.head.data.appliedThrough, journal: (await journalOnDisk()).entries.length }
    })
    expect(seen).toEqual({ applied: 0, journal: 4 })
    // Once released, the retry that fell due meanwhile runs.
    await vi.waitFor(() => expect(toy.store.notices).toEqual([]), { timeout: 5000 })
    await toy.store.flush()
    expect(toy.head.data.appliedThrough).toBe(4)
  })

  it('folds an undone change back in when its removal fails while a checkpoint is picking', async () => {
    const faults = renameFaults()
    const toy = await openToy({ fs: faults.fs, checkpointAt: 1000 })
    const written = (await Promise.all(['ka', 'kb', 'kc', 'kd'].map((key, i) => toy.set(key, i + 1)))).flat()
    let once = true
    faults.failWhen = (to) => to.endsWith('toy-journal.json') && once && !(once = false)
    const removing = toy.store.remove(written[2]!.seq)
    const checkpoint = toy.store.checkpoint(0)
    await expect(removing).rejects.toMatchObject({ code: 'write-failed' })
    await checkpoint
    expect(toy.head.data.appliedThrough).toBe(4)
    expect((await toy.shelf.open('k')).data.values).toEqual({ ka: 1, kb: 2, kc: 3, kd: 4 })
    expect((await journalOnDisk()).entries).toEqual([])
  })
})
