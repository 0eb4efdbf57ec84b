// Why: a 2-hour paper is real work: it must draw from every pack, say plainly
// when there are fewer than 100 questions, keep every answer, review mark and
// second through a restart, stop answers changing once time is up, and mark
// what was handed in. Real temp files, a clock the test moves by hand.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createPackService, type PackService } from '../../../src/main/services/packs/pack-service'
import { openPrelimsService, type PrelimsService } from '../../../src/main/services/prelims/prelims-service'
import { PRELIMS_GRACE_SECONDS } from '../../../src/shared/domain/prelims'
import { PackSchema, type Pack } from '../../../src/shared/pack/schema'
import { generatedPack } from '../fixtures/prelims-packs'

const T0 = new Date('2026-11-25T04:30:00.000Z')
const MIN = 60_000
/** The cards a paper rates are tested in prelims-rating.test.ts; here only the paper itself. */
const noRating = async (): Promise<void> => {}

/** Each pack: 60 mcq, 50 statements, 30 match (140 eligible) and 10 true-false: 150 questions. */
const bigPack = (id: string): Pack => PackSchema.parse(generatedPack({ id, mcq: 60, statements: 50, match: 30, trueFalse: 10, sections: 4 }))

function packService(list: Pack[]): PackService {
  return createPackService({ packs: new Map(list.map((p) => [p.id, p])), errors: [] })
}

/** A seeded generator, so which questions are drawn is the same every run. */
function seeded(seed = 7): () => number {
  let s = seed
  return () => ((s = (s * 16807) % 2147483647) - 1) / 2147483646
}

let dir: string | undefined
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
  dir = undefined
})

async function harness(packList: Pack[]) {
  dir = await mkdtemp(join(tmpdir(), 'rd-prelims-'))
  const at = { now: T0.getTime() }
  const packs = packService(packList)
  const open = (): Promise<PrelimsService> => openPrelimsService({ dir: dir!, packs, clock: () => new Date(at.now), random: seeded(), rate: noRating })
  return { at, open, service: await open() }
}

const sheet = (paperId: string, n: number, fill: Partial<{ answers: (number | null)[]; review: boolean[]; timeMs: number[] }> = {}) => ({
  paperId,
  answers: fill.answers ?? Array<number | null>(n).fill(null),
  review: fill.review ?? Array<boolean>(n).fill(false),
  timeMs: fill.timeMs ?? Array<number>(n).fill(0)
})

describe('Prelims paper service', () => {
  it('draws 100 distinct questions across four packs of 150, in 2 hours, with no answers in what the page gets', async () => {
    const h = await harness(['alpha', 'beta', 'gamma', 'delta'].map(bigPack))
    expect(h.service.availability()).toMatchObject({ available: 560, required: 100 })
    expect(h.service.availability().packs.map((p) => p.questions)).toEqual([140, 140, 140, 140])
    const paper = await h.service.start({})
    expect(paper.questions).toHaveLength(100)
    expect(paper.minutes).toBe(120)
    expect(Date.parse(paper.endsAt) - Date.parse(paper.startedAt)).toBe(120 * MIN)
    expect(new Set(paper.questions.map((q) => `${q.packId}/${q.questionId}`)).size).toBe(100)
    const perPack = new Map<string, number>()
    for (const q of paper.questions) perPack.set(q.packId, (perPack.get(q.packId) ?? 0) + 1)
    expect([...perPack.keys()].sort()).toEqual(['alpha', 'beta', 'delta', 'gamma'])
    expect(paper.questions.some((q) => q.questionId.includes('-tf-'))).toBe(false)
    expect(new Set(paper.questions.map((q) => q.kind))).toEqual(new Set(['mcq', 'statements', 'match']))
    expect(JSON.stringify(paper)).not.toMatch(/"answer"|"correct"|Explanation/)
    expect([paper.answers.every((a) => a === null), paper.review.every((r) => !r), paper.timeMs.every((t) => t === 0)]).toEqual([true, true, true])
    // One paper at a time.
    await expect(h.service.start({})).rejects.toMatchObject({ code: 'validation', message: expect.stringContaining('already open') })
  })

  it('says plainly when fewer than 100 are available, and sets all of them at the exam pace when asked', async () => {
    const h = await harness([PackSchema.parse(generatedPack({ id: 'small', mcq: 20, statements: 14, match: 10, trueFalse: 11 }))])
    expect(h.service.availability().available).toBe(44)
    await expect(h.service.start({})).rejects.toMatchObject({
      code: 'validation',
      message: 'Only 44 questions are available across your packs; a full paper needs 100. Start a paper of all 44 instead.',
      issues: [{ path: 'allowShort' }]
    })
    expect(h.service.active()).toBeNull()
    const paper = await h.service.start({ allowShort: true })
    expect(paper.questions).toHaveLength(44)
    expect(paper.minutes).toBe(53)
  })

  it('refuses to start with no usable question', async () => {
    const h = await harness([PackSchema.parse(generatedPack({ id: 'tf', trueFalse: 5 }))])
    await expect(h.service.start({ allowShort: true })).rejects.toMatchObject({ code: 'validation', message: expect.stringContaining('No loaded pack') })
  })

  it('keeps answers, review marks and time through a restart, and marks what was handed in', async () => {
    const h = await harness([bigPack('alpha')])
    const paper = await h.service.start({})
    const answers = paper.questions.map((_, i) => (i < 60 ? 0 : i < 90 ? 1 : null))
    const review = paper.questions.map((_, i) => i % 10 === 0)
    const timeMs = paper.questions.map((_, i) => 1000 + i)
    h.at.now += 30 * MIN
    await h.service.save(sheet(paper.paperId, 100, { answers, review, timeMs }))

    const again = await h.open()
    const resumed = again.active()
    expect(resumed).toEqual({ ...paper, answers, review, timeMs })
    expect(await readdir(dir!)).toContain('prelims-paper.json')

    h.at.now += 30 * MIN
    const result = await again.submit(sheet(paper.paperId, 100, { answers, review, timeMs }))
    // The generated packs' answer is (a) for mcq and statements; match's right code sits at a seeded place.
    const expected = paper.questions.map((q, i) => {
      if (answers[i] === null) return 'unanswered'
      if (q.kind !== 'match') return answers[i] === 0 ? 'right' : 'wrong'
      return q.options[answers[i]!] === 'A-2, B-1, C-4, D-3' ? 'right' : 'wrong'
    })
    expect(result.items.map((i) => i.outcome)).toEqual(expected)
    const right = expected.filter((o) => o === 'right').length
    const wrong = expected.filter((o) => o === 'wrong').length
    expect([result.right, result.wrong, result.unanswered]).toEqual([right, wrong, 10])
    expect(result.score).toBe((right * 200 - wrong * 66) / 100)
    expect(result.guessingCost).toBe((-wrong * 66) / 100)
    expect(result.items.map((i) => i.timeMs)).toEqual(timeMs)
    expect(result.sections.reduce((n, s) => n + s.questions, 0)).toBe(100)
    expect(result.timedOut).toBe(false)

    // Kept: no open paper, the result in the history after another restart.
    const later = await h.open()
    expect(later.active()).toBeNull()
    expect(later.history()).toEqual([{ paperId: paper.paperId, submittedAt: result.submittedAt, questions: 100, score: result.score, maxScore: 200 }])
    expect(later.result(paper.paperId)).toEqual(result)
    await expect(later.submit(sheet(paper.paperId, 100))).rejects.toMatchObject({ code: 'validation', message: 'This paper was already handed in.' })
    expect(() => later.result('paper-none')).toThrow('No handed-in Prelims paper "paper-none".')
  })

  it('refuses a sheet that does not fit the paper, and changes nothing', async () => {
    const h = await harness([bigPack('alpha')])
    const paper = await h.service.start({})
    h.at.now += 10 * MIN
    await h.service.save(sheet(paper.paperId, 100, { answers: [2, ...Array<null>(99).fill(null)] }))
    const cases: [ReturnType<typeof sheet>, string][] = [
      [sheet(paper.paperId, 99), 'This paper has 100 questions; the answer sheet has 99.'],
      [sheet(paper.paperId, 100, { answers: [4, ...Array<null>(99).fill(null)] }), 'Some answers do not fit this paper.'],
      [sheet(paper.paperId, 100, { timeMs: Array<number>(100).fill(7_000) }), 'The time per question adds up to more than the paper has been open.']
    ]
    for (const [bad, message] of cases) {
      await expect(h.service.save(bad)).rejects.toMatchObject({ code: 'validation', message })
      await expect(h.service.submit(bad)).rejects.toMatchObject({ code: 'validation', message })
    }
    await expect(h.service.save(sheet('paper-nope', 100))).rejects.toMatchObject({ code: 'not-found' })
    expect((await h.open()).active()?.answers[0]).toBe(2)
  })

  it('takes no answer after the bell, and marks a late hand-in as it was last saved', async () => {
    const h = await harness([bigPack('alpha')])
    const paper = await h.service.start({})
    const first = [0, ...Array<null>(99).fill(null)]
    h.at.now += 119 * MIN
    await h.service.save(sheet(paper.paperId, 100, { answers: first }))
    // Inside the grace a save still lands (one in flight as the clock hit zero).
    h.at.now += MIN + (PRELIMS_GRACE_SECONDS - 1) * 1000
    await h.service.save(sheet(paper.paperId, 100, { answers: [0, 0, ...Array<null>(98).fill(null)] }))
    h.at.now += 2000
    await expect(h.service.save(sheet(paper.paperId, 100, { answers: Array<number>(100).fill(0) }))).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringContaining('Time is up')
    })
    // A late hand-in with other answers is marked as saved by the bell.
    const result = await h.service.submit(sheet(paper.paperId, 100, { answers: Array<number>(100).fill(0) }))
    expect(result.timedOut).toBe(true)
    expect(result.unanswered).toBe(98)
  })

  it('opens a corrupt paper file as no paper, keeps the bad file, and says so', async () => {
    dir = await mkdtemp(join(tmpdir(), 'rd-prelims-'))
    await writeFile(join(dir, 'prelims-paper.json'), '{"active": {"id": "paper-x", "startedAt": ')
    const service = await openPrelimsService({ dir, packs: packService([bigPack('alpha')]), clock: () => T0, rate: noRating })
    expect(service.active()).toBeNull()
    expect(service.store.notices.length).toBeGreaterThan(0)
    expect((await readdir(dir)).some((f) => f.startsWith('prelims-paper') && f.includes('corrupt'))).toBe(true)
  })
})
