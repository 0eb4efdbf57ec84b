// Why: a 2-hour paper must survive a closed window, a crash or a restart, so
// the open paper (which questions, every answer, the marks for review and the
// time per question) lives in its own small durable file (prelims-paper.json,
// through the same json-store as the mock tests), saved whole on every change.
// Main owns the clock: once time is up (plus a short grace for a save in
// flight) no answer changes, and a paper handed in late is marked as it was
// last saved. Only one paper is open at a time, across all packs.
import * as z from 'zod'
import type { In } from '../../../shared/contract'
import { findQuestion } from '../../../shared/domain/lookups'
import {
  PRELIMS_GRACE_SECONDS,
  PRELIMS_QUESTIONS,
  PRELIMS_RESULTS_MAX,
  prelimsMinutes,
  type PrelimsAvailability,
  type PrelimsPaper,
  type PrelimsQuestion,
  type PrelimsResult,
  type PrelimsResultSummary
} from '../../../shared/domain/prelims'
import { Id } from '../../../shared/pack/schema'
import { PaperId } from '../../../shared/routes/prelims'
import { NotFoundError, ServiceError } from '../errors'
import type { PackService } from '../packs/pack-service'
import { openJsonStore, type JsonStore, type StoreFileOptions } from '../store/json-store'
import { pickQuestions } from '../study/mock-test'
import { eligibleQuestions, setQuestion, type SetQuestion } from './prelims-questions'
import { rateCards, type RateAnswers } from './prelims-rating'
import { scorePaper, type AnsweredQuestion } from './prelims-score'

const IsoTime = z.iso.datetime()
const Ms = z.number().int().min(0)
const ActivePaper = z
  .object({
    id: PaperId,
    startedAt: IsoTime,
    minutes: z.number().int().min(1),
    questions: z
      .array(z.object({ p: Id, q: Id }).strict())
      .min(1)
      .max(PRELIMS_QUESTIONS),
    answers: z.array(z.number().int().min(0).nullable()),
    review: z.array(z.boolean()),
    timeMs: z.array(Ms)
  })
  .strict()
const StoredItem = z
  .object({ p: Id, pt: z.string(), s: z.string(), st: z.string(), q: Id, correct: z.number().int().min(0), chosen: z.number().int().min(0).nullable(), t: Ms })
  .strict()
const StoredResult = z
  .object({ id: PaperId, startedAt: IsoTime, submittedAt: IsoTime, minutes: z.number().int().min(1), timedOut: z.boolean(), items: z.array(StoredItem) })
  .strict()
export const PrelimsStoreSchema = z.object({ active: ActivePaper.nullable(), results: z.array(StoredResult) }).strict()
type PrelimsData = z.infer<typeof PrelimsStoreSchema>
type Active = z.infer<typeof ActivePaper>
type Stored = z.infer<typeof StoredResult>

export const PRELIMS_STORE = { name: 'prelims-paper', version: 1 } as const
/** How far the time per question may run ahead of the wall clock (timers on the page and in main tick apart). */
const TIME_SLACK_MS = 60_000

export interface PrelimsServiceOptions {
  dir: string
  packs: PackService
  clock?: () => Date
  random?: () => number
  store?: Omit<StoreFileOptions, 'dir' | 'clock'>
  /** Rates the answered questions' cards, one journal write per pack (the study service's rateAnswers). */
  rate: RateAnswers
}

export interface PrelimsService {
  availability(): PrelimsAvailability
  start(input: In<'prelims:start'>): Promise<PrelimsPaper>
  active(): PrelimsPaper | null
  save(input: In<'prelims:save'>): Promise<PrelimsPaper>
  submit(input: In<'prelims:submit'>): Promise<PrelimsResult>
  /** Newest first. */
  history(): PrelimsResultSummary[]
  result(paperId: string): PrelimsResult
  readonly store: JsonStore<PrelimsData>
}

const invalid = (message: string, path: string, issue: string): ServiceError => new ServiceError('validation', message, [{ path, message: issue }])

export async function openPrelimsService(opts: PrelimsServiceOptions): Promise<PrelimsService> {
  const { packs } = opts
  const clock = opts.clock ?? (() => new Date())
  const random = opts.random ?? Math.random
  const store = await openJsonStore<PrelimsData>({
    ...opts.store,
    dir: opts.dir,
    name: PRELIMS_STORE.name,
    version: PRELIMS_STORE.version,
    schema: PrelimsStoreSchema,
    defaults: () => ({ active: null, results: [] }),
    clock
  })

  const loadedPacks = () => packs.list().packs.map((p) => packs.get(p.id))
  const lookUp = (packId: string, questionId: string): SetQuestion | null => {
    if (!packs.has(packId)) return null
    const pack = packs.get(packId)
    const q = findQuestion(pack, questionId)
    return q ? setQuestion(pack, q) : null
  }
  const endsAt = (a: Active): number => Date.parse(a.startedAt) + a.minutes * 60_000
  const printed = (a: Active): PrelimsQuestion[] =>
    a.questions.map(({ p, q }) => {
      const set = lookUp(p, q)
      if (set) return set.printed
      return {
        packId: p,
        packTitle: p,
        sectionId: '',
        sectionTitle: '',
        questionId: q,
        kind: 'mcq',
        missing: true,
        stem: 'This question has left its pack; it will not be marked.',
        options: []
      }
    })
  const toPaper = (a: Active): PrelimsPaper => ({
    paperId: a.id,
    startedAt: a.startedAt,
    minutes: a.minutes,
    endsAt: new Date(endsAt(a)).toISOString(),
    questions: printed(a),
    answers: [...a.answers],
    review: [...a.review],
    timeMs: [...a.timeMs]
  })
  const openPaper = (paperId: string): Active => {
    const a = store.data.active
    if (a?.id === paperId) return a
    if (store.data.results.some((r) => r.id === paperId)) throw invalid('This paper was already handed in.', 'paperId', 'already submitted')
    throw new NotFoundError(`No open Prelims paper "${paperId}".`)
  }
  /** The sheet must fit the paper: one entry per question, each answer an option that question has. */
  const checkSheet = (a: Active, sheet: In<'prelims:save'>, now: number): void => {
    const n = a.questions.length
    if (sheet.answers.length !== n)
      throw invalid(`This paper has ${n} questions; the answer sheet has ${sheet.answers.length}.`, 'answers', `expected ${n} entries`)
    const questions = printed(a)
    const issues = sheet.answers.flatMap((chosen, i) => {
      const q = questions[i]
      if (chosen === null || !q) return []
      if (q.missing) return [{ path: `answers.${i}`, message: 'this question has left its pack' }]
      return chosen >= q.options.length ? [{ path: `answers.${i}`, message: `question ${i + 1} has no option ${chosen + 1}` }] : []
    })
    if (issues.length) throw new ServiceError('validation', 'Some answers do not fit this paper.', issues)
    const spent = sheet.timeMs.reduce((s, t) => s + t, 0)
    if (spent > now - Date.parse(a.startedAt) + TIME_SLACK_MS) {
      throw invalid('The time per question adds up to more than the paper has been open.', 'timeMs', 'more time than has passed')
    }
  }
  const hydrate = (r: Stored): PrelimsResult =>
    scorePaper(
      { paperId: r.id, startedAt: r.startedAt, submittedAt: r.submittedAt, minutes: r.minutes, timedOut: r.timedOut },
      r.items.map((i) => ({
        packId: i.p,
        packTitle: i.pt,
        sectionId: i.s,
        sectionTitle: i.st,
        questionId: i.q,
        correct: i.correct,
        chosen: i.chosen,
        timeMs: i.t
      }))
    )

  return {
    store,
    availability() {
      const perPack = loadedPacks().map((pack) => ({ packId: pack.id, title: pack.title, questions: eligibleQuestions([pack]).length }))
      return { available: perPack.reduce((n, p) => n + p.questions, 0), required: PRELIMS_QUESTIONS, packs: perPack }
    },
    async start({ allowShort }) {
      if (store.data.active) throw invalid('A Prelims paper is already open: resume it, or hand it in before starting another.', 'paperId', 'a paper is open')
      const pool = eligibleQuestions(loadedPacks())
      if (!pool.length)
        throw invalid('No loaded pack has questions a Prelims paper can use (multiple choice, statements or match).', 'allowShort', 'no questions')
      if (pool.length < PRELIMS_QUESTIONS && !allowShort) {
        throw invalid(
          `Only ${pool.length} questions are available across your packs; a full paper needs ${PRELIMS_QUESTIONS}. Start a paper of all ${pool.length} instead.`,
          'allowShort',
          'fewer than 100 questions'
        )
      }
      const picked = pickQuestions(
        pool.map((_, i) => String(i)),
        PRELIMS_QUESTIONS,
        random
      ).map((i) => pool[Number(i)]!)
      const now = clock()
      const n = picked.length
      const active: Active = {
        id: `paper-${now.getTime().toString(36)}-${Math.floor(random() * 36 ** 4).toString(36)}`,
        startedAt: now.toISOString(),
        minutes: prelimsMinutes(n),
        questions: picked.map((x) => ({ p: x.packId, q: x.questionId })),
        answers: Array<null>(n).fill(null),
        review: Array<boolean>(n).fill(false),
        timeMs: Array<number>(n).fill(0)
      }
      await store.update((d) => {
        d.active = active
      })
      return toPaper(active)
    },
    active() {
      return store.data.active ? toPaper(store.data.active) : null
    },
    async save(sheet) {
      const a = openPaper(sheet.paperId)
      const now = clock().getTime()
      if (now > endsAt(a) + PRELIMS_GRACE_SECONDS * 1000)
        throw invalid('Time is up: answers can no longer change. Hand the paper in to see your marks.', 'paperId', 'time is up')
      checkSheet(a, sheet, now)
      await store.update((d) => {
        if (d.active?.id !== a.id) return
        d.active.answers = [...sheet.answers]
        d.active.review = [...sheet.review]
        d.active.timeMs = [...sheet.timeMs]
      })
      return toPaper(openPaper(a.id))
    },
    async submit(sheet) {
      const a = openPaper(sheet.paperId)
      const now = clock()
      const late = now.getTime() > endsAt(a) + PRELIMS_GRACE_SECONDS * 1000
      // Handed in late: what was saved by the bell is the paper, whatever arrives now.
      const final = late ? { answers: a.answers, timeMs: a.timeMs } : sheet
      if (!late) checkSheet(a, sheet, now.getTime())
      const items: (AnsweredQuestion | null)[] = a.questions.map(({ p, q }, i) => {
        const set = lookUp(p, q)
        if (!set) return null
        const { printed: pq, correct } = set
        return {
          packId: p,
          packTitle: pq.packTitle,
          sectionId: pq.sectionId,
          sectionTitle: pq.sectionTitle,
          questionId: q,
          correct,
          chosen: final.answers[i] ?? null,
          timeMs: final.timeMs[i] ?? 0
        }
      })
      const stored: Stored = {
        id: a.id,
        startedAt: a.startedAt,
        submittedAt: now.toISOString(),
        minutes: a.minutes,
        timedOut: now.getTime() >= endsAt(a),
        items: items.flatMap((x) =>
          x ? [{ p: x.packId, pt: x.packTitle, s: x.sectionId, st: x.sectionTitle, q: x.questionId, correct: x.correct, chosen: x.chosen, t: x.timeMs }] : []
        )
      }
      await store.update((d) => {
        d.active = null
        d.results.push(stored)
        if (d.results.length > PRELIMS_RESULTS_MAX) d.results.splice(0, d.results.length - PRELIMS_RESULTS_MAX)
      })
      // The result is on disk before any card moves, and nothing retries the
      // ratings: at most once. Exactly once would need a retry after a restart
      // that can tell whether the journal write landed before the crash, i.e.
      // searching the (possibly archived) journal for this paper's id; a lost
      // rating costs one review, a doubled one would skew the schedule.
      const result = hydrate(stored)
      await rateCards(result, opts.rate)
      return result
    },
    history() {
      return store.data.results
        .map((r) => {
          const full = hydrate(r)
          return { paperId: r.id, submittedAt: r.submittedAt, questions: full.questions, score: full.score, maxScore: full.maxScore }
        })
        .reverse()
    },
    result(paperId) {
      const r = store.data.results.find((x) => x.id === paperId)
      if (!r) throw new NotFoundError(`No handed-in Prelims paper "${paperId}".`)
      return hydrate(r)
    }
  }
}
