// Why: a tiny in-memory stand-in for main's study, mock and exam channels, on
// top of the shared fake api, so self-test and dashboard tests drive the real
// stores. Its pack adds the kinds the shared fixture lacks (match, mains, a
// cloze with alternatives) and its queue can hold a table cell and a highlight.
import type { Mock } from 'vitest'
import type { Pack } from '@shared/domain'
import type { ExamSettings } from '@shared/domain/exam'
import type { CardSummary, MockPaper, MockResult, QueueItem, StudyRating, StudyStats } from '@shared/domain/study'
import { ApiError } from '@shared/result'
import { planFor } from '../dashboard/fake-exam'
import { fixturePack } from '../fixtures/pack'
import { api } from '../helpers/fake-api'

export function studyPack(): Pack {
  const pack = fixturePack()
  pack.questions.push(
    {
      id: 'q-match',
      kind: 'match',
      tests: ['blk-list'],
      prompt: 'Match the minister with the portfolio.',
      listI: ['Rajnath Singh', 'S. Jaishankar'],
      listII: ['External Affairs', 'Defence'],
      answer: [1, 0],
      explanation: 'Singh held Defence; Jaishankar, External Affairs.'
    },
    {
      id: 'q-mains',
      kind: 'mains',
      tests: ['blk-s400'],
      prompt: 'Assess the 2+2 as signalling.',
      wordLimit: 150,
      outline: ['Intro', 'Substance', 'Signalling'],
      explanation: 'Weigh outcomes.'
    },
    {
      id: 'q-cloze2',
      kind: 'cloze',
      tests: ['blk-fact'],
      text: 'It met on {{blank}} 2021.',
      answer: '6 December',
      accept: ['December 6'],
      explanation: '6 December 2021.'
    }
  )
  return pack
}

const card = (itemId: string, state: CardSummary['state'] = 'new'): CardSummary => ({
  itemId,
  state,
  due: state === 'new' ? null : '2026-11-02T00:00:00.000Z',
  stability: 1,
  difficulty: 5,
  reps: state === 'new' ? 0 : 1,
  lapses: 0,
  lastReview: null,
  retrievability: state === 'new' ? null : 0.9
})

export function questionItem(questionId: string, sectionIds = ['sec-origins']): QueueItem {
  const q = studyPack().questions.find((x) => x.id === questionId)
  if (!q) throw new Error(`no question ${questionId}`)
  return { itemId: `q:${questionId}`, ref: { kind: 'question', questionId, questionKind: q.kind }, sectionIds, card: card(`q:${questionId}`) }
}

export const cellItem = (): QueueItem => ({
  itemId: 'cell:row-first/russia',
  ref: { kind: 'cell', tableId: 'tbl-compare', rowId: 'row-first', columnId: 'russia' },
  sectionIds: [],
  card: card('cell:row-first/russia')
})

export const highlightItem = (): QueueItem => ({
  itemId: 'hl:h1',
  ref: { kind: 'highlight', id: 'h1', text: 'S-400 {{blank}} continued.', answer: 'deliveries', blockId: 'blk-s400', createdAt: '2026-11-01T00:00:00.000Z' },
  sectionIds: ['sec-defence'],
  card: card('hl:h1')
})

export interface StudyMain {
  /** What the due/cram/section queue returns, in order. */
  queue: QueueItem[]
  ratings: { itemId: string; rating: StudyRating; cram?: boolean; reschedule?: boolean }[]
  active: MockPaper | null
  history: MockResult[]
  exam: ExamSettings | null
}

export const study: StudyMain = { queue: [], ratings: [], active: null, history: [], exam: null }

const MOCKABLE = new Set(['statements', 'mcq', 'true-false'])
const correctOf = (qid: string): number => {
  const q = studyPack().questions.find((x) => x.id === qid)
  if (q?.kind === 'true-false') return q.answer ? 0 : 1
  return q && 'answer' in q && typeof q.answer === 'number' ? q.answer : 0
}

export function statsFor(reviewsToday: number): StudyStats {
  const days = Array.from({ length: 90 }, (_, i) => ({ date: `2026-08-${String((i % 28) + 1).padStart(2, '0')}`, reviews: 0 }))
  days[89] = { date: '2026-11-01', reviews: reviewsToday }
  return {
    packId: 'fixture',
    today: '2026-11-01',
    totals: { items: 12, new: 10, learning: 1, review: 1, dueNow: 2, orphaned: 0, mastery: 0.25 },
    sections: [
      { sectionId: 'sec-origins', title: 'Origins of the 2+2', items: 8, new: 6, learning: 1, review: 1, mastery: 0.4, recall: 0.8 },
      { sectionId: 'sec-defence', title: 'Defence ties', items: 4, new: 4, learning: 0, review: 0, mastery: 0, recall: null }
    ],
    reviewsPerDay: days,
    dueForecast: Array.from({ length: 14 }, (_, i) => ({ date: `2026-11-${String(i + 1).padStart(2, '0')}`, due: i === 0 ? 2 : 1 })),
    mockScores: [{ mockId: 'mock-a', submittedAt: '2026-10-30T10:00:00.000Z', score: 3.34, maxScore: 6 }],
    streak: { days: 3, reviewedToday: reviewsToday > 0 }
  }
}

// mockReset: these channels are bare mocks that resetApi() leaves alone, so their calls would pile up across tests.
const m = (channel: keyof typeof api) => (api[channel] as Mock).mockReset()

/** Call after resetApi(): fills the study channels with working fakes. */
export function installStudy(patch: Partial<StudyMain> = {}): void {
  Object.assign(study, { queue: [questionItem('q-statements')], ratings: [], active: null, history: [], exam: null }, patch)
  m('packs:get').mockImplementation(async () => studyPack())
  m('study:queue').mockImplementation(async ({ mode }) => ({
    packId: 'fixture',
    mode,
    items: structuredClone(study.queue),
    counts: { dueNow: 1, newAvailable: study.queue.length, newLeftToday: 20 - study.ratings.length, newPerDay: 20 }
  }))
  m('study:rate').mockImplementation(async ({ itemId, rating, cram, reschedule }) => {
    study.ratings.push({ itemId, rating, ...(cram ? { cram } : {}), ...(reschedule ? { reschedule } : {}) })
    study.queue = study.queue.filter((i) => i.itemId !== itemId)
    return card(itemId, 'learning')
  })
  m('study:undo').mockImplementation(async () => {
    const last = study.ratings.pop()
    if (!last) throw new ApiError({ code: 'not-found', message: 'Nothing to undo.' })
    return { itemId: last.itemId, rating: last.rating, at: '2026-11-01T09:00:00.000Z', card: card(last.itemId) }
  })
  m('study:stats').mockImplementation(async () => statsFor(study.ratings.length))
  m('exam:plan').mockImplementation(async () => (study.exam ? planFor(study.exam) : null))
  m('exam:set').mockImplementation(async ({ dates, minutesPerDay }) => {
    const exam = { ...dates, minutesPerDay }
    study.exam = exam
    return planFor(exam)
  })
  m('mock:active').mockImplementation(async () => structuredClone(study.active))
  m('mock:history').mockImplementation(async () => structuredClone(study.history))
  m('mock:start').mockImplementation(async ({ count }) => {
    const ids = studyPack()
      .questions.filter((q) => MOCKABLE.has(q.kind))
      .map((q) => q.id)
      .slice(0, count ?? 25)
    study.active = {
      mockId: 'mock-test-1',
      packId: 'fixture',
      questionIds: ids,
      startedAt: new Date().toISOString(),
      suggestedMinutes: Math.ceil(ids.length * 1.2),
      answers: {}
    }
    return structuredClone(study.active)
  })
  // Like main: the open paper keeps the answers given so far.
  m('mock:saveAnswers').mockImplementation(async ({ mockId, answers }) => {
    if (!study.active || study.active.mockId !== mockId) throw new ApiError({ code: 'not-found', message: 'No open mock.' })
    study.active = { ...study.active, answers: { ...answers } }
    return structuredClone(study.active)
  })
  m('mock:submit').mockImplementation(async ({ mockId, answers }) => {
    if (!study.active || study.active.mockId !== mockId) throw new ApiError({ code: 'not-found', message: 'No open mock.' })
    const items = study.active.questionIds.map((questionId) => {
      const chosen = answers[questionId] ?? null
      const correct = correctOf(questionId)
      const outcome = chosen === null ? 'unanswered' : chosen === correct ? 'right' : 'wrong'
      const marks = outcome === 'right' ? 2 : outcome === 'wrong' ? -0.66 : 0
      const q = studyPack().questions.find((x) => x.id === questionId)
      return {
        questionId,
        questionKind: q?.kind ?? null,
        chosen,
        correct,
        outcome,
        marks,
        explanation: q?.explanation ?? null,
        blockId: q?.tests[0] ?? null
      } as const
    })
    const sum = (o: string) => items.filter((i) => i.outcome === o).length
    const result: MockResult = {
      mockId,
      packId: 'fixture',
      startedAt: study.active.startedAt,
      submittedAt: '2026-11-01T10:00:00.000Z',
      right: sum('right'),
      wrong: sum('wrong'),
      unanswered: sum('unanswered'),
      score: Math.round(items.reduce((a, i) => a + i.marks * 100, 0)) / 100,
      maxScore: items.length * 2,
      items: items.map((i) => ({ ...i }))
    }
    study.history.unshift(result)
    study.active = null
    return structuredClone(result)
  })
}

/** A promise the test resolves by hand, to hold a call "in flight". */
export function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

/** The roles helper has no checkbox role; find one by its wrapping label's text. */
export function checkbox(root: ParentNode, name: string): HTMLInputElement {
  const found = [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].filter((c) => c.closest('label')?.textContent?.trim() === name)
  if (found.length !== 1) throw new Error(`expected one checkbox named ${name}, found ${found.length}`)
  return found[0] as HTMLInputElement
}

export function press(key: string, init: KeyboardEventInit = {}, target: EventTarget = document.activeElement ?? document.body): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init })
  target.dispatchEvent(event)
  return event
}
