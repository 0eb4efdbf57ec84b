// Why: through the contract, as the window calls it: main refuses a retention
// out of range, the next answer is scheduled with the one saved, and every
// review stays in the log the optimiser reads, checkpoints included.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../../src/main/dispatch'
import { createAppServices } from '../../../src/main/services/app-services'
import { tinyPack } from '../fixtures/tiny-pack'
import { fixtureWorker, WORKER_SOURCE } from './worker-source'

let dataDir: string
let packsDir: string
let now = new Date('2026-03-01T09:00:00Z')
const open = () => createAppServices({ dataDir, packsDir, host: 'web', version: '1.0.0', clock: () => now, optimiserWorker: WORKER_SOURCE })

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rd-tuning-app-'))
  packsDir = await mkdtemp(join(tmpdir(), 'rd-tuning-packs-'))
  await mkdir(join(packsDir, 'tiny'))
  await writeFile(join(packsDir, 'tiny', 'pack.json'), JSON.stringify(tinyPack()))
  now = new Date('2026-03-01T09:00:00Z')
})
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true })
  await rm(packsDir, { recursive: true, force: true })
})

describe('tuning through the contract', () => {
  it('closing the app stops an optimisation under way, and it leaves nothing behind', async () => {
    const seed = await open()
    for (let i = 0; i < 400; i++) {
      await seed.handlers['study:rate']({ packId: 'tiny', itemId: i % 2 ? 'q:q-1' : 'cell:row-first/russia', rating: ((i % 4) + 1) as 1 | 2 | 3 | 4 })
      now = new Date(now.getTime() + 3_600_000)
    }
    await seed.close()
    const services = await createAppServices({ dataDir, packsDir, host: 'web', version: '1.0.0', clock: () => now, optimiserWorker: fixtureWorker('silent') })
    const run = services.handlers['tuning:optimise'](undefined)
    await new Promise((resolve) => setTimeout(resolve, 200))
    await services.close()
    await expect(run).rejects.toThrow(/stopped because the app is closing/)
    const again = await open()
    expect(await again.handlers['tuning:get'](undefined)).toMatchObject({ reviews: 400, canOptimise: true, lastOptimise: null })
    await again.close()
  })

  it('refuses a retention out of range and changes nothing', async () => {
    const services = await open()
    const dispatch = createDispatcher(services.handlers)
    const refused = await dispatch('tuning:setRetention', { desiredRetention: 0.99 })
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'validation', issues: [{ path: 'desiredRetention', message: 'desired retention is at most 0.97' }] }
    })
    expect(await dispatch('tuning:get', undefined)).toMatchObject({
      ok: true,
      value: { desiredRetention: 0.9, reviews: 0, canOptimise: false, minReviews: 400 }
    })
    await services.close()
  })

  it('schedules the next answer with the retention saved', async () => {
    const dueAfterTwoGoods = async (desiredRetention: number, itemId: string) => {
      const services = await open()
      await services.handlers['tuning:setRetention']({ desiredRetention })
      await services.handlers['study:rate']({ packId: 'tiny', itemId, rating: 3 })
      now = new Date(now.getTime() + 3 * 86_400_000)
      const card = await services.handlers['study:rate']({ packId: 'tiny', itemId, rating: 3 })
      await services.close()
      return Date.parse(card.due!) - now.getTime()
    }
    const loose = await dueAfterTwoGoods(0.8, 'q:q-1')
    const tight = await dueAfterTwoGoods(0.97, 'cell:row-first/russia')
    expect(loose).toBeGreaterThan(tight * 2)
  })

  it('keeps every review in the log it counts, past checkpoints and restarts', async () => {
    const services = await open()
    for (let i = 0; i < 130; i++) {
      await services.handlers['study:rate']({ packId: 'tiny', itemId: i % 2 ? 'q:q-1' : 'cell:row-first/russia', rating: i % 5 ? 3 : 1 })
      now = new Date(now.getTime() + 3_600_000)
    }
    await services.close()
    const reopened = await open()
    expect((await reopened.handlers['tuning:get'](undefined)).reviews).toBe(130)
    await reopened.close()
  })
})
