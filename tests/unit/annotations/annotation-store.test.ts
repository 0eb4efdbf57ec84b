// Why: annotations are saved through a small journal that is folded into
// the saved state (annotations-meta.json and the annotations-part-NN.json
// files) now and then; a fold that stops half-way, or a write that fails,
// must never lose, duplicate or invent an annotation.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AnnotationView } from '../../../src/shared/annotations'
import { ANNOTATION_PARTS, partOf } from '../../../src/main/services/annotations/annotation-store'
import type { StoreFs } from '../../../src/main/services/store/fs-ops'
import { diskFullFaults, renameFaults } from './faults'
import { openWith, removeDir, savedOnDisk, tempDir, twoSectionPack } from './helpers'

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
  it('folds the journal into the saved state every few changes, and a restart sees the same', async () => {
    const service = await openWith(dir, [twoSectionPack()], { checkpointAt: 3 })
    const words = ['India', 'Russia', 'met', 'New', 'Delhi']
    const added: AnnotationView[] = []
    for (const w of words) added.push(await service.add({ ...base, selector: { exact: w } }))
    await service.update({ id: added[0]!.id, note: 'edited' })
    await service.delete(added[1]!.id)
    await service.flush()

    const snapshot = await savedOnDisk(dir)
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

    // The saved state has the fold; the journal on disk still has every entry.
    expect(Object.keys((await savedOnDisk(dir)).annotations)).toEqual([b.id])
    expect((await fileData('annotations-journal.json')).entries).toHaveLength(3)

    const reopened = await openWith(dir, [twoSectionPack()])
    expect(reopened.list('tiny')).toEqual([b])
    expect(await reopened.restore(a.id)).toEqual(a)
    expect(
      reopened
        .list('tiny')
        .map((x) => x.id)
        .sort()
    ).toEqual([a.id, b.id].sort())
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

  it('keeps each annotation in the one part its id names', async () => {
    const service = await openWith(dir, [twoSectionPack()], { checkpointAt: 5 })
    const words = ['India', 'Russia', 'met', 'New', 'Delhi', 'ndia', 'ussia', 'Ne', 'Del', 'lhi', 'Rus', 'Ind']
    const added: AnnotationView[] = []
    for (const w of words) added.push(await service.add({ ...base, selector: { exact: w } }))
    await service.delete(added[3]!.id)
    await service.store.checkpoint()
    await service.flush()
    const parts = (await readdir(dir)).filter((n) => n.startsWith('annotations-part-')).sort()
    expect(parts.length).toBeGreaterThan(1)
    const seen: string[] = []
    for (const name of parts) {
      const n = Number(/(\d\d)\.json$/.exec(name)?.[1])
      expect(n).toBeLessThan(ANNOTATION_PARTS)
      for (const id of Object.keys((await fileData(name)).annotations)) {
        expect(partOf(id)).toBe(n)
        seen.push(id)
      }
    }
    expect(seen.sort()).toEqual(
      added
        .filter((_, i) => i !== 3)
        .map((a) => a.id)
        .sort()
    )
    expect((await fileData('annotations-meta.json')).trash.map((t: { annotation: { id: string } }) => t.annotation.id)).toEqual([added[3]!.id])
  })

  it('loses and doubles nothing when a fold stops between the parts and the trash', async () => {
    const faults = renameFaults()
    const service = await openWith(dir, [twoSectionPack()], { checkpointAt: 1000, store: { fs: faults.fs } })
    const a = await service.add({ ...base, selector: { exact: 'India' } })
    const b = await service.add({ ...base, selector: { exact: 'Russia' } })
    await service.delete(a.id)
    faults.failWhen = (to) => to.endsWith('annotations-meta.json')
    await expect(service.store.checkpoint()).rejects.toMatchObject({ code: 'write-failed' })
    faults.failWhen = () => false
    expect(service.list('tiny')).toEqual([b])

    const reopened = await openWith(dir, [twoSectionPack()])
    expect(reopened.list('tiny')).toEqual([b])
    // Folding again over the parts that already have it: the deleted one is in the trash once.
    await reopened.store.checkpoint()
    expect(reopened.list('tiny')).toEqual([b])
    expect(await savedOnDisk(dir)).toMatchObject({ appliedThrough: 3, annotations: { [b.id]: { id: b.id } } })
    expect((await savedOnDisk(dir)).trash).toHaveLength(1)
    expect(await reopened.restore(a.id)).toEqual(a)
    await reopened.flush()
    await reopened.store.checkpoint()
    expect((await savedOnDisk(dir)).trash).toHaveLength(0)
  })

  it('reports a fold that fails on a full disk, loses no highlight, and clears the notice once a retry succeeds', async () => {
    const faults = diskFullFaults()
    faults.failWhen = (path) => /annotations-(part-\d\d|meta)\.json/.test(path)
    const service = await openWith(dir, [twoSectionPack()], { checkpointAt: 2, retryMs: 20, store: { fs: faults.fs } })
    const added: AnnotationView[] = []
    for (const w of ['India', 'Russia', 'met', 'New']) added.push(await service.add({ ...base, selector: { exact: w } }))
    await service.update({ id: added[0]!.id, note: 'kept' })
    await service.delete(added[1]!.id)
    await service.flush()

    expect(faults.failed).toBeGreaterThan(0)
    expect(service.notices()).toEqual([
      expect.objectContaining({ kind: 'checkpoint-failed', reason: expect.stringMatching(/ENOSPC.*annotations-journal\.json/s) })
    ])
    expect((await fileData('annotations-journal.json')).entries).toHaveLength(6)
    expect((await savedOnDisk(dir)).appliedThrough).toBe(0)
    const expected = service.list('tiny')
    expect(expected.map((a) => a.id).sort()).toEqual([added[0]!.id, added[2]!.id, added[3]!.id].sort())
    const meanwhile = await openWith(dir, [twoSectionPack()], { checkpointAt: 1000 })
    expect(meanwhile.list('tiny')).toEqual(expected)

    faults.failWhen = () => false
    await vi.waitFor(() => expect(service.notices()).toEqual([]), { timeout: 5000 })
    await service.flush()
    expect((await fileData('annotations-journal.json')).entries).toEqual([])
    expect(Object.keys((await savedOnDisk(dir)).annotations).sort()).toEqual(expected.map((a) => a.id).sort())
    const reopened = await openWith(dir, [twoSectionPack()])
    expect(reopened.list('tiny')).toEqual(expected)
    expect(await reopened.restore(added[1]!.id)).toEqual(added[1])
    await reopened.flush()
  })
})
