// Why: one scheduler for the whole app. The question bank, compare-table
// cells and reading highlights are all items of one per-pack deck, rated
// through here, so self-test, compare and reading modes share one memory
// model and one dashboard. Each answer is computed from the card the answer
// before it left (decided in call order by the store, pending answers
// included, so no queue of its own is needed), and is on disk before its call
// resolves.
import { State } from 'ts-fsrs'
import type { In } from '../../../shared/contract'
import type { StoreNotice } from '../../../shared/domain'
import { highlightItemId, type ItemKind } from '../../../shared/domain/ids'
import type { ExamPlan } from '../../../shared/domain/exam'
import type { CardSummary, QueueItem, StudyQueue, StudyRating, StudyStats, UndoResult } from '../../../shared/domain/study'
import { NotFoundError, ServiceError } from '../errors'
import type { PackService } from '../packs/pack-service'
import type { StoreFileOptions } from '../store/json-store'
import { addDays, localCalendar, type Calendar } from './days'
import { buildExamPlan } from './exam-report'
import { pastDates } from './exam-targets'
import { buildDeck, findItem, indexPack, type DeckItem } from './items'
import { openMockService, type MockService, type MockServiceOptions } from './mock-service'
import { cramQueue, dueQueue, sectionQueue, type QueueContext } from './queue'
import { createScheduler, summarise, type FsrsTuning, type StoredCard } from './scheduler'
import { buildStats } from './stats'
import type { LogEntry, NewLogEntry, PackStudy } from './study-schema'
import { StudyStore } from './study-store'

export const DEFAULT_NEW_PER_DAY = 20
const MAX_HIGHLIGHT_CARDS = 5000

export interface StudyServiceOptions {
  dir: string
  packs: PackService
  clock?: () => Date
  /** The student's time zone; tests pin a fixed offset. */
  calendar?: Calendar
  /** New items brought in per pack per day by the due queue. */
  newPerDay?: number
  random?: () => number
  checkpointAt?: number
  keepLive?: number
  retryMs?: number
  /** Passed to every study file (tests inject failing writes). */
  store?: Omit<StoreFileOptions, 'dir' | 'clock'>
  /** Desired retention and fitted parameters, asked at each answer (default: ts-fsrs's). */
  tuning?: () => FsrsTuning
}

export interface StudyService {
  queue(input: In<'study:queue'>): StudyQueue
  rate(input: In<'study:rate'>): Promise<CardSummary>
  undo(packId: string): Promise<UndoResult>
  stats(packId: string): StudyStats
  addCustomCard(input: In<'study:addCustomCard'>): Promise<QueueItem>
  removeCustomCard(packId: string, id: string): Promise<{ removed: boolean }>
  setExam(input: In<'exam:set'>): Promise<ExamPlan>
  plan(packId: string): ExamPlan | null
  /** Every review of the pack still on record, oldest first (history, export, bench). */
  history(packId: string): Promise<LogEntry[]>
  readonly mocks: MockService
  /** A marked paper's answers (mock or Prelims) rating one pack's cards in one journal write; undo leaves them. */
  rateAnswers: MockServiceOptions['rate']
  readonly store: StudyStore
  /** Its files' recovery notices and any checkpoint failure, as they are now. */
  notices(): StoreNotice[]
  flush(): Promise<void>
}

export async function openStudyService(opts: StudyServiceOptions): Promise<StudyService> {
  const { packs } = opts
  const clock = opts.clock ?? (() => new Date())
  const calendar = opts.calendar ?? localCalendar
  const newPerDay = opts.newPerDay ?? DEFAULT_NEW_PER_DAY
  const tuning = opts.tuning ? { tuning: opts.tuning } : {}
  const scheduler = createScheduler(tuning)
  const planner = createScheduler({ shortTerm: false, ...tuning })
  const store = await StudyStore.open({
    dir: opts.dir,
    clock,
    ...(opts.checkpointAt !== undefined ? { checkpointAt: opts.checkpointAt } : {}),
    ...(opts.keepLive !== undefined ? { keepLive: opts.keepLive } : {}),
    ...(opts.retryMs !== undefined ? { retryMs: opts.retryMs } : {}),
    ...(opts.store ? { store: opts.store } : {})
  })

  const deckOf = (packId: string, kinds?: readonly ItemKind[]): DeckItem[] => buildDeck(indexPack(packs.get(packId)), store.pack(packId).highlights, kinds)
  const resolve = (packId: string, itemId: string): DeckItem => {
    const item = findItem(indexPack(packs.get(packId)), store.pack(packId).highlights, itemId)
    if (!item) throw new NotFoundError(`Pack "${packId}" has no item "${itemId}".`)
    return item
  }
  const summary = (itemId: string, card: StoredCard | undefined, now: Date): CardSummary => summarise(itemId, card, scheduler.recall(card, now))
  const toQueueItem = (packId: string, item: DeckItem, now: Date): QueueItem => ({
    itemId: item.itemId,
    ref: item.ref,
    sectionIds: [...item.sectionIds],
    card: summary(item.itemId, store.card(packId, item.itemId), now)
  })
  const sectionsOf = (packId: string) => packs.get(packId).sections.map((s) => ({ id: s.id, title: s.title }))
  const requireSection = (packId: string, sectionId: string): void => {
    if (!indexPack(packs.get(packId)).sectionOrder.has(sectionId)) {
      throw new ServiceError('validation', `Pack "${packId}" has no section "${sectionId}".`, [{ path: 'sectionId', message: 'unknown section' }])
    }
  }
  const entryBase = (packId: string, itemId: string, rating: StudyRating, now: Date) => ({
    packId,
    itemId,
    at: now.toISOString(),
    day: calendar.dayOf(now),
    rating
  })
  const review = (packId: string, itemId: string, rating: StudyRating, now: Date, source: NewLogEntry['source']): NewLogEntry => {
    const prev = store.card(packId, itemId)
    const { card, log } = scheduler.review(prev, now, rating)
    return { ...entryBase(packId, itemId, rating, now), source, fresh: !prev || prev.state === State.New, card, log, ...(prev ? { prevDue: prev.due } : {}) }
  }

  // The dates are the student's: set in one pack, they plan every pack. The minutes a day stay the pack's own once set.
  const examOf = (packId: string): PackStudy['exam'] => {
    const own = store.pack(packId).exam
    const latest = store.latestExam()
    if (!latest) return null
    return { ...latest, minutesPerDay: own?.minutesPerDay ?? latest.minutesPerDay }
  }
  const plan = (packId: string): ExamPlan | null => {
    const exam = examOf(packId)
    if (!exam) return null
    const pack = packs.get(packId)
    return buildExamPlan({
      packId,
      settings: { ...exam.dates, minutesPerDay: exam.minutesPerDay },
      deck: deckOf(packId),
      cards: store.cards(packId),
      sections: sectionsOf(packId),
      questions: indexPack(pack).questions,
      now: clock(),
      calendar,
      recall: scheduler,
      planner
    })
  }

  const rateAnswers: StudyService['rateAnswers'] = async (packId, ratings, mockId) => {
    const now = clock()
    await store.append(() => ratings.map((r) => ({ ...review(packId, r.itemId, r.rating, now, 'mock'), mockId })))
  }
  const mocks = await openMockService({ dir: opts.dir, packs, clock, random: opts.random ?? Math.random, rate: rateAnswers })

  return {
    store,
    mocks,
    rateAnswers,
    notices: () => [...store.notices, ...mocks.store.notices],
    queue({ packId, mode, sectionId, limit = 100, kinds }) {
      if (sectionId !== undefined) requireSection(packId, sectionId)
      const now = clock()
      const today = calendar.dayOf(now)
      const cards = store.cards(packId)
      const freshToday = store.dailyCounts(packId).get(today)?.fresh ?? 0
      const ctx: QueueContext = {
        deck: deckOf(packId, kinds),
        cards,
        now,
        tomorrow: calendar.startOf(addDays(today, 1)),
        recall: (card) => scheduler.recall(card, now),
        newLeftToday: Math.max(0, newPerDay - freshToday)
      }
      const res = mode === 'due' ? dueQueue(ctx, limit) : mode === 'cram' ? cramQueue(ctx, limit) : sectionQueue(ctx, sectionId as string, limit)
      return {
        packId,
        mode,
        items: res.items.map((item) => toQueueItem(packId, item, now)),
        counts: { dueNow: res.dueNow, newAvailable: res.newAvailable, newLeftToday: ctx.newLeftToday, newPerDay }
      }
    },
    async rate({ packId, itemId, rating, cram, reschedule }) {
      resolve(packId, itemId)
      const now = clock()
      if (cram && !reschedule) {
        // Practice only: counted for the day, the card is left as it is.
        await store.append([{ ...entryBase(packId, itemId, rating, now), source: 'cram', fresh: false }])
        return summary(itemId, store.card(packId, itemId), now)
      }
      const [entry] = await store.append(() => [review(packId, itemId, rating, now, cram ? 'cram' : 'study')])
      return summary(itemId, entry?.card, now)
    },
    async undo(packId) {
      packs.requirePack(packId)
      const entry = store.lastUndoable(packId)
      if (!entry) throw new NotFoundError('Nothing to undo.')
      if (entry.source === 'mock') throw new ServiceError('validation', 'The last answers came from a mock test, which cannot be undone.')
      // Taken out of the journal at once, so a second undo sees the answer before it.
      const removing = store.remove(entry)
      // The card the answers before it left (study.json's, then the journal's): exactly the card before this answer.
      const card = store.card(packId, entry.itemId)
      await removing
      return { itemId: entry.itemId, rating: entry.rating, at: entry.at, card: summary(entry.itemId, card, clock()) }
    },
    stats(packId) {
      const deck = deckOf(packId)
      const cards = store.cards(packId)
      const inDeck = new Set(deck.map((i) => i.itemId))
      return buildStats({
        packId,
        deck,
        cards,
        sections: sectionsOf(packId),
        orphaned: [...cards.keys()].filter((id) => !inDeck.has(id)).length,
        now: clock(),
        calendar,
        scheduler,
        daily: store.dailyCounts(packId),
        mockScores: mocks.scores(packId)
      })
    },
    async addCustomCard({ packId, id, text, answer, blockId }) {
      const index = indexPack(packs.get(packId))
      if (!index.sectionOfBlock.has(blockId)) {
        throw new ServiceError('validation', `Pack "${packId}" has no block "${blockId}".`, [{ path: 'blockId', message: 'unknown block' }])
      }
      const existing = store.pack(packId).highlights
      if (!Object.hasOwn(existing, id) && Object.keys(existing).length >= MAX_HIGHLIGHT_CARDS) {
        throw new ServiceError('validation', `A pack can hold at most ${MAX_HIGHLIGHT_CARDS} highlight cards.`)
      }
      const createdAt = Object.hasOwn(existing, id) ? existing[id]!.createdAt : clock().toISOString()
      await store.updatePack(packId, (p) => {
        p.highlights[id] = { id, text, answer, blockId, createdAt }
      })
      return toQueueItem(packId, resolve(packId, highlightItemId(id)), clock())
    },
    async removeCustomCard(packId, id) {
      packs.requirePack(packId)
      if (!Object.hasOwn(store.pack(packId).highlights, id)) return { removed: false }
      // The card's progress is kept (like an orphan): adding the highlight back resumes it.
      await store.updatePack(packId, (p) => {
        delete p.highlights[id]
      })
      return { removed: true }
    },
    async setExam({ packId, dates, minutesPerDay }) {
      packs.requirePack(packId)
      const now = clock()
      // A date already passed is kept only if it was saved before (Prelims is over, the Mains dates still count).
      const saved = examOf(packId)?.dates
      const problems = pastDates(dates, saved, calendar.dayOf(now))
      if (problems.length) throw new ServiceError('validation', `${problems.map((p) => p.message).join('; ')}.`, problems)
      await store.updatePack(packId, (p) => {
        p.exam = { dates, minutesPerDay, setAt: now.toISOString() }
      })
      return plan(packId) as ExamPlan
    },
    plan(packId) {
      packs.requirePack(packId)
      return plan(packId)
    },
    history(packId) {
      return store.history(packId)
    },
    async flush() {
      await Promise.all([store.flush(), mocks.store.flush()])
    }
  }
}
