// Why: a mock test must survive a restart mid-paper and its result must be
// kept, so mocks live in their own small file (study-mocks.json), apart from
// the per-answer journal. One paper can be open per pack; starting another
// replaces it. On submit the result is saved first, then each answered
// question rates its card (wrong → Again, right → Good; unanswered is left
// alone, since skipping says nothing about memory). If that second save
// failed the result would still be kept and the error reported.
import * as z from 'zod'
import { ratingForAnswer } from '../../../shared/domain/grading'
import { questionItemId } from '../../../shared/domain/ids'
import { firstBlockOf } from '../../../shared/domain/lookups'
import { MARKS_HUNDREDTHS, marks, MOCK_QUESTIONS_MAX, suggestedMinutes } from '../../../shared/domain/mock'
import { correctOption, isSingleChoice, optionCount } from '../../../shared/domain/questions'
import type { MockPaper, MockResult, StudyRating } from '../../../shared/domain/study'
import { Id } from '../../../shared/pack/schema'
import { MockAnswer, MockId } from '../../../shared/routes/study'
import { NotFoundError, ServiceError } from '../errors'
import type { PackService } from '../packs/pack-service'
import { openJsonStore, type JsonStore } from '../store/json-store'
import { indexPack } from './items'
import { pickQuestions, scoreMock } from './mock-test'

const IsoTime = z.iso.datetime()
const Answers = z.record(Id, MockAnswer)
// `answers` came after version 1 shipped: optional, so older files still load.
const ActiveMock = z
  .object({ id: MockId, packId: Id, questionIds: z.array(Id).min(1).max(MOCK_QUESTIONS_MAX), startedAt: IsoTime, answers: Answers.optional() })
  .strict()
const StoredResult = z
  .object({
    id: MockId,
    startedAt: IsoTime,
    submittedAt: IsoTime,
    answers: z.array(z.object({ q: Id, chosen: z.number().int().min(0).nullable(), correct: z.number().int().min(0) }).strict()),
    hundredths: z.number().int()
  })
  .strict()
export const MockStoreSchema = z.object({ active: z.record(Id, ActiveMock), results: z.record(Id, z.array(StoredResult)) }).strict()
type MockData = z.infer<typeof MockStoreSchema>
type Stored = z.infer<typeof StoredResult>

export const MOCK_STORE = { name: 'study-mocks', version: 1 } as const

export interface MockServiceOptions {
  dir: string
  packs: PackService
  clock: () => Date
  random: () => number
  /** Rates the answered questions' cards as one journal write. */
  rate: (packId: string, ratings: { itemId: string; rating: StudyRating }[], mockId: string) => Promise<void>
}

export interface MockService {
  start(input: { packId: string; count: number; sectionIds?: string[] | undefined }): Promise<MockPaper>
  active(packId: string): MockPaper | null
  /** Keeps the choices so far on disk, so a closed window or a crash mid-paper costs nothing. */
  saveAnswers(input: { mockId: string; answers: Record<string, number | null> }): Promise<MockPaper>
  submit(input: { mockId: string; answers: Record<string, number | null> }): Promise<MockResult>
  /** Newest first. */
  history(packId: string): MockResult[]
  /** Oldest first, for the dashboard. */
  scores(packId: string): { mockId: string; submittedAt: string; score: number; maxScore: number }[]
  readonly store: JsonStore<MockData>
}

export async function openMockService(opts: MockServiceOptions): Promise<MockService> {
  const { packs, clock } = opts
  const store = await openJsonStore<MockData>({
    dir: opts.dir,
    name: MOCK_STORE.name,
    version: MOCK_STORE.version,
    schema: MockStoreSchema,
    defaults: () => ({ active: {}, results: {} }),
    clock
  })
  const own = <T>(rec: Record<string, T>, key: string): T | undefined => (Object.hasOwn(rec, key) ? rec[key] : undefined)
  const paper = (m: z.infer<typeof ActiveMock>): MockPaper => ({
    mockId: m.id,
    packId: m.packId,
    questionIds: [...m.questionIds],
    startedAt: m.startedAt,
    suggestedMinutes: suggestedMinutes(m.questionIds.length),
    answers: { ...(m.answers ?? {}) }
  })
  const openMock = (mockId: string): z.infer<typeof ActiveMock> => {
    const mock = Object.values(store.data.active).find((m) => m.id === mockId)
    if (mock) return mock
    const done = Object.values(store.data.results).some((rs) => rs.some((r) => r.id === mockId))
    if (done) throw new ServiceError('validation', 'This mock was already submitted.')
    throw new NotFoundError(`No open mock "${mockId}".`)
  }
  /** Every answer must name a question of this paper and an option it has. */
  const checkAnswers = (mock: z.infer<typeof ActiveMock>, answers: Record<string, number | null>): void => {
    const questions = indexPack(packs.get(mock.packId)).questions
    const issues = Object.entries(answers).flatMap(([qid, chosen]) => {
      const q = mock.questionIds.includes(qid) ? questions.get(qid) : undefined
      if (!mock.questionIds.includes(qid)) return [{ path: `answers.${qid}`, message: 'not a question of this mock' }]
      if (chosen !== null && q && isSingleChoice(q) && chosen >= optionCount(q)) return [{ path: `answers.${qid}`, message: 'no such option' }]
      return []
    })
    if (issues.length) throw new ServiceError('validation', 'Some answers do not fit this mock.', issues)
  }
  const hydrate = (packId: string, r: Stored): MockResult => {
    const pack = packs.has(packId) ? packs.get(packId) : null
    const questions = pack ? indexPack(pack).questions : new Map()
    const score = scoreMock(r.answers.map((a) => ({ questionId: a.q, correct: a.correct, chosen: a.chosen })))
    return {
      mockId: r.id,
      packId,
      startedAt: r.startedAt,
      submittedAt: r.submittedAt,
      right: score.right,
      wrong: score.wrong,
      unanswered: score.unanswered,
      score: marks(r.hundredths),
      maxScore: marks(score.maxHundredths),
      items: score.answers.map((a) => {
        const q = questions.get(a.questionId)
        return {
          questionId: a.questionId,
          questionKind: q?.kind ?? null,
          chosen: a.chosen,
          correct: a.correct,
          outcome: a.outcome,
          marks: marks(a.hundredths),
          explanation: q?.explanation ?? null,
          blockId: q && pack ? firstBlockOf(pack, q) : null
        }
      })
    }
  }

  return {
    store,
    async start({ packId, count, sectionIds }) {
      const index = indexPack(packs.get(packId))
      const known = new Set(index.sectionOrder.keys())
      const unknown = (sectionIds ?? []).filter((s) => !known.has(s))
      if (unknown.length)
        throw new ServiceError('validation', `Pack "${packId}" has no section "${unknown[0]}".`, [{ path: 'sectionIds', message: 'unknown section' }])
      const eligible = [...index.questions.values()]
        .filter(isSingleChoice)
        .filter((q) => !sectionIds || index.items.get(questionItemId(q.id))?.sectionIds.some((s) => sectionIds.includes(s)))
        .map((q) => q.id)
      if (!eligible.length)
        throw new ServiceError('validation', 'No multiple-choice questions to make a mock from.', [{ path: 'sectionIds', message: 'no questions' }])
      const now = clock()
      const suffix = Math.floor(opts.random() * 36 ** 4).toString(36)
      const mock = {
        id: `mock-${now.getTime().toString(36)}-${suffix}`,
        packId,
        questionIds: pickQuestions(eligible, count, opts.random),
        startedAt: now.toISOString()
      }
      await store.update((draft) => {
        draft.active[packId] = mock
      })
      return paper(mock)
    },
    active(packId) {
      packs.requirePack(packId)
      const m = own(store.data.active, packId)
      return m ? paper(m) : null
    },
    async saveAnswers({ mockId, answers }) {
      const mock = openMock(mockId)
      checkAnswers(mock, answers)
      await store.update((draft) => {
        const open = draft.active[mock.packId]
        if (open?.id === mockId) open.answers = { ...answers }
      })
      return paper(openMock(mockId))
    },
    async submit({ mockId, answers }) {
      const mock = openMock(mockId)
      checkAnswers(mock, answers)
      const { packId } = mock
      const questions = indexPack(packs.get(packId)).questions
      // A question that left the pack while the paper was open is not marked.
      const marked = mock.questionIds.flatMap((qid) => {
        const q = questions.get(qid)
        if (!q || !isSingleChoice(q)) return []
        return [{ questionId: qid, correct: correctOption(q), chosen: Object.hasOwn(answers, qid) ? (answers[qid] ?? null) : null }]
      })
      const score = scoreMock(marked)
      const result: Stored = {
        id: mock.id,
        startedAt: mock.startedAt,
        submittedAt: clock().toISOString(),
        answers: score.answers.map((a) => ({ q: a.questionId, chosen: a.chosen, correct: a.correct })),
        hundredths: score.hundredths
      }
      await store.update((draft) => {
        delete draft.active[packId]
        if (!Object.hasOwn(draft.results, packId)) draft.results[packId] = []
        draft.results[packId]?.push(result)
      })
      const ratings = score.answers
        .filter((a) => a.outcome !== 'unanswered')
        .map((a) => ({ itemId: questionItemId(a.questionId), rating: ratingForAnswer(a.outcome === 'right') }))
      if (ratings.length) await opts.rate(packId, ratings, mock.id)
      return hydrate(packId, result)
    },
    history(packId) {
      packs.requirePack(packId)
      return (own(store.data.results, packId) ?? []).map((r) => hydrate(packId, r)).reverse()
    },
    scores(packId) {
      return (own(store.data.results, packId) ?? []).map((r) => ({
        mockId: r.id,
        submittedAt: r.submittedAt,
        score: marks(r.hundredths),
        maxScore: marks(r.answers.length * MARKS_HUNDREDTHS.right)
      }))
    }
  }
}
