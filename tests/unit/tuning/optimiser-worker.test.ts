// Why: the optimiser must really fit the student's own history on a worker
// thread, score before and after on the same reviews, and turn every way a
// worker can fail into one clear error.
import { Worker } from 'node:worker_threads'
import { default_w } from 'ts-fsrs'
import { describe, expect, it } from 'vitest'
import { predictionError } from '../../../src/main/services/tuning/prediction-error'
import { toSequences, toTrainingItems } from '../../../src/main/services/tuning/review-sequences'
import { runOptimiser } from '../../../src/main/services/tuning/run-optimiser'
import { simulateHistory, TRUE_W } from './simulated-history'
import { fixtureWorker, WORKER_SOURCE } from './worker-source'

describe('review sequences', () => {
  it('groups by card in log order and counts days between reviews', () => {
    const seq = toSequences([
      { packId: 'p', itemId: 'q:a', day: '2026-01-01', rating: 3 },
      { packId: 'p', itemId: 'q:b', day: '2026-01-01', rating: 1 },
      { packId: 'p', itemId: 'q:a', day: '2026-01-04', rating: 3 },
      { packId: 'o', itemId: 'q:a', day: '2026-01-05', rating: 4 },
      { packId: 'p', itemId: 'q:a', day: '2026-01-04', rating: 2 },
      { packId: 'p', itemId: 'q:a', day: '2026-01-14', rating: 1 }
    ])
    expect([...seq.lengths]).toEqual([4, 1, 1])
    expect([...seq.ratings]).toEqual([3, 3, 2, 1, 1, 4])
    const items = toTrainingItems(seq)
    // q:a gives two items: ending at day 3 (delta 3) and at day 13 (delta 10); the same-day repeat gives none.
    expect([...items.lengths]).toEqual([2, 4])
    expect([...items.deltas]).toEqual([0, 3, 0, 3, 0, 10])
  })

  it('scores parameters closer to the memory that made the history as better', () => {
    const seq = toSequences(simulateHistory({ reviews: 3000 }))
    const truth = predictionError(seq, TRUE_W)
    const defaults = predictionError(seq, default_w)
    expect(truth.reviews).toBeGreaterThan(1500)
    expect(truth.logLoss).toBeLessThan(defaults.logLoss)
  })
})

describe('the optimiser worker', () => {
  it('fits 21 parameters to a few hundred generated reviews and predicts them better than the defaults did', async () => {
    const history = simulateHistory({ reviews: 600 })
    const result = await runOptimiser({ sequences: toSequences(history), current: null, enableShortTerm: true }, { workerPath: WORKER_SOURCE })
    expect(result.parameters).toHaveLength(21)
    expect(result.parameters.every(Number.isFinite)).toBe(true)
    expect(result.parameters).not.toEqual(default_w.map((w) => Math.round(w * 1e6) / 1e6))
    expect(result.before.reviews).toBe(result.after.reviews)
    expect(result.before).toEqual(predictionError(toSequences(history), null))
    expect(result.after.logLoss).toBeLessThan(result.before.logLoss)
  })

  it.each([
    ['exit', /stopped \(exit code 3\) before it answered/],
    ['throw', /stopped with an error \(wasm trap: unreachable\)/],
    ['bad-output', /not a usable set of parameters/]
  ] as const)('a worker that fails (%s) gives a clear error', async (name, message) => {
    const job = { sequences: toSequences(simulateHistory({ reviews: 50 })), current: null, enableShortTerm: true }
    const run = runOptimiser(job, { workerPath: fixtureWorker(name) })
    await expect(run).rejects.toThrow(message)
    await expect(run).rejects.toThrow(/Your parameters are unchanged/)
  })

  it('stops a worker that never answers', async () => {
    const job = { sequences: toSequences([]), current: null, enableShortTerm: true }
    await expect(runOptimiser(job, { workerPath: fixtureWorker('silent'), timeoutMs: 300 })).rejects.toThrow(/took too long and was stopped/)
  })

  it('does nothing on a thread whose data is not its job (vitest loads it through the ?modulePath import)', async () => {
    const worker = new Worker(WORKER_SOURCE, { workerData: { sequences: toSequences([]), current: null, enableShortTerm: true } })
    const messages: unknown[] = []
    worker.on('message', (m) => messages.push(m))
    expect(await new Promise((resolve) => worker.once('exit', resolve))).toBe(0)
    expect(messages).toEqual([])
  })

  it('a worker file that is missing gives a clear error', async () => {
    const job = { sequences: toSequences([]), current: null, enableShortTerm: true }
    await expect(runOptimiser(job, { workerPath: '/nonexistent/optimiser-worker.js' })).rejects.toThrow(/Optimising failed/)
  })
})
