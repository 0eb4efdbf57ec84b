// Why: desired retention and the student's own FSRS parameters, in one place
// the scheduler asks and the settings panel changes. An optimisation puts the
// fitted parameters in use at once but keeps the ones they replaced, exactly,
// until the student keeps or reverts it; a failed run changes nothing.
import { OPTIMISE_MIN_REVIEWS, WORKLOAD_RETENTIONS, type TuningState } from '../../../shared/domain/tuning'
import { ServiceError } from '../errors'
import type { JsonStore, StoreFileOptions } from '../store/json-store'
import type { FsrsTuning, StoredCard } from '../study/scheduler'
import { toSequences, type ReviewRecord } from './review-sequences'
import { runOptimiser } from './run-optimiser'
import { openTuningStore, type TuningData } from './tuning-store'
import { estimateWorkload } from './workload'

/** Where the tuning reads the student's history; given as functions because the study service opens after this one. */
export interface TuningSources {
  /** Every review on record, every pack, each card's in order. */
  reviews(): Promise<ReviewRecord[]>
  /** Every card with a schedule, every pack. */
  cards(): Iterable<StoredCard>
}

export interface TuningServiceOptions {
  dir: string
  sources: TuningSources
  /** The built optimiser worker; undefined where the build has none (the optimise call then says so). */
  workerPath: string | undefined
  clock?: () => Date
  timeoutMs?: number
  store?: Omit<StoreFileOptions, 'dir' | 'clock'>
}

export interface TuningService {
  /** What the scheduler uses now: the same object until a change is saved. */
  fsrs(): FsrsTuning
  state(): Promise<TuningState>
  setRetention(desiredRetention: number): Promise<TuningState>
  optimise(): Promise<TuningState>
  keep(): Promise<TuningState>
  revert(): Promise<TuningState>
  /** A restore or reset: the whole file at once, and the scheduler follows it at its next answer. */
  replaceAll(next: TuningData): Promise<void>
  /** The app is closing: a run under way is stopped and writes nothing, and no new one starts. */
  stop(): void
  readonly store: JsonStore<TuningData>
}

export async function openTuningService(opts: TuningServiceOptions): Promise<TuningService> {
  const clock = opts.clock ?? (() => new Date())
  const store = await openTuningStore({ dir: opts.dir, ...(opts.clock ? { clock: opts.clock } : {}), ...(opts.store ? { store: opts.store } : {}) })
  const snapshot = (): FsrsTuning => ({ desiredRetention: store.data.desiredRetention, parameters: store.data.parameters ? [...store.data.parameters] : null })
  let current = snapshot()
  let running = false
  const closing = new AbortController()

  const save = async (mutate: (draft: TuningData) => void): Promise<void> => {
    await store.update(mutate)
    current = snapshot()
  }

  const state = async (): Promise<TuningState> => {
    const reviews = (await opts.sources.reviews()).length
    const cards = [...opts.sources.cards()]
    const { desiredRetention, parameters, lastOptimise } = store.data
    const retentions = [...new Set([...WORKLOAD_RETENTIONS, desiredRetention])].sort((a, b) => a - b)
    return {
      desiredRetention,
      parameters: parameters ? [...parameters] : null,
      reviews,
      minReviews: OPTIMISE_MIN_REVIEWS,
      canOptimise: reviews >= OPTIMISE_MIN_REVIEWS && lastOptimise?.status !== 'pending',
      cards: cards.filter((c) => c.state !== 0).length,
      workload: await estimateWorkload(cards, parameters, retentions, clock()),
      lastOptimise: lastOptimise ? structuredClone(lastOptimise) : null
    }
  }

  const pendingOrFail = (verb: string): void => {
    if (store.data.lastOptimise?.status !== 'pending' || !store.data.previous) {
      throw new ServiceError('validation', `There is no optimisation to ${verb}.`)
    }
  }

  return {
    store,
    fsrs: () => current,
    stop: () => closing.abort(),
    async replaceAll(next) {
      await store.replace(next)
      current = snapshot()
    },
    state,
    async setRetention(desiredRetention) {
      await save((d) => {
        d.desiredRetention = desiredRetention
      })
      return state()
    },
    async optimise() {
      if (!opts.workerPath) throw new ServiceError('unsupported', 'The optimiser is not part of this build.')
      if (closing.signal.aborted) throw new ServiceError('internal', 'Optimising was not started: the app is closing.')
      if (running) throw new ServiceError('validation', 'An optimisation is already running.')
      if (store.data.lastOptimise?.status === 'pending') throw new ServiceError('validation', 'Keep or revert the last optimisation first.')
      running = true
      try {
        const records = await opts.sources.reviews()
        if (records.length < OPTIMISE_MIN_REVIEWS) {
          throw new ServiceError('validation', `Optimising needs at least ${OPTIMISE_MIN_REVIEWS} reviews in your history; there are ${records.length} so far.`)
        }
        const result = await runOptimiser(
          { sequences: toSequences(records), current: store.data.parameters, enableShortTerm: true },
          { workerPath: opts.workerPath, signal: closing.signal, ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}) }
        )
        // The reviews were read before the app began to close; the result would land after the files were flushed.
        if (closing.signal.aborted)
          throw new ServiceError('internal', 'Optimising failed: it was stopped because the app is closing. Your parameters are unchanged.')
        await save((d) => {
          d.previous = { parameters: d.parameters }
          d.parameters = result.parameters
          d.lastOptimise = { at: clock().toISOString(), reviews: records.length, before: result.before, after: result.after, status: 'pending' }
        })
      } finally {
        running = false
      }
      return state()
    },
    async keep() {
      pendingOrFail('keep')
      await save((d) => {
        d.previous = null
        d.lastOptimise!.status = 'kept'
      })
      return state()
    },
    async revert() {
      pendingOrFail('revert')
      await save((d) => {
        d.parameters = d.previous!.parameters
        d.previous = null
        d.lastOptimise!.status = 'reverted'
      })
      return state()
    }
  }
}
