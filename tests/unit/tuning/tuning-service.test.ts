// Why: desired retention and fitted parameters decide every future interval,
// so they must be checked on the way in, survive a restart, and an
// optimisation must be exactly reversible; a failed one must change nothing.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RetentionInput } from '../../../src/shared/routes/tuning'
import { OPTIMISE_MIN_REVIEWS } from '../../../src/shared/domain/tuning'
import { createScheduler } from '../../../src/main/services/study/scheduler'
import { openTuningService, type TuningServiceOptions } from '../../../src/main/services/tuning/tuning-service'
import type { ReviewRecord } from '../../../src/main/services/tuning/review-sequences'
import { simulateHistory } from './simulated-history'
import { fixtureWorker, WORKER_SOURCE } from './worker-source'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rd-tuning-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const open = (history: ReviewRecord[], more: Partial<TuningServiceOptions> = {}) =>
  openTuningService({ dir, workerPath: WORKER_SOURCE, sources: { reviews: async () => history, cards: () => [] }, ...more })
const onDisk = async () => JSON.parse(await readFile(join(dir, 'tuning.json'), 'utf8')) as { data: Record<string, unknown> }

describe('desired retention', () => {
  it.each([0.8, 0.85, 0.9, 0.97])('accepts %s', (value) => {
    expect(RetentionInput.safeParse({ desiredRetention: value }).success).toBe(true)
  })
  it.each([0.79, 0.98, 1, 0, 0.905, Number.NaN, '0.9', null])('refuses %s', (value) => {
    expect(RetentionInput.safeParse({ desiredRetention: value }).success).toBe(false)
  })

  it('is saved, survives a restart and changes what the scheduler asks', async () => {
    const tuning = await open([])
    expect(tuning.fsrs()).toEqual({ desiredRetention: 0.9, parameters: null })
    const state = await tuning.setRetention(0.8)
    expect(state.desiredRetention).toBe(0.8)
    await tuning.store.flush()
    const reopened = await open([])
    expect(reopened.fsrs().desiredRetention).toBe(0.8)

    // The same answers give a longer interval at 0.80 than at 0.97.
    let retention = 0.8
    const scheduler = createScheduler({ tuning: () => ({ desiredRetention: retention, parameters: null }) })
    const dueAfter = () => {
      const at = new Date('2026-03-01T09:00:00Z')
      let { card } = scheduler.review(undefined, at, 3)
      card = scheduler.review(card, new Date(card.due), 3).card
      return Date.parse(card.due) - Date.parse(card.last_review as string)
    }
    const loose = dueAfter()
    retention = 0.97
    const tight = dueAfter()
    expect(loose).toBeGreaterThan(tight * 2)
  })

  it('shows the workload each retention implies, more reviews for a higher one', async () => {
    const scheduler = createScheduler()
    const cards = Array.from({ length: 50 }, (_, i) => scheduler.review(undefined, new Date(Date.now() - (i % 10) * 86_400_000), 3).card)
    const tuning = await openTuningService({ dir, workerPath: WORKER_SOURCE, sources: { reviews: async () => [], cards: () => cards } })
    const { workload, cards: counted } = await tuning.state()
    expect(counted).toBe(50)
    const at = (r: number) => workload.find((w) => w.retention === r)!.reviewsPerDay
    expect(at(0.8)).toBeGreaterThan(0)
    expect(at(0.97)).toBeGreaterThan(at(0.9))
    expect(at(0.9)).toBeGreaterThan(at(0.8))
  })
})

describe('the tuning file', () => {
  it('a damaged one is kept aside, the defaults load and a notice says so', async () => {
    await writeFile(join(dir, 'tuning.json'), '{"schemaVersion":1,"data":{"desiredRetention":')
    const tuning = await open([])
    expect(tuning.fsrs()).toEqual({ desiredRetention: 0.9, parameters: null })
    expect(tuning.store.notices).toHaveLength(1)
    expect((await readdir(dir)).some((f) => /^tuning\.corrupt-.*\.json$/.test(f))).toBe(true)
  })
})

describe('optimise', () => {
  it(`needs at least ${OPTIMISE_MIN_REVIEWS} reviews`, async () => {
    const tuning = await open(simulateHistory({ reviews: OPTIMISE_MIN_REVIEWS - 1 }))
    expect((await tuning.state()).canOptimise).toBe(false)
    await expect(tuning.optimise()).rejects.toThrow(`needs at least ${OPTIMISE_MIN_REVIEWS} reviews in your history; there are ${OPTIMISE_MIN_REVIEWS - 1}`)
    expect(tuning.store.data.parameters).toBeNull()
    await expect((await open(simulateHistory({ reviews: OPTIMISE_MIN_REVIEWS }))).state()).resolves.toMatchObject({ canOptimise: true })
  })

  it('puts the fitted parameters in use; keep forgets the old ones, and that survives a restart', async () => {
    const history = simulateHistory({ reviews: 500 })
    const tuning = await open(history)
    const before = tuning.fsrs()
    const state = await tuning.optimise()
    expect(state.parameters).toHaveLength(21)
    expect(tuning.fsrs()).not.toBe(before)
    expect(tuning.fsrs().parameters).toEqual(state.parameters)
    expect(state.lastOptimise).toMatchObject({ reviews: 500, status: 'pending' })
    expect(state.lastOptimise!.after.reviews).toBe(state.lastOptimise!.before.reviews)
    expect(state.canOptimise).toBe(false)
    await expect(tuning.optimise()).rejects.toThrow('Keep or revert the last optimisation first.')

    const kept = await tuning.keep()
    expect(kept.lastOptimise!.status).toBe('kept')
    expect(kept.parameters).toEqual(state.parameters)
    await expect(tuning.revert()).rejects.toThrow('There is no optimisation to revert.')
    await tuning.store.flush()
    expect((await onDisk()).data).toMatchObject({ parameters: state.parameters, previous: null })
    expect((await open(history)).fsrs().parameters).toEqual(state.parameters)
  })

  it('revert restores the previous parameters exactly, also after a restart', async () => {
    // Two fits of different histories (fsrs-rs starts each fit from its defaults, so one history fits the same twice).
    const history = simulateHistory({ reviews: 450, seed: 11 })
    const tuning = await open(history)
    await tuning.optimise()
    const first = [...(await tuning.keep()).parameters!]
    history.push(...simulateHistory({ reviews: 300, seed: 5, packId: 'other' }))
    const second = await tuning.optimise()
    expect(second.parameters).not.toEqual(first)
    await tuning.store.flush()

    const restarted = await open(history)
    expect((await restarted.state()).lastOptimise!.status).toBe('pending')
    const reverted = await restarted.revert()
    expect(reverted.parameters).toEqual(first)
    expect(restarted.fsrs().parameters).toEqual(first)
    expect(reverted.lastOptimise!.status).toBe('reverted')
    await restarted.store.flush()
    expect((await onDisk()).data).toMatchObject({ parameters: first, previous: null })
  })

  it('revert of a first optimisation goes back to the defaults', async () => {
    const tuning = await open(simulateHistory({ reviews: 420 }))
    await tuning.optimise()
    expect((await tuning.revert()).parameters).toBeNull()
    expect(tuning.fsrs().parameters).toBeNull()
  })

  it.each(['exit', 'throw', 'bad-output'] as const)('a worker that fails (%s) gives a clear error and changes nothing', async (name) => {
    const history = simulateHistory({ reviews: 420 })
    const tuning = await open(history)
    await tuning.setRetention(0.85)
    await tuning.store.flush()
    const file = await readFile(join(dir, 'tuning.json'), 'utf8')
    const failing = await open(history, { workerPath: fixtureWorker(name) })
    const was = failing.fsrs()
    await expect(failing.optimise()).rejects.toThrow(/Optimising failed: .* Your parameters are unchanged\./)
    expect(failing.fsrs()).toBe(was)
    expect(failing.store.data).toEqual({ desiredRetention: 0.85, parameters: null, previous: null, lastOptimise: null })
    expect(await readFile(join(dir, 'tuning.json'), 'utf8')).toBe(file)
    // The failure does not leave it stuck "running".
    await expect(failing.optimise()).rejects.toThrow(/Optimising failed/)
  })

  it('stops a run under way when the app closes, writing nothing, and starts none after', async () => {
    const history = simulateHistory({ reviews: 420 })
    const tuning = await open(history, { workerPath: fixtureWorker('silent') })
    await tuning.setRetention(0.85)
    await tuning.store.flush()
    const file = await readFile(join(dir, 'tuning.json'), 'utf8')
    const run = tuning.optimise()
    await new Promise((resolve) => setTimeout(resolve, 100))
    tuning.stop()
    await expect(run).rejects.toThrow('Optimising failed: it was stopped because the app is closing. Your parameters are unchanged.')
    await expect(tuning.optimise()).rejects.toThrow('Optimising was not started: the app is closing.')
    expect(tuning.store.data.lastOptimise).toBeNull()
    expect(await readFile(join(dir, 'tuning.json'), 'utf8')).toBe(file)
  })

  it('says so where the build has no optimiser', async () => {
    const tuning = await open(simulateHistory({ reviews: 420 }), { workerPath: undefined })
    await expect(tuning.optimise()).rejects.toThrow('The optimiser is not part of this build.')
  })
})
