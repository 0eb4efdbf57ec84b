// Why: a handed-in Prelims paper rates its answered questions' cards as a
// mock test does, per pack, on the real study journal, and a rating that fails
// must never cost the student the marks.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { State } from 'ts-fsrs'
import { afterEach, describe, expect, it } from 'vitest'
import { createPackService, type PackService } from '../../../src/main/services/packs/pack-service'
import { matchCode } from '../../../src/main/services/prelims/prelims-questions'
import type { RateAnswers } from '../../../src/main/services/prelims/prelims-rating'
import { openPrelimsService, type PrelimsService } from '../../../src/main/services/prelims/prelims-service'
import { openStudyService, type StudyService } from '../../../src/main/services/study/study-service'
import { PRELIMS_GRACE_SECONDS, type PrelimsPaper } from '../../../src/shared/domain/prelims'
import { PackSchema } from '../../../src/shared/pack/schema'
import { generatedPack } from '../fixtures/prelims-packs'

const T0 = new Date('2026-11-25T04:30:00.000Z')
const MIN = 60_000
// Question ids run `${pack}-${kind}-${n}` with n counted across the pack: alpha is mcq 0–2, statements 3, match 4–5; beta mcq 0–2, match 3–4.
const packs: PackService = createPackService({
  packs: new Map(
    [generatedPack({ id: 'alpha', mcq: 3, statements: 1, match: 2, sections: 2 }), generatedPack({ id: 'beta', mcq: 3, match: 2, sections: 2 })]
      .map((p) => PackSchema.parse(p))
      .map((p) => [p.id, p])
  ),
  errors: []
})
type Plan = Record<string, 'right' | 'wrong'>
/** Everything not named is left blank. */
const PLAN: Plan = {
  'alpha-mcq-0': 'right',
  'alpha-mcq-1': 'wrong',
  'alpha-st-3': 'right',
  'alpha-match-4': 'right',
  'alpha-match-5': 'wrong',
  'beta-mcq-0': 'wrong',
  'beta-mcq-1': 'right',
  'beta-match-3': 'wrong'
}
const BLANK = ['alpha-mcq-2', 'beta-mcq-2', 'beta-match-4']

/** The fixture's right answer is option (a), or for a match question the code of its pairs [1, 0, 3, 2]. */
function answersFor(paper: PrelimsPaper, plan: Plan): (number | null)[] {
  return paper.questions.map((q) => {
    const want = plan[q.questionId]
    if (!want) return null
    const right = q.kind === 'match' ? q.options.indexOf(matchCode([1, 0, 3, 2])) : 0
    expect(right).toBeGreaterThanOrEqual(0)
    return want === 'right' ? right : (right + 1) % q.options.length
  })
}
const sheet = (paper: PrelimsPaper, answers: (number | null)[]) => ({
  paperId: paper.paperId,
  answers,
  review: answers.map(() => false),
  timeMs: answers.map(() => 1000)
})
const packOf = (questionId: string) => questionId.split('-')[0]!
const card = (study: StudyService, questionId: string) => study.store.card(packOf(questionId), `q:${questionId}`)

let dir: string | undefined
let study: StudyService | undefined
afterEach(async () => {
  await study?.flush()
  study?.store.close()
  if (dir) await rm(dir, { recursive: true, force: true })
  dir = study = undefined
})

async function harness(rate?: (study: StudyService) => RateAnswers) {
  dir = await mkdtemp(join(tmpdir(), 'rd-prelims-rate-'))
  const at = { now: T0.getTime() }
  const clock = () => new Date(at.now)
  const open = async (): Promise<{ study: StudyService; prelims: PrelimsService }> => {
    await study?.flush()
    study?.store.close()
    study = await openStudyService({ dir: dir!, packs, clock })
    const s = study
    const prelims = await openPrelimsService({ dir: dir!, packs, clock, random: () => 0.5, rate: rate ? rate(s) : s.rateAnswers })
    return { study: s, prelims }
  }
  return { at, open, ...(await open()) }
}

const ratings = async (s: StudyService, packId: string) =>
  (await s.history(packId)).map((e) => [e.itemId, e.rating, e.source, e.mockId]).sort((a, b) => String(a[0]).localeCompare(String(b[0])))

describe('a handed-in Prelims paper rates its cards', () => {
  it('rates wrong as Again and right as Good in both packs, leaves blanks alone, and changes no mark', async () => {
    const h = await harness()
    const paper = await h.prelims.start({ allowShort: true })
    expect(paper.questions).toHaveLength(11)
    h.at.now += 5 * MIN
    const result = await h.prelims.submit(sheet(paper, answersFor(paper, PLAN)))
    expect(result).toMatchObject({ right: 4, wrong: 4, unanswered: 3, score: 5.36 })
    for (const item of result.items) expect(item.outcome).toBe(PLAN[item.questionId] ?? 'unanswered')

    const expected = (packId: string) =>
      Object.entries(PLAN)
        .filter(([q]) => packOf(q) === packId)
        .map(([q, o]) => [`q:${q}`, o === 'right' ? 3 : 1, 'mock', paper.paperId])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])))
    expect(await ratings(h.study, 'alpha')).toEqual(expected('alpha'))
    expect(await ratings(h.study, 'beta')).toEqual(expected('beta'))
    for (const q of BLANK) expect(card(h.study, q)).toBeUndefined()
    const now = h.at.now
    for (const [q, outcome] of Object.entries(PLAN)) {
      const c = card(h.study, q)!
      expect(c.reps).toBe(1)
      // Again comes back within minutes; Good later than any Again.
      if (outcome === 'wrong') expect([c.state, Date.parse(c.due) - now <= 10 * MIN]).toEqual([State.Learning, true])
      else expect(Date.parse(c.due)).toBeGreaterThan(Date.parse(card(h.study, 'alpha-mcq-1')!.due))
    }
    // Match questions are rated by their coded answer.
    expect(card(h.study, 'alpha-match-4')!.due).toBe(card(h.study, 'alpha-mcq-0')!.due)
    expect(card(h.study, 'beta-match-3')!.due).toBe(card(h.study, 'alpha-mcq-1')!.due)

    // The result is the same as marked, on disk, and after a restart.
    expect(h.prelims.result(paper.paperId)).toEqual(result)
    const again = await h.open()
    expect(again.prelims.result(paper.paperId)).toEqual(result)
    // Never twice: not by handing in again, not after a restart.
    await expect(again.prelims.submit(sheet(paper, answersFor(paper, PLAN)))).rejects.toMatchObject({ code: 'validation' })
    expect((await again.study.history('alpha')).length + (await again.study.history('beta')).length).toBe(8)
  })

  it('rates once when the paper is handed in twice at the same moment', async () => {
    const h = await harness()
    const paper = await h.prelims.start({ allowShort: true })
    const both = await Promise.allSettled([h.prelims.submit(sheet(paper, answersFor(paper, PLAN))), h.prelims.submit(sheet(paper, answersFor(paper, PLAN)))])
    expect(both.map((b) => b.status).sort()).toEqual(['fulfilled', 'rejected'])
    expect((await h.study.history('alpha')).length + (await h.study.history('beta')).length).toBe(8)
    expect(h.prelims.history()).toHaveLength(1)
  })

  it('rates a paper handed in late by the answers saved by the bell', async () => {
    const h = await harness()
    const paper = await h.prelims.start({ allowShort: true })
    await h.prelims.save(sheet(paper, answersFor(paper, { 'alpha-mcq-0': 'wrong', 'beta-mcq-1': 'right' })))
    // Time ran out while the app was closed; what the page sends now does not count.
    h.at.now += paper.minutes * MIN + PRELIMS_GRACE_SECONDS * 1000 + 60 * MIN
    const late = await h.open()
    const result = await late.prelims.submit(sheet(paper, answersFor(paper, PLAN)))
    expect(result).toMatchObject({ timedOut: true, right: 1, wrong: 1, unanswered: 9 })
    expect(await ratings(late.study, 'alpha')).toEqual([['q:alpha-mcq-0', 1, 'mock', paper.paperId]])
    expect(await ratings(late.study, 'beta')).toEqual([['q:beta-mcq-1', 3, 'mock', paper.paperId]])
  })

  it('keeps the result and says so plainly when a pack cannot be rated, still rating the others', async () => {
    const h = await harness((s) => async (packId, list, paperId) => {
      if (packId === 'beta') throw new Error('disk full')
      await s.rateAnswers(packId, list, paperId)
    })
    const paper = await h.prelims.start({ allowShort: true })
    const failed = h.prelims.submit(sheet(paper, answersFor(paper, PLAN)))
    await expect(failed).rejects.toMatchObject({
      code: 'write-failed',
      message: expect.stringMatching(/handed in and its marks are kept.*"Pack beta".*disk full/),
      issues: [{ path: 'packs.beta', message: 'disk full' }]
    })
    // The marks are kept, on disk; alpha's cards are rated, beta's are not.
    const again = await h.open()
    expect(again.prelims.active()).toBeNull()
    expect(again.prelims.result(paper.paperId)).toMatchObject({ right: 4, wrong: 4, unanswered: 3, score: 5.36 })
    expect(await again.study.history('alpha')).toHaveLength(5)
    expect(await again.study.history('beta')).toEqual([])
    await expect(again.prelims.submit(sheet(paper, answersFor(paper, PLAN)))).rejects.toMatchObject({ code: 'validation' })
  })
})
