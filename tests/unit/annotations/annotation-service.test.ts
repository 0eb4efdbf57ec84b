// Why: nothing a student marks may be lost: every change is on disk before it
// is confirmed, survives a restart and a changed pack, and undo is exact.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../../src/main/dispatch'
import type { Handlers } from '../../../src/shared/contract'
import { quoteSelector, blockPlainText } from '../../../src/shared/domain/anchoring'
import { NOTE_MAX_CHARS } from '../../../src/shared/domain/annotations'
import { openReadingServices } from '../../../src/main/services/annotations/reading-services'
import { createPackService } from '../../../src/main/services/packs/pack-service'
import type { StoreFs } from '../../../src/main/services/store/fs-ops'
import { FIXED, fixedClock, openWith, removeDir, savedOnDisk, tempDir, twoSectionPack } from './helpers'

let dir: string
beforeEach(async () => {
  dir = await tempDir()
})
afterEach(async () => {
  await removeDir(dir)
})

/** What a fresh start would load: the saved state plus the journal entries past its checkpoint. */
const onDisk = async (): Promise<{ annotations: Record<string, { note: string; color: string }>; trash: { annotation: { id: string } }[] }> => {
  const read = async (name: string) => {
    try {
      return JSON.parse(await readFile(join(dir, name), 'utf8')).data
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw error
    }
  }
  const snapshot = await savedOnDisk(dir)
  const journal = (await read('annotations-journal.json')) ?? { entries: [] }
  const annotations = { ...snapshot.annotations }
  const trash = [...snapshot.trash]
  for (const e of journal.entries) {
    if (e.seq <= snapshot.appliedThrough) continue
    if (e.kind === 'put') annotations[e.annotation.id] = e.annotation
    else {
      delete annotations[e.annotation.id]
      trash.push({ annotation: e.annotation, deletedAt: e.deletedAt })
    }
  }
  return { annotations, trash }
}

const sel = (exact: string) => ({ exact })

describe('adding', () => {
  it('is on disk before it resolves and still there after a restart', async () => {
    const service = await openWith(dir, [twoSectionPack()])
    const added = await service.add({ packId: 'tiny', blockId: 'blk-a', selector: sel('New Delhi'), color: 'yellow', note: 'capital' })
    expect((await onDisk()).annotations[added.id]).toMatchObject({ note: 'capital', color: 'yellow' })
    expect(added).toMatchObject({
      packId: 'tiny',
      blockId: 'blk-a',
      sectionId: 'sec-one',
      selector: { type: 'TextQuoteSelector', exact: 'New Delhi', prefix: 'India and Russia met in ', suffix: '.' },
      status: 'anchored',
      range: { start: 24, end: 33 },
      createdAt: FIXED.toISOString(),
      updatedAt: FIXED.toISOString()
    })

    const reopened = await openWith(dir, [twoSectionPack()])
    expect(reopened.list('tiny')).toEqual([added])
  })

  it('makes its own ids: the page cannot choose one', async () => {
    const services = await openReadingServices({
      dir,
      packs: createPackService({ packs: new Map([['tiny', twoSectionPack()]]), errors: [] }),
      clock: fixedClock
    })
    const dispatch = createDispatcher(services.handlers as Handlers)
    const forged = await dispatch('annotations:add', { id: 'mine', packId: 'tiny', blockId: 'blk-a', selector: sel('India'), color: 'green' })
    expect(forged).toMatchObject({ ok: false, error: { code: 'validation' } })
    const made = await dispatch('annotations:add', { packId: 'tiny', blockId: 'blk-a', selector: sel('India'), color: 'green' })
    expect(made.ok && (made.value as { id: string }).id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('refuses a note over 10,000 characters with a clear message, and accepts exactly 10,000', async () => {
    const services = await openReadingServices({
      dir,
      packs: createPackService({ packs: new Map([['tiny', twoSectionPack()]]), errors: [] }),
      clock: fixedClock
    })
    const dispatch = createDispatcher(services.handlers as Handlers)
    const base = { packId: 'tiny', blockId: 'blk-a', selector: sel('India'), color: 'yellow' }
    const tooLong = await dispatch('annotations:add', { ...base, note: 'x'.repeat(NOTE_MAX_CHARS + 1) })
    expect(tooLong).toMatchObject({
      ok: false,
      error: { code: 'validation', issues: [{ path: 'note', message: 'A note can be at most 10,000 characters; this one has 10,001.' }] }
    })
    expect(await dispatch('annotations:add', { ...base, note: 'x'.repeat(NOTE_MAX_CHARS) })).toMatchObject({ ok: true })
    const [only] = services.annotations.list('tiny')
    expect(await dispatch('annotations:update', { id: only!.id, note: 'y'.repeat(NOTE_MAX_CHARS + 5) })).toMatchObject({
      ok: false,
      error: { code: 'validation' }
    })
    expect(services.annotations.list('tiny')[0]!.note).toBe('x'.repeat(NOTE_MAX_CHARS))
  })

  it('refuses a quote that is not in the block, an unknown block and an unknown pack, writing nothing', async () => {
    const service = await openWith(dir, [twoSectionPack()])
    await expect(service.add({ packId: 'tiny', blockId: 'blk-a', selector: sel('Moscow'), color: 'blue' })).rejects.toMatchObject({
      code: 'validation',
      issues: [{ path: 'selector.exact' }]
    })
    // The words are in the pack, but in another block.
    await expect(service.add({ packId: 'tiny', blockId: 'blk-a', selector: sel('RELOS'), color: 'blue' })).rejects.toMatchObject({ code: 'validation' })
    await expect(service.add({ packId: 'tiny', blockId: 'ghost', selector: sel('India'), color: 'blue' })).rejects.toMatchObject({
      code: 'validation',
      issues: [{ path: 'blockId' }]
    })
    await expect(service.add({ packId: 'nope', blockId: 'blk-a', selector: sel('India'), color: 'blue' })).rejects.toMatchObject({ code: 'not-found' })
    await expect(readFile(join(dir, 'annotations-journal.json'))).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('stores the occurrence the student selected when the words appear twice', async () => {
    const pack = twoSectionPack()
    pack.sections[0]!.blocks[0]!.text = 'Russia said yes. Later, Russia said no.'
    const service = await openWith(dir, [pack])
    const text = pack.sections[0]!.blocks[0]!.text!
    const second = text.lastIndexOf('Russia')
    const selector = quoteSelector(text, second, second + 6)
    const added = await service.add({ packId: 'tiny', blockId: 'blk-a', selector, start: second, color: 'pink' })
    expect(added.range).toEqual({ start: second, end: second + 6 })
    expect(added.selector.prefix).toBe('Russia said yes. Later, ')
  })

  it('highlights across bullet items, counting in the items joined by newlines', async () => {
    const service = await openWith(dir, [twoSectionPack()])
    const added = await service.add({ packId: 'tiny', blockId: 'blk-b', selector: sel('point\nSecond'), color: 'green' })
    expect(added.range).toEqual({ start: 6, end: 18 })
    expect(blockPlainText(twoSectionPack().sections[0]!.blocks[1]!).slice(6, 18)).toBe('point\nSecond')
  })

  it('keeps overlapping highlights, and both anchor', async () => {
    const service = await openWith(dir, [twoSectionPack()])
    const a = await service.add({ packId: 'tiny', blockId: 'blk-a', selector: sel('India and Russia'), color: 'yellow' })
    const b = await service.add({ packId: 'tiny', blockId: 'blk-a', selector: sel('Russia met in New'), color: 'green' })
    const c = await service.add({ packId: 'tiny', blockId: 'blk-a', selector: sel('India and Russia'), color: 'pink', note: 'same words again' })
    const reopened = await openWith(dir, [twoSectionPack()])
    const listed = reopened.list('tiny')
    expect(listed.map((v) => [v.id, v.status, v.range])).toEqual([
      [a.id, 'anchored', { start: 0, end: 16 }],
      [c.id, 'anchored', { start: 0, end: 16 }],
      [b.id, 'anchored', { start: 10, end: 27 }]
    ])
  })

  it('rolls back a highlight whose save failed, and tells the caller', async () => {
    const failing: Partial<StoreFs> = {
      rename: async () => {
        throw Object.assign(new Error('disk full'), { code: 'ENOSPC' })
      }
    }
    const service = await openWith(dir, [twoSectionPack()], { store: { fs: failing } })
    await expect(service.add({ packId: 'tiny', blockId: 'blk-a', selector: sel('India'), color: 'yellow' })).rejects.toMatchObject({ code: 'write-failed' })
    expect(service.list('tiny')).toEqual([])
  })
})

describe('editing, deleting and undo', () => {
  it('recolours and edits the note, on disk, with a new updatedAt', async () => {
    let now = FIXED
    const service = await openWith(dir, [twoSectionPack()], { clock: () => new Date(now) })
    const added = await service.add({ packId: 'tiny', blockId: 'blk-a', selector: sel('India'), color: 'yellow' })
    now = new Date('2026-11-03T10:00:00.000Z')
    const changed = await service.update({ id: added.id, color: 'blue', note: 'first 2+2' })
    expect(changed).toMatchObject({ color: 'blue', note: 'first 2+2', createdAt: added.createdAt, updatedAt: '2026-11-03T10:00:00.000Z' })
    expect((await onDisk()).annotations[added.id]).toMatchObject({ color: 'blue', note: 'first 2+2' })
    expect(await service.update({ id: added.id, note: '' })).toMatchObject({ note: '', color: 'blue' })
    await expect(service.update({ id: 'ghost', color: 'pink' })).rejects.toMatchObject({ code: 'not-found' })
  })

  it('delete then restore gives back exactly the same annotation', async () => {
    let now = FIXED
    const service = await openWith(dir, [twoSectionPack()], { clock: () => new Date(now) })
    const added = await service.add({ packId: 'tiny', blockId: 'blk-a', selector: sel('New Delhi'), color: 'pink', note: 'venue' })
    now = new Date('2026-11-05T00:00:00.000Z')
    const deleted = await service.delete(added.id)
    expect(deleted).toEqual(added)
    expect(service.list('tiny')).toEqual([])
    expect(Object.keys((await onDisk()).annotations)).toEqual([])
    expect((await onDisk()).trash.map((t) => t.annotation.id)).toEqual([added.id])

    const restored = await service.restore(added.id)
    expect(restored).toEqual(deleted)
    expect(await service.restore(added.id)).toEqual(deleted)
    const reopened = await openWith(dir, [twoSectionPack()])
    expect(reopened.list('tiny')).toEqual([added])
    await expect(reopened.delete('ghost')).rejects.toMatchObject({ code: 'not-found' })
    await expect(reopened.restore('ghost')).rejects.toMatchObject({ code: 'not-found' })
  })

  it('undo works after a restart: the trash is on disk', async () => {
    const service = await openWith(dir, [twoSectionPack()])
    const added = await service.add({ packId: 'tiny', blockId: 'blk-a', selector: sel('India'), color: 'green' })
    await service.delete(added.id)
    const reopened = await openWith(dir, [twoSectionPack()])
    expect(await reopened.restore(added.id)).toEqual(added)
  })
})

describe('when the pack changes', () => {
  it('follows the quote when text around it was edited', async () => {
    const service = await openWith(dir, [twoSectionPack()])
    const added = await service.add({ packId: 'tiny', blockId: 'blk-a', selector: sel('New Delhi'), color: 'yellow' })
    expect(added.range).toEqual({ start: 24, end: 33 })

    const v2 = twoSectionPack()
    v2.sections[0]!.blocks[0]!.text = 'On 6 December 2021, India and Russia held their first 2+2 in New Delhi.'
    const [view] = (await openWith(dir, [v2])).list('tiny')
    expect(view).toMatchObject({ id: added.id, status: 'anchored', range: { start: 61, end: 70 } })
    expect(v2.sections[0]!.blocks[0]!.text!.slice(61, 70)).toBe('New Delhi')
  })

  it('keeps an annotation whose words were removed, as orphaned, listed and exported', async () => {
    const service = await openWith(dir, [twoSectionPack()])
    const added = await service.add({ packId: 'tiny', blockId: 'blk-a', selector: sel('New Delhi'), color: 'yellow', note: 'venue' })

    const v2 = twoSectionPack()
    v2.sections[0]!.blocks[0]!.text = 'India and Russia met in Moscow.'
    const reopened = await openWith(dir, [v2])
    const [view] = reopened.list('tiny')
    expect(view).toEqual({ ...added, status: 'orphaned', range: null })
    const { markdown } = reopened.export('tiny')
    expect(markdown).toContain('## Orphaned annotations')
    expect(markdown).toContain('> New Delhi')
    expect(markdown).toContain('venue')

    // The original pack comes back: so does the highlight.
    expect((await openWith(dir, [twoSectionPack()])).list('tiny')[0]).toMatchObject({ status: 'anchored' })
  })

  it('keeps an annotation whose block was removed, and one whose whole pack is gone', async () => {
    const service = await openWith(dir, [twoSectionPack()])
    const added = await service.add({ packId: 'tiny', blockId: 'blk-c', selector: sel('RELOS'), color: 'green' })
    const v2 = twoSectionPack()
    v2.sections.pop()
    expect((await openWith(dir, [v2])).list('tiny')).toEqual([{ ...added, status: 'orphaned', range: null }])
    const noPack = await openWith(dir, [])
    expect(noPack.list('tiny')).toEqual([{ ...added, status: 'orphaned', range: null }])
    expect(noPack.export('tiny').markdown).toContain('> RELOS')
    expect(() => noPack.list('never-was')).toThrow(expect.objectContaining({ code: 'not-found' }))
    expect(Object.keys((await onDisk()).annotations)).toEqual([added.id])
  })

  it('reports the section a block has moved to', async () => {
    const service = await openWith(dir, [twoSectionPack()])
    await service.add({ packId: 'tiny', blockId: 'blk-a', selector: sel('India'), color: 'green' })
    const v2 = twoSectionPack()
    const moved = v2.sections[0]!.blocks.shift()!
    v2.sections[1]!.blocks.push(moved)
    expect((await openWith(dir, [v2])).list('tiny')[0]).toMatchObject({ sectionId: 'sec-two', status: 'anchored' })
  })
})
