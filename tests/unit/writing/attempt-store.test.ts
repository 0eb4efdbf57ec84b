// Why: an answer written under the clock must survive like a review does: on
// disk before the call resolves, folded by checkpoints without loss, and a
// damaged file recovered (bytes kept, best copy loaded, the student told),
// all against real files on a temp folder.
import { mkdir, readdir, readFile, truncate, writeFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AttemptStore } from '../../../src/main/services/writing/attempt-store'
import type { StoredAttempt } from '../../../src/main/services/writing/attempt-schema'
import { removeDir, tempDir } from './helpers'

let dir: string
beforeEach(async () => {
  dir = await tempDir()
})
afterEach(async () => {
  await removeDir(dir)
})

const DAY1 = new Date('2026-11-24T04:30:00.000Z')
const DAY2 = new Date('2026-11-25T04:30:00.000Z')

function attempt(n: number, patch: Partial<StoredAttempt> = {}): StoredAttempt {
  return {
    id: `wa-t-${n}`,
    promptKey: 'tiny/mn-signal',
    packId: 'tiny',
    questionId: 'mn-signal',
    prompt: 'Discuss the signalling.',
    marks: 15,
    wordLimit: 250,
    onPaper: false,
    text: `Answer number ${n}: भारत और रूस.`,
    words: 7,
    startedAt: '2026-11-24T04:20:00.000Z',
    submittedAt: '2026-11-24T04:30:00.000Z',
    secondsTaken: 600,
    secondsAllowed: 660,
    keyPoints: ['One', 'Two'],
    covered: null,
    rubric: null,
    score: null,
    scoredAt: null,
    rewriteDue: null,
    card: null,
    prevCard: null,
    ...patch
  }
}

const open = (clock: Date, extra: { checkpointAt?: number } = {}): Promise<AttemptStore> => AttemptStore.open({ dir, clock: () => clock, ...extra })
const fileData = async (name: string) => JSON.parse(await readFile(join(dir, name), 'utf8')).data

describe('attempt store', () => {
  it('has an attempt on disk when put() resolves, and a restart reads it back', async () => {
    const store = await open(DAY1)
    await store.put(() => attempt(1))
    expect((await fileData('writing-journal.json')).entries.map((e: { attempt: StoredAttempt }) => e.attempt.id)).toEqual(['wa-t-1'])
    store.close()

    const again = await open(DAY1)
    expect(again.get('wa-t-1')).toEqual(attempt(1))
    expect(again.notices).toEqual([])
    again.close()
  })

  it('keeps the newest copy when an attempt is saved again (scored), before and after a checkpoint', async () => {
    const store = await open(DAY1, { checkpointAt: 2 })
    await store.put(() => attempt(1))
    await store.put(() => attempt(2))
    await store.put((get) => ({ ...(get('wa-t-1') as StoredAttempt), score: 70 }))
    await store.put(() => attempt(3))
    await store.flush()
    await store.checkpoint()
    const saved = await fileData('writing.json')
    expect(Object.keys(saved.attempts).sort()).toEqual(['wa-t-1', 'wa-t-2', 'wa-t-3'])
    expect(saved.attempts['wa-t-1'].score).toBe(70)
    expect((await fileData('writing-journal.json')).entries).toEqual([])
    store.close()

    const again = await open(DAY1)
    expect(
      again
        .values()
        .map((a) => [a.id, a.score])
        .sort()
    ).toEqual([
      ['wa-t-1', 70],
      ['wa-t-2', null],
      ['wa-t-3', null]
    ])
    again.close()
  })

  it('recovers a corrupt writing.json from its daily backup, keeping the bad bytes and saying so', async () => {
    const day1 = await open(DAY1)
    await day1.put(() => attempt(1))
    await day1.put(() => attempt(2))
    await day1.checkpoint()
    day1.close()
    // The first write of a new day first copies the file as it was (day 1's attempts) to backups/.
    const day2 = await open(DAY2)
    await day2.put(() => attempt(3, { submittedAt: DAY2.toISOString() }))
    await day2.checkpoint()
    day2.close()
    expect(await readdir(join(dir, 'backups'))).toContain('writing-2026-11-25.json')

    const bad = Buffer.from('{"schemaVersion":1,"data":{"appliedThrough":3,"attem')
    await writeFile(join(dir, 'writing.json'), bad)
    const reopened = await open(DAY2)
    const notice = reopened.notices[0]
    expect(notice).toMatchObject({ kind: 'recovered', restoredFrom: 'backup' })
    expect(notice?.backupFile).toBe(join(dir, 'backups', 'writing-2026-11-25.json'))
    expect(Buffer.compare(await readFile(notice?.keptAs as string), bad)).toBe(0)
    expect(reopened.get('wa-t-1')?.text).toBe(attempt(1).text)
    expect(reopened.get('wa-t-2')).toBeDefined()
    // Day 2's attempt was folded after that copy was made: the notice is what tells the student.
    expect(reopened.get('wa-t-3')).toBeUndefined()
    reopened.close()
  })

  it('recovers an unreadable journal to defaults with the bytes kept, and the saved attempts stay', async () => {
    const store = await open(DAY1)
    await store.put(() => attempt(1))
    await store.checkpoint()
    await store.put(() => attempt(2))
    store.close()
    await writeFile(join(dir, 'writing-journal.json'), 'garbage')

    const reopened = await open(DAY1)
    expect(reopened.notices).toHaveLength(1)
    expect(reopened.notices[0]).toMatchObject({ kind: 'recovered', file: join(dir, 'writing-journal.json') })
    expect(await readFile(reopened.notices[0]?.keptAs as string, 'utf8')).toBe('garbage')
    expect(reopened.get('wa-t-1')).toEqual(attempt(1))
    // A new attempt after recovery gets a fresh position and lands.
    await reopened.put(() => attempt(4))
    reopened.close()
    const third = await open(DAY1)
    expect(third.get('wa-t-4')).toBeDefined()
    third.close()
  })

  it('trims a torn last journal entry (a crash mid-append) and keeps every whole one', async () => {
    const store = await open(DAY1)
    await store.put(() => attempt(1))
    await store.put(() => attempt(2))
    store.close()
    const file = join(dir, 'writing-journal.json')
    await truncate(file, (await stat(file)).size - 40)

    const reopened = await open(DAY1)
    expect(reopened.get('wa-t-1')).toEqual(attempt(1))
    expect(reopened.get('wa-t-2')).toBeUndefined()
    expect(reopened.notices[0]).toMatchObject({ kind: 'recovered' })
    reopened.close()
  })

  it('refuses a file with an attempt of the wrong shape rather than loading half of it', async () => {
    await mkdir(dir, { recursive: true })
    const broken = { ...attempt(1), score: 'high' }
    await writeFile(join(dir, 'writing.json'), JSON.stringify({ schemaVersion: 1, data: { appliedThrough: 0, attempts: { 'wa-t-1': broken } } }))
    const store = await open(DAY1)
    expect(store.values()).toEqual([])
    expect(store.notices[0]).toMatchObject({ kind: 'recovered', restoredFrom: 'defaults' })
    expect(store.notices[0]?.reason).toMatch(/wrong shape/)
    store.close()
  })
})
