// Why: answers are appended to the journal in place and the history is kept
// in parts of ARCHIVE_BLOCK ids per month, so no save rewrites a big file.
// These check the bookkeeping that makes that safe: ids never repeat, a part
// holds only its own ids, and a study.json restored from an older backup
// replays the history without counting a review twice. Correctness only:
// speed is in bench/run.ts.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createScheduler, type StoredCard } from '../../../src/main/services/study/scheduler'
import type { LogEntry, NewLogEntry } from '../../../src/main/services/study/study-schema'
import { ARCHIVE_BLOCK, archiveKey, StudyStore } from '../../../src/main/services/study/study-store'
import { IST } from './helpers'

let dir: string
const cards = new Map<string, StoredCard>()
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rd-study-store-'))
  cards.clear()
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const scheduler = createScheduler()
/** Reviews of items q-0…q-9, an hour apart from `start`. */
function reviews(count: number, start: number): NewLogEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const at = new Date(start + i * 3_600_000)
    const itemId = `q:q-${i % 10}`
    const prev = cards.get(itemId)
    const { card, log } = scheduler.review(prev, at, 3)
    cards.set(itemId, card)
    return {
      packId: 'p',
      itemId,
      at: at.toISOString(),
      day: IST.dayOf(at),
      rating: 3,
      source: 'study',
      fresh: !prev,
      card,
      log,
      ...(prev ? { prevDue: prev.due } : {})
    }
  })
}
const readData = async (name: string) => (JSON.parse(await readFile(join(dir, name), 'utf8')) as { data: { entries: LogEntry[] } }).data
const NOV = Date.parse('2026-11-29T00:00:00.000Z')

describe('study journal appends', () => {
  it('never gives an id out twice, across appends, undo and reopening', async () => {
    let store = await StudyStore.open({ dir, checkpointAt: 1000 })
    const first = await store.append(reviews(3, NOV))
    const second = await store.append(reviews(2, NOV))
    expect([...first, ...second].map((e) => e.id)).toEqual([1, 2, 3, 4, 5])
    await store.remove(second[1] as LogEntry)
    const third = await store.append(reviews(1, NOV))
    expect(third[0]?.id).toBe(6)
    await store.flush()
    store = await StudyStore.open({ dir, checkpointAt: 1000 })
    expect(store.liveEntries().map((e) => e.id)).toEqual([1, 2, 3, 4, 6])
    expect((await store.append(reviews(1, NOV)))[0]?.id).toBe(7)
  })
})

describe('history parts', () => {
  it('puts each review in the part for its month and block of ids, and reads them back merged', async () => {
    const store = await StudyStore.open({ dir, checkpointAt: 1_000_000, keepLive: 0 })
    // Crosses a month boundary and a block boundary.
    for (let i = 0; i < 3; i++) {
      await store.append(reviews(ARCHIVE_BLOCK / 2, NOV + i * (ARCHIVE_BLOCK / 2) * 3_600_000))
      await store.checkpoint()
    }
    await store.flush()
    const files = (await readdir(dir)).filter((n) => n.startsWith('study-log-')).sort()
    expect(files.length).toBeGreaterThanOrEqual(3)
    for (const name of files) {
      const key = /^study-log-(.*)\.json$/.exec(name)?.[1]
      const { entries } = await readData(name)
      expect(entries.length).toBeLessThanOrEqual(ARCHIVE_BLOCK)
      for (const e of entries) expect(archiveKey(e)).toBe(key)
    }
    const history = await store.history('p')
    expect(history.map((e) => e.id)).toEqual(Array.from({ length: (3 * ARCHIVE_BLOCK) / 2 }, (_, i) => i + 1))
    const exported = await store.exportAll()
    expect(Object.keys(exported.logs)).toEqual(['2026-11', '2026-12', '2027-01'])
    expect(Object.values(exported.logs).flatMap((l) => l.entries.map((e) => e.id))).toEqual(history.map((e) => e.id))
  })

  it('replays the history into a study.json restored from before the last checkpoint, counting each review once', async () => {
    const seed = await StudyStore.open({ dir, checkpointAt: 1_000_000, keepLive: 0 })
    const written = await seed.append(reviews(30, NOV))
    await seed.checkpoint()
    await seed.flush()
    // study.json from a backup taken before any of it was folded: the history is replayed.
    const snapshot = JSON.parse(await readFile(join(dir, 'study.json'), 'utf8'))
    snapshot.data.appliedThrough = 0
    snapshot.data.packs = {}
    await writeFile(join(dir, 'study.json'), JSON.stringify(snapshot))
    const store = await StudyStore.open({ dir })
    expect((await store.history('p')).map((e) => e.id)).toEqual(written.map((e) => e.id))
    const days = [...store.dailyCounts('p').values()].reduce((n, c) => n + c.reviews, 0)
    expect(days).toBe(30)
    expect(store.card('p', 'q:q-3')).toEqual(written.filter((e) => e.itemId === 'q:q-3').at(-1)?.card)
    expect((await store.exportAll()).logs['2026-11']?.entries.map((e) => e.id)).toEqual(written.filter((e) => e.at < '2026-12').map((e) => e.id))
  })

  it('replaces a month in its parts and empties the month’s other files', async () => {
    const store = await StudyStore.open({ dir, checkpointAt: 1_000_000, keepLive: 0 })
    const written = await store.append(reviews(10, NOV))
    await store.checkpoint()
    // Another part of November on disk (ids of a later block) that the restored month does not have.
    const stray = { ...(written[0] as LogEntry), id: 7 * ARCHIVE_BLOCK }
    await writeFile(join(dir, 'study-log-2026-11_b7.json'), JSON.stringify({ schemaVersion: 1, data: { entries: [stray] } }))
    const keep = written.slice(2, 4)
    await store.replaceAll({ logs: { '2026-11': { entries: keep } } })
    expect((await store.exportAll()).logs).toEqual({ '2026-11': { entries: keep } })
    expect((await readData('study-log-2026-11_b7.json')).entries).toEqual([])
    const reopened = await StudyStore.open({ dir })
    expect((await reopened.history('p')).map((e) => e.id)).toEqual(keep.map((e) => e.id))
  })
})
