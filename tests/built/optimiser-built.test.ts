// Why: the optimiser worker is a bundle of its own, found by a path the build
// writes into the main bundle; this runs the worker from what electron-vite
// and vite.web.config.ts actually wrote to out/, as the app and the browser
// host start it, on a few hundred generated reviews.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { toSequences } from '../../src/main/services/tuning/review-sequences'
import { runOptimiser } from '../../src/main/services/tuning/run-optimiser'
import { simulateHistory } from '../unit/tuning/simulated-history'

const out = join(__dirname, '../../out')
const job = () => ({ sequences: toSequences(simulateHistory({ reviews: 450 })), current: null, enableShortTerm: true })

/** The worker's path as the app gets it: the default export of the chunk the main bundle imports for `?modulePath`. */
async function mainWorkerPath(): Promise<string> {
  const dir = join(out, 'main/chunks')
  const index = readFileSync(join(out, 'main/index.js'), 'utf8')
  for (const file of readdirSync(dir).filter((f) => f.startsWith('optimiser-worker-') && index.includes(`./chunks/${f}`))) {
    const { default: path } = (await import(pathToFileURL(join(dir, file)).href)) as { default?: unknown }
    if (typeof path === 'string') return path
  }
  throw new Error('out/main/index.js imports no optimiser worker path (build first: npx electron-vite build)')
}

describe('the built optimiser worker', () => {
  it('is written beside the main bundle, which points at it (build first: npx electron-vite build)', async () => {
    const path = await mainWorkerPath()
    expect(dirname(path)).toBe(join(out, 'main/chunks'))
    expect(readFileSync(path, 'utf8')).toContain('computeParameters')
  })

  it('runs from out/main and fits the reviews', async () => {
    const result = await runOptimiser(job(), { workerPath: await mainWorkerPath() })
    expect(result.parameters).toHaveLength(21)
    expect(result.after.reviews).toBeGreaterThan(200)
    expect(result.after.logLoss).toBeLessThan(result.before.logLoss)
  })

  it('runs from out/web, beside the browser host that points at it (build first: npm run build:web)', async () => {
    const worker = join(out, 'web/optimiser-worker.js')
    expect(existsSync(worker), `${worker} is missing; run npm run build:web`).toBe(true)
    expect(readFileSync(join(out, 'web/server.js'), 'utf8')).toContain('"optimiser-worker.js"')
    const result = await runOptimiser(job(), { workerPath: worker })
    expect(result.parameters).toHaveLength(21)
    expect(result.after.logLoss).toBeLessThan(result.before.logLoss)
  })
})
