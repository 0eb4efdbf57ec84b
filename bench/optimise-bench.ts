// Why: fitting FSRS parameters to 10,000 reviews takes seconds, so it runs on a
// worker thread; this measures the whole tuning:optimise call on a data folder
// holding that history (read from disk, fitted by the BUILT worker, scored,
// saved) and the longest the main loop stalls meanwhile. Run alone with
// `npx electron-vite build && npx tsx bench/optimise-bench.ts`.
import { readdirSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Pack } from '../src/shared/pack/schema'
import { createAppServices } from '../src/main/services/app-services'
import { loadPacksFrom } from '../src/main/services/packs/pack-loader'
import { createScheduler, type StoredCard } from '../src/main/services/study/scheduler'
import type { NewLogEntry } from '../src/main/services/study/study-schema'
import { StudyStore } from '../src/main/services/study/study-store'
import { simulateHistory } from '../tests/unit/tuning/simulated-history'
import { round, spread, type Spread } from './stats'

const root = fileURLToPath(new URL('..', import.meta.url))

/** The worker path as the built app gets it: the default export of the chunk out/main/index.js imports for `?modulePath`. */
async function builtWorker(): Promise<string> {
  const dir = join(root, 'out/main/chunks')
  const index = readFileSync(join(root, 'out/main/index.js'), 'utf8')
  for (const file of readdirSync(dir).filter((f) => f.startsWith('optimiser-worker-') && index.includes(`./chunks/${f}`))) {
    const { default: path } = (await import(pathToFileURL(join(dir, file)).href)) as { default?: unknown }
    if (typeof path === 'string') return path
  }
  throw new Error('out/main has no optimiser worker: run npx electron-vite build first')
}

/** A data folder whose study history holds `reviews` simulated reviews over months, checkpointed as a long-time student's would be. */
async function seed(dataDir: string, pack: Pack, reviews: number): Promise<Date> {
  const store = await StudyStore.open({ dir: dataDir, store: { keepBackups: 0 } })
  const scheduler = createScheduler()
  const cards = new Map<string, StoredCard>()
  const history = simulateHistory({ reviews, packId: pack.id, start: '2025-06-01' })
  const entries: NewLogEntry[] = history.map((r, i) => {
    const at = new Date(`${r.day}T09:00:00.000Z`)
    at.setUTCSeconds(i % 3600)
    const prev = cards.get(r.itemId)
    const { card, log } = scheduler.review(prev, at, r.rating)
    cards.set(r.itemId, card)
    return {
      packId: pack.id,
      itemId: r.itemId,
      at: at.toISOString(),
      day: r.day,
      rating: r.rating,
      source: 'study',
      fresh: !prev,
      card,
      log,
      ...(prev ? { prevDue: prev.due } : {})
    }
  })
  for (let i = 0; i < entries.length; i += 1000) await store.append(entries.slice(i, i + 1000))
  await store.checkpoint()
  await store.flush()
  store.close()
  return new Date(`${history.at(-1)!.day}T12:00:00.000Z`)
}

export interface OptimiseBenchResult {
  reviews: number
  /** tuning:optimise from call to answer: history read, fit in the worker, before/after scored, saved. */
  optimise: Spread
  /** Longest main-loop stall (ms) over all the runs. */
  loopMaxMs: number
  /**
   * Longest stall (ms) while the main loop only waited, as long as each run,
   * right after it: what the machine's other load alone does to the figure above.
   */
  idleLoopMaxMs: number
  /** 99th percentile of the loop delay (ms), optimising and idle: steadier than the max on a busy machine. */
  loopP99Ms: number
  idleLoopP99Ms: number
}

export async function measureOptimise(opts: { reviews: number; runs: number }): Promise<OptimiseBenchResult> {
  const { packs } = await loadPacksFrom(join(root, 'resources/packs'))
  const pack = [...packs.values()][0]
  if (!pack) throw new Error('no valid pack in resources/packs')
  const dataDir = await mkdtemp(join(tmpdir(), 'rd-bench-optimise-'))
  const packsDir = await mkdtemp(join(tmpdir(), 'rd-bench-optimise-packs-'))
  await mkdir(join(packsDir, pack.id))
  await writeFile(join(packsDir, pack.id, 'pack.json'), JSON.stringify(pack))
  const now = await seed(dataDir, pack, opts.reviews)
  const app = await createAppServices({ dataDir, packsDir, host: 'web', version: 'bench', clock: () => now, optimiserWorker: await builtWorker() })

  const samples: number[] = []
  let loopMax = 0
  let idleMax = 0
  let loopP99 = 0
  let idleP99 = 0
  // A fresh monitor each time: one re-enabled counts the time it was off as a stall.
  const watch = async <T>(work: () => Promise<T>): Promise<{ value: T; maxMs: number; p99Ms: number }> => {
    const loop = monitorEventLoopDelay({ resolution: 1 })
    loop.enable()
    const value = await work()
    loop.disable()
    return { value, maxMs: loop.max / 1e6, p99Ms: loop.percentile(99) / 1e6 }
  }
  for (let i = 0; i < opts.runs; i++) {
    const started = performance.now()
    const { value: state, maxMs, p99Ms } = await watch(() => app.handlers['tuning:optimise'](undefined))
    const took = performance.now() - started
    samples.push(took)
    loopMax = Math.max(loopMax, maxMs)
    loopP99 = Math.max(loopP99, p99Ms)
    const idle = await watch(() => new Promise((resolve) => setTimeout(resolve, took)))
    idleMax = Math.max(idleMax, idle.maxMs)
    idleP99 = Math.max(idleP99, idle.p99Ms)
    if (state.lastOptimise?.reviews !== opts.reviews) throw new Error(`optimised ${state.lastOptimise?.reviews} reviews, not ${opts.reviews}`)
    // Not timed: back to the defaults, so each run fits the same history from the same start.
    await app.handlers['tuning:revert'](undefined)
  }
  await app.close()
  await rm(dataDir, { recursive: true, force: true })
  await rm(packsDir, { recursive: true, force: true })
  return {
    reviews: opts.reviews,
    optimise: spread(samples),
    loopMaxMs: round(loopMax),
    idleLoopMaxMs: round(idleMax),
    loopP99Ms: round(loopP99),
    idleLoopP99Ms: round(idleP99)
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await measureOptimise({ reviews: 10_000, runs: 5 }))
}
