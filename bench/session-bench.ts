// Why: the longest a student's own data makes the main process stall, and
// how long the app takes to boot on a well-used data folder.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Pack } from '../src/shared/pack/schema'
import { createAppServices } from '../src/main/services/app-services'
import { blockPlainText } from '../src/shared/domain/anchoring'
import { spread, type Spread } from './stats'

const temp = (prefix: string): Promise<string> => mkdtemp(join(tmpdir(), prefix))

/**
 * The longest the main loop stalls while a student works: a data folder
 * holding 20,000 reviews and 5,000 highlights is seeded (not timed), then the
 * app is booted on it and used (timed): answers, highlights, searches,
 * settings, with the background checkpoints they trigger. Also reports the
 * boot on that folder (the session's own, and 7 more after it).
 */
export async function sessionLoopBlockMs(pack: Pack): Promise<{ loopMaxMs: number; bootMs: number; reboot: Spread }> {
  const dataDir = await temp('rd-bench-session-')
  const packs = await temp('rd-bench-session-packs-')
  await mkdir(join(packs, pack.id))
  await writeFile(join(packs, pack.id, 'pack.json'), JSON.stringify(pack))
  const itemIds = [
    ...pack.questions.map((q) => `q:${q.id}`),
    ...pack.tables.flatMap((t) => t.rows.flatMap((r) => t.columns.map((c) => `cell:${r.id}/${c.id}`)))
  ]
  const blocks = pack.sections.flatMap((s) => s.blocks).filter((b) => blockPlainText(b).length > 40)
  const highlight = (handlers: Awaited<ReturnType<typeof createAppServices>>['handlers'], i: number) => {
    const block = blocks[i % blocks.length]!
    const start = i % 20
    return handlers['annotations:add']({
      packId: pack.id,
      blockId: block.id,
      selector: { exact: blockPlainText(block).slice(start, start + 12) },
      start,
      color: 'green',
      note: `n${i}`
    })
  }
  const rate = (handlers: Awaited<ReturnType<typeof createAppServices>>['handlers'], i: number) =>
    handlers['study:rate']({ packId: pack.id, itemId: itemIds[i % itemIds.length]!, rating: ((i % 4) + 1) as 1 | 2 | 3 | 4 })

  const seed = await createAppServices({ dataDir, packsDir: packs, host: 'web', version: 'bench' })
  for (let i = 0; i < 20_000; i++) await rate(seed.handlers, i)
  for (let i = 0; i < 5_000; i += 100) await Promise.all(Array.from({ length: 100 }, (_, j) => highlight(seed.handlers, i + j)))
  await seed.close()

  const loop = monitorEventLoopDelay({ resolution: 1 })
  loop.enable()
  const bootStarted = performance.now()
  const app = await createAppServices({ dataDir, packsDir: packs, host: 'web', version: 'bench' })
  await app.handlers['packs:list'](undefined)
  const bootMs = performance.now() - bootStarted
  const words = ['relos', 'india russia', 'S-400', 'quad', 'n12']
  for (let i = 0; i < 400; i++) {
    await rate(app.handlers, i)
    if (i % 2 === 0) await highlight(app.handlers, 5_000 + i)
    if (i % 4 === 0) await app.handlers['search:query']({ query: words[i % words.length]!, packId: pack.id })
    if (i % 20 === 0) await app.handlers['settings:update']({ fontSize: 14 + (i % 10) })
    if (i % 50 === 0) await app.handlers['study:stats']({ packId: pack.id })
  }
  await app.handlers['annotations:list']({ packId: pack.id })
  await app.close()
  loop.disable()
  const reboots: number[] = []
  for (let i = 0; i < 7; i++) {
    const started = performance.now()
    const again = await createAppServices({ dataDir, packsDir: packs, host: 'web', version: 'bench' })
    await again.handlers['packs:list'](undefined)
    reboots.push(performance.now() - started)
    // Not timed: a search waits for the index built in the background, so the next boot starts on a quiet loop.
    await again.handlers['search:query']({ query: 'quad', packId: pack.id })
    await again.close()
  }
  await rm(dataDir, { recursive: true, force: true })
  await rm(packs, { recursive: true, force: true })
  return { loopMaxMs: loop.max / 1e6, bootMs, reboot: spread(reboots) }
}
