// Why: the service is where answers become durable progress: each must be on
// disk when the call resolves, undo must be exact, cram must not disturb the
// schedule, and nothing a student earned may be dropped by a pack update.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ServiceError } from '../../../src/main/services/errors'
import { diskFullFaults } from '../annotations/faults'
import { DAY_MS, harness, studyPack, T0, type Harness } from './helpers'

let h: Harness
afterEach(async () => {
  await h?.close()
})
const P = 'polity'
const MIN = 60_000
const journalOnDisk = async (dir: string) =>
  (JSON.parse(await readFile(join(dir, 'study-journal.json'), 'utf8')) as { data: { entries: { itemId: string; rating: number }[] } }).data.entries

describe('rating', () => {
  it('moves the due date by FSRS and has the answer on disk when it resolves', async () => {
    h = await harness()
    const first = await h.service.rate({ packId: P, itemId: 'q:q-1', rating: 3 })
    expect(first).toMatchObject({ itemId: 'q:q-1', state: 'learning', due: new Date(T0.getTime() + 10 * MIN).toISOString(), reps: 1 })
    expect(await journalOnDisk(h.dir)).toMatchObject([{ itemId: 'q:q-1', rating: 3 }])
    h.advance(10 * MIN)
    const second = await h.service.rate({ packId: P, itemId: 'q:q-1', rating: 3 })
    expect(second.state).toBe('review')
    expect(Date.parse(second.due!) - h.now.getTime()).toBeGreaterThanOrEqual(DAY_MS)
    expect(await journalOnDisk(h.dir)).toHaveLength(2)
  })

  it('builds each answer on the card the one before left, even when the calls arrive together', async () => {
    h = await harness()
    const [first, second, third] = await Promise.all([1, 3, 4].map((rating) => h.service.rate({ packId: P, itemId: 'q:q-1', rating: rating as 1 | 3 | 4 })))
    expect([first!.reps, second!.reps, third!.reps]).toEqual([1, 2, 3])
    expect(await journalOnDisk(h.dir)).toMatchObject([{ rating: 1 }, { rating: 3 }, { rating: 4 }])
    // Two undos at once take back the last two answers, in order.
    const undone = await Promise.all([h.service.undo(P), h.service.undo(P)])
    expect(undone.map((u) => u.rating)).toEqual([4, 3])
    expect(undone[1]!.card).toEqual(first)
    expect(await journalOnDisk(h.dir)).toMatchObject([{ rating: 1 }])
  })

  it('rates table cells and highlight cards through the same scheduler', async () => {
    h = await harness()
    await h.service.addCustomCard({ packId: P, id: 'hl-1', kind: 'highlight-cloze', text: 'Read down in {{blank}}.', answer: '2019', blockId: 'blk-c' })
    expect((await h.service.rate({ packId: P, itemId: 'cell:row-first/russia', rating: 4 })).state).toBe('review')
    expect((await h.service.rate({ packId: P, itemId: 'hl:hl-1', rating: 1 })).state).toBe('learning')
  })

  it('refuses items and packs that do not exist', async () => {
    h = await harness()
    const fail = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: ServiceError) => e.code
      )
    expect(await fail(h.service.rate({ packId: 'nope', itemId: 'q:q-1', rating: 3 }))).toBe('not-found')
    expect(await fail(h.service.rate({ packId: P, itemId: 'q:q-404', rating: 3 }))).toBe('not-found')
    expect(await fail(h.service.rate({ packId: P, itemId: 'hl:never-made', rating: 3 }))).toBe('not-found')
    expect(await fail(h.service.undo(P))).toBe('not-found')
    expect(() => h.service.stats('nope')).toThrow(/No notes pack/)
  })
})

describe('undo', () => {
  it('rolls the last rating back to the exact previous card and removes its log', async () => {
    h = await harness()
    await h.service.rate({ packId: P, itemId: 'q:q-1', rating: 3 })
    h.advance(10 * MIN)
    await h.service.rate({ packId: P, itemId: 'q:q-1', rating: 3 })
    const before = structuredClone(h.service.store.card(P, 'q:q-1'))
    h.advance(3 * DAY_MS)
    await h.service.rate({ packId: P, itemId: 'q:q-1', rating: 1 })
    const undone = await h.service.undo(P)
    expect(undone).toMatchObject({ itemId: 'q:q-1', rating: 1 })
    expect(h.service.store.card(P, 'q:q-1')).toEqual(before)
    expect(undone.card.due).toBe(before!.due)
    expect((await h.service.history(P)).map((e) => e.rating)).toEqual([3, 3])
    expect(await journalOnDisk(h.dir)).toHaveLength(2)
    // Survives a restart, and undoing a first review makes the item new again.
    const reopened = await h.reopen()
    expect(reopened.store.card(P, 'q:q-1')).toEqual(before)
    await reopened.undo(P)
    await reopened.undo(P)
    expect(reopened.store.card(P, 'q:q-1')).toBeUndefined()
    expect(reopened.queue({ packId: P, mode: 'due' }).counts.newLeftToday).toBe(20)
  })

  it('will not undo answers given in a mock test', async () => {
    h = await harness()
    const paper = await h.service.mocks.start({ packId: P, count: 2 })
    await h.service.mocks.submit({ mockId: paper.mockId, answers: { [paper.questionIds[0]!]: 0 } })
    await expect(h.service.undo(P)).rejects.toMatchObject({ code: 'validation' })
  })
})

describe('queue', () => {
  it('due: learning steps, then reviews due today, then new items up to the daily cap', async () => {
    h = await harness({ newPerDay: 3 })
    const q0 = h.service.queue({ packId: P, mode: 'due' })
    expect(q0.items.map((i) => i.itemId)).toEqual(['q:q-1', 'q:q-2', 'q:q-3'])
    expect(q0.counts).toEqual({ dueNow: 0, newAvailable: 8, newLeftToday: 3, newPerDay: 3 })
    expect(q0.items[0]).toMatchObject({
      ref: { kind: 'question', questionId: 'q-1', questionKind: 'mcq' },
      sectionIds: ['sec-one'],
      card: { state: 'new', due: null }
    })
    await h.service.rate({ packId: P, itemId: 'q:q-1', rating: 3 })
    await h.service.rate({ packId: P, itemId: 'q:q-2', rating: 4 })
    // q-1 waits 10 minutes; two new items are left for today.
    expect(h.service.queue({ packId: P, mode: 'due' }).items.map((i) => i.itemId)).toEqual(['q:q-3'])
    h.advance(10 * MIN)
    const q1 = h.service.queue({ packId: P, mode: 'due' })
    expect(q1.items.map((i) => i.itemId)).toEqual(['q:q-1', 'q:q-3'])
    expect(q1.counts.newLeftToday).toBe(1)
    // Next day: the Easy card is due (FSRS gave it days), and three new again.
    h.advance(20 * DAY_MS)
    const q2 = h.service.queue({ packId: P, mode: 'due', limit: 50 })
    expect(
      q2.items
        .slice(0, 2)
        .map((i) => i.itemId)
        .sort()
    ).toEqual(['q:q-1', 'q:q-2'])
    expect(q2.counts.newLeftToday).toBe(3)
    expect(h.service.queue({ packId: P, mode: 'due', kinds: ['cell'] }).items.map((i) => i.itemId)).toEqual(['cell:row-first/us', 'cell:row-first/russia'])
  })

  it('cram: lowest predicted recall first and the schedule untouched unless asked', async () => {
    h = await harness()
    await h.service.rate({ packId: P, itemId: 'q:q-1', rating: 4 })
    await h.service.rate({ packId: P, itemId: 'q:q-2', rating: 2 })
    h.advance(2 * DAY_MS)
    const cram = h.service.queue({ packId: P, mode: 'cram' })
    expect(cram.items.slice(0, 2).map((i) => i.itemId)).toEqual(['q:q-2', 'q:q-1'])
    expect(cram.items[0]!.card.retrievability!).toBeLessThan(cram.items[1]!.card.retrievability!)
    const before = structuredClone(h.service.store.card(P, 'q:q-1'))
    const practice = await h.service.rate({ packId: P, itemId: 'q:q-1', rating: 1, cram: true })
    expect(h.service.store.card(P, 'q:q-1')).toEqual(before)
    expect(practice.due).toBe(before!.due)
    expect(h.service.stats(P).reviewsPerDay.at(-1)!.reviews).toBe(1)
    // Cramming an unseen item leaves it new.
    await h.service.rate({ packId: P, itemId: 'q:q-3', rating: 3, cram: true })
    expect(h.service.store.card(P, 'q:q-3')).toBeUndefined()
    // Undo of a practice answer only removes its log.
    await h.service.undo(P)
    await h.service.undo(P)
    expect(h.service.store.card(P, 'q:q-1')).toEqual(before)
    const moved = await h.service.rate({ packId: P, itemId: 'q:q-1', rating: 1, cram: true, reschedule: true })
    expect(moved.state).toBe('relearning')
  })

  it('section: the items whose tested blocks are in that section', async () => {
    h = await harness()
    await h.service.addCustomCard({ packId: P, id: 'hl-1', kind: 'highlight-cloze', text: '{{blank}} was read down.', answer: 'Article 370', blockId: 'blk-c' })
    const two = h.service.queue({ packId: P, mode: 'section', sectionId: 'sec-two' })
    expect(two.items.map((i) => i.itemId)).toEqual(['q:q-3', 'q:q-tf', 'q:q-fc', 'hl:hl-1'])
    expect(two.items[3]!.ref).toMatchObject({ kind: 'highlight', answer: 'Article 370', blockId: 'blk-c' })
    // q-1 tests blk-a and a cell whose notes are blk-a; the cell row-first/russia cites blk-a too.
    const one = h.service.queue({ packId: P, mode: 'section', sectionId: 'sec-one' })
    expect(one.items.map((i) => i.itemId)).toEqual(['q:q-1', 'q:q-2', 'q:q-st', 'cell:row-first/russia'])
    expect(() => h.service.queue({ packId: P, mode: 'section', sectionId: 'sec-nine' })).toThrow(/no section/)
  })
})

describe('persistence and pack updates', () => {
  it('keeps cards, highlights and exam settings across a reopen', async () => {
    h = await harness()
    await h.service.rate({ packId: P, itemId: 'q:q-1', rating: 3 })
    await h.service.addCustomCard({ packId: P, id: 'hl-1', kind: 'highlight-cloze', text: 'x {{blank}}', answer: 'y', blockId: 'blk-a' })
    await h.service.setExam({
      packId: P,
      dates: { prelims: '2027-05-24', mains: { gs1: null, gs2: null, gs3: null, gs4: null, essay: null } },
      minutesPerDay: 60
    })
    const before = h.service.store.card(P, 'q:q-1')
    const again = await h.reopen()
    expect(again.store.card(P, 'q:q-1')).toEqual(before)
    expect(again.queue({ packId: P, mode: 'section', sectionId: 'sec-one' }).items.map((i) => i.itemId)).toContain('hl:hl-1')
    expect(again.plan(P)).toMatchObject({ settings: { prelims: '2027-05-24', minutesPerDay: 60 } })
  })

  it('keeps an orphaned card when its question leaves the pack, and resumes it when it comes back', async () => {
    h = await harness()
    await h.service.rate({ packId: P, itemId: 'q:q-2', rating: 4 })
    const card = h.service.store.card(P, 'q:q-2')
    const without = studyPack()
    without.questions = without.questions.filter((q) => q.id !== 'q-2')
    const updated = await h.reopen({}, without)
    expect(updated.store.card(P, 'q:q-2')).toEqual(card)
    expect(updated.stats(P).totals).toMatchObject({ orphaned: 1, items: 7 })
    expect(updated.queue({ packId: P, mode: 'cram' }).items.map((i) => i.itemId)).not.toContain('q:q-2')
    await expect(updated.rate({ packId: P, itemId: 'q:q-2', rating: 3 })).rejects.toMatchObject({ code: 'not-found' })
    await updated.rate({ packId: P, itemId: 'q:q-1', rating: 3 }) // a write that must not drop the orphan
    const back = await h.reopen({}, studyPack())
    expect(back.store.card(P, 'q:q-2')).toEqual(card)
    expect(back.stats(P).totals.orphaned).toBe(0)
  })

  it('removing a highlight card keeps its progress for when it is added back', async () => {
    h = await harness()
    const add = () => h.service.addCustomCard({ packId: P, id: 'hl-1', kind: 'highlight-cloze', text: 'x {{blank}}', answer: 'y', blockId: 'blk-a' })
    await add()
    await h.service.rate({ packId: P, itemId: 'hl:hl-1', rating: 4 })
    expect(await h.service.removeCustomCard(P, 'hl-1')).toEqual({ removed: true })
    expect(await h.service.removeCustomCard(P, 'hl-1')).toEqual({ removed: false })
    expect(h.service.queue({ packId: P, mode: 'cram' }).items.map((i) => i.itemId)).not.toContain('hl:hl-1')
    const item = await add()
    expect(item.card.state).toBe('review')
    await expect(
      h.service.addCustomCard({ packId: P, id: 'hl-2', kind: 'highlight-cloze', text: '{{blank}}', answer: 'y', blockId: 'blk-zz' })
    ).rejects.toMatchObject({ code: 'validation' })
  })
})

describe('journal checkpoints', () => {
  it('folds old answers into study.json and month files without losing or doubling any', async () => {
    h = await harness({ checkpointAt: 10, keepLive: 3 })
    const ids = ['q:q-1', 'q:q-2', 'q:q-3', 'q:q-tf', 'q:q-st']
    for (let i = 0; i < 40; i++) {
      h.advance(7 * 3_600_000) // crosses a month boundary on the way
      await h.service.rate({ packId: P, itemId: ids[i % ids.length]!, rating: ((i % 4) + 1) as 1 | 2 | 3 | 4 })
    }
    await h.service.flush()
    const cards = new Map(h.service.store.cards(P))
    expect(h.service.store.journal.data.entries.length).toBeLessThanOrEqual(11)
    const history = await h.service.history(P)
    expect(history.map((e) => e.id)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
    expect(h.service.stats(P).reviewsPerDay.reduce((n, d) => n + d.reviews, 0)).toBe(40)
    const again = await h.reopen()
    expect(new Map(again.store.cards(P))).toEqual(cards)
    expect((await again.history(P)).length).toBe(40)
    // The newest answers are still undoable after a checkpoint.
    const last = history.at(-1)!
    expect((await again.undo(P)).at).toBe(last.at)
    expect((await again.history(P)).length).toBe(39)
  })
})

describe('a checkpoint on a full disk', () => {
  it('raises a notice, keeps every answer in the journal, and clears the notice once a retry succeeds', async () => {
    const faults = diskFullFaults()
    h = await harness({ checkpointAt: 4, keepLive: 1, retryMs: 20, store: { fs: faults.fs } })
    // study.json and the history parts cannot be rewritten; the journal's small appends still fit.
    faults.failWhen = (path) => !path.includes('study-journal')
    const ids = ['q:q-1', 'q:q-2', 'q:q-3']
    for (let i = 0; i < 10; i++) {
      h.advance(MIN)
      await h.service.rate({ packId: P, itemId: ids[i % ids.length]!, rating: 3 })
    }
    await h.service.flush()
    expect(faults.failed).toBeGreaterThan(0)
    expect(h.service.notices()).toEqual([expect.objectContaining({ kind: 'checkpoint-failed', reason: expect.stringMatching(/ENOSPC.*Nothing is lost/s) })])
    expect(await journalOnDisk(h.dir)).toHaveLength(10)
    const cards = new Map(h.service.store.cards(P))
    // Every acknowledged answer is there for a restart, though nothing was folded.
    const meanwhile = await h.reopen({ checkpointAt: 1000, store: {} })
    expect(new Map(meanwhile.store.cards(P))).toEqual(cards)
    expect((await meanwhile.history(P)).map((e) => e.id)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1))
  })

  it('folds everything once the disk has room again, and the notice goes', async () => {
    const faults = diskFullFaults()
    h = await harness({ checkpointAt: 4, keepLive: 1, retryMs: 20, store: { fs: faults.fs } })
    faults.failWhen = (path) => !path.includes('study-journal')
    for (let i = 0; i < 8; i++) {
      h.advance(MIN)
      await h.service.rate({ packId: P, itemId: 'q:q-1', rating: 3 })
    }
    await h.service.flush()
    expect(h.service.notices()).toHaveLength(1)
    faults.failWhen = () => false
    await vi.waitFor(() => expect(h.service.notices()).toEqual([]), { timeout: 5000 })
    await h.service.flush()
    expect(await journalOnDisk(h.dir)).toHaveLength(1)
    expect((await h.service.history(P)).map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    const card = h.service.store.card(P, 'q:q-1')
    const again = await h.reopen({ store: {} })
    expect(again.store.card(P, 'q:q-1')).toEqual(card)
    expect(card?.reps).toBe(8)
  })
})
