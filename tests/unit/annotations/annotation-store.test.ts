// Why: annotations are saved through a small journal that is folded into
// annotations.json now and then; a fold that stops half-way, or a write that
// fails, must never lose, duplicate or invent an annotation.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AnnotationView } from '../../../src/shared/annotations'
import type { StoreFs } from '../../../src/main/services/store/fs-ops'
import { renameFaults } from './faults'
import { openWith, removeDir, tempDir, twoSectionPack } from './helpers'

let dir: string
beforeEach(async () => {
  dir = await tempDir()
})
afterEach(async () => {
  await removeDir(dir)
})

const fileData = async (name: string) => JSON.parse(await readFile(join(dir, name), 'utf8')).data
const base = { packId: 'tiny', blockId: 'blk-a', color: 'yellow' as const }

describe('annotation journal', () => {
  it('folds the journal into annotations.json every few changes, and a restart sees the same', async () => {
    const service = await openWith(dir, [twoSectionPack()], { checkpointAt: 3 })
    const words = ['India', 'Russia', 'met', 'New', 'Delhi']
    const added: AnnotationView[] = []
    for (const w of words) added.push(await service.add({ ...base, selector: { exact: w } }))
    await service.update({ id: added[0]!.id, note: 'edited' })
    await service.delete(added[1]!.id)
    await service.flush()

    const snapshot = await fileData('annotations.json')
    const journal = await fileData('annotations-journal.json')
    expect(snapshot.appliedThrough).toBeGreaterThan(0)
    expect(journal.entries.length).toBeLessThanOrEqual(3)
    expect(journal.entries.every((e: { seq: number }) => e.seq > snapshot.appliedThrough)).toBe(true)

    const before = service.list('tiny')
    expect(before).toHaveLength(4)
    expect(before.find((a) => a.id === added[0]!.id)?.note).toBe('edited')
    const reopened = await openWith(dir, [twoSectionPack()], { checkpointAt: 3 })
    expect(reopened.list('tiny')).toEqual(before)
    expect(await reopened.restore(added[1]!.id)).toEqual(added[1])
    await reopened.flush()
  })

  it('loses and duplicates nothing when the journal trim after a fold fails', async () => {
    const faults = renameFaults()
    const service = await openWith(dir, [twoSectionPack()], { checkpointAt: 1000, store: { fs: faults.fs } })
    const a = await service.add({ ...base, selector: { exact: 'India' } })
    const b = await service.add({ ...base, selector: { exact: 'Russia' } })
    await service.delete(a.id)
    faults.failWhen = (to) => to.endsWith('annotations-journal.json')
    await expect(service.store.checkpoint()).rejects.toMatchObject({ code: 'write-failed' })
    faults.failWhen = () => false

    // annotations.json has the fold; the journal on disk still has every entry.
    expect(Object.keys((await fileData('annotations.json')).annotations)).toEqual([b.id])
    expect((await fileData('annotations-journal.json')).entries).toHaveLength(3)

    const reopened = await openWith(dir, [twoSectionPack()])
    expect(reopened.list('tiny')).toEqual([b])
    expect(await reopened.restore(a.id)).toEqual(a)
    expect(reopened.list('tiny').map((x) => x.id).sort()).toEqual([a.id, b.id].sort())
    await reopened.flush()
    // Reopening finished the interrupted checkpoint: the folded entries are gone from the journal.
    expect((await fileData('annotations-journal.json')).entries.every((e: { seq: number }) => e.seq > 3)).toBe(true)
  })

  it('refuses an edit that was queued behind an add whose save failed', async () => {
    const slowFail: Partial<StoreFs> = {
      rename: async () => {
        await sleep(30)
        throw Object.assign(new Error('read-only'), { code: 'EROFS' })
      }
    }
    const service = await openWith(dir, [twoSectionPack()], { store: { fs: slowFail } })
    const adding = service.add({ ...base, selector: { exact: 'India' } })
    await sleep(5)
    const [pending] = service.list('tiny')
    const editing = service.update({ id: pending!.id, note: 'too soon' })
    await expect(adding).rejects.toMatchObject({ code: 'write-failed' })
    await expect(editing).rejects.toMatchObject({ code: 'not-found' })
    expect(service.list('tiny')).toEqual([])
  })
})
