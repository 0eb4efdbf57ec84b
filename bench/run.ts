// Why: speed and memory targets are measured here, never in timed tests, and
// written to bench/results.json so a change that slows the app shows up.
import { mkdtemp, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import type { Pack } from '../src/shared/pack/schema'
import { createAppServices } from '../src/main/services/app-services'
import { loadPacksFrom } from '../src/main/services/packs/pack-loader'
import { createPackService } from '../src/main/services/packs/pack-service'
import { openAnnotationService } from '../src/main/services/annotations/annotation-service'
import { buildSearchIndex } from '../src/main/services/search/search-index'
import { measureStudyAnswers } from './study-bench'
import { blockPlainText } from '../src/shared/domain/anchoring'
import { measurePaint } from './paint'

const root = fileURLToPath(new URL('..', import.meta.url))
const packsDir = join(root, 'resources/packs')

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}
const round = (n: number): number => Math.round(n * 100) / 100
const temp = (prefix: string): Promise<string> => mkdtemp(join(tmpdir(), prefix))

async function bootMs(packs: string, runs: number): Promise<number> {
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const dataDir = await temp('rd-bench-data-')
    const started = performance.now()
    const services = await createAppServices({ dataDir, packsDir: packs, host: 'web', version: 'bench' })
    await services.handlers['packs:list'](undefined)
    samples.push(performance.now() - started)
    await services.close()
    await rm(dataDir, { recursive: true, force: true })
  }
  return percentile(samples, 50)
}

async function realPack(): Promise<Pack> {
  const { packs } = await loadPacksFrom(packsDir)
  const pack = [...packs.values()][0]
  if (!pack) throw new Error(`no valid pack in ${packsDir}`)
  return pack
}

async function hundredPacks(pack: Pack): Promise<string> {
  const dir = await temp('rd-bench-packs-')
  for (let i = 0; i < 100; i++) {
    const id = `bench-pack-${String(i).padStart(3, '0')}`
    await mkdir(join(dir, id))
    await writeFile(join(dir, id, 'pack.json'), JSON.stringify({ ...pack, id }))
  }
  return dir
}

/** Adding a highlight until it is on disk, with 5,000 already stored. */
async function annotationSaves(pack: Pack, existing: number, runs: number): Promise<number> {
  const dir = await temp('rd-bench-ann-')
  const packs = createPackService({ packs: new Map([[pack.id, pack]]), errors: [] })
  const service = await openAnnotationService({ dir, packs })
  const blocks = pack.sections.flatMap((s) => s.blocks).filter((b) => blockPlainText(b).length > 40)
  const add = (i: number) => {
    const block = blocks[i % blocks.length]!
    const text = blockPlainText(block)
    const start = i % 20
    return service.add({ packId: pack.id, blockId: block.id, selector: { exact: text.slice(start, start + 12) }, start, color: 'yellow', note: `note ${i}` })
  }
  for (let i = 0; i < existing; i += 250) await Promise.all(Array.from({ length: 250 }, (_, j) => add(i + j)))
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await add(existing + i)
    samples.push(performance.now() - started)
  }
  await service.flush()
  await rm(dir, { recursive: true, force: true })
  return percentile(samples, 50)
}

function searchP95(pack: Pack): number {
  const packs = Array.from({ length: 100 }, (_, i) => ({ ...pack, id: `bench-pack-${i}` }))
  const index = buildSearchIndex(packs)
  const queries = ['india', 'india russia', 'relos', 'rel', 'compcasa', 'S-400', 'caatsa sanctions', 'vladivostok', 'afghan', 'quad', 'ak-203', 'lavrov', 'shoigu', 'brics', 'logistics']
  const samples: number[] = []
  for (let round = 0; round < 10; round++) {
    for (const query of queries) {
      const started = performance.now()
      index.search({ query })
      samples.push(performance.now() - started)
    }
  }
  return percentile(samples, 95)
}

/** Gzipped size of the JS the page loads before first paint: entry scripts and modulepreloads. */
async function initialJsGzipKb(): Promise<number> {
  const rendererDir = join(root, 'out/renderer')
  const html = await readFile(join(rendererDir, 'index.html'), 'utf8')
  const refs = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g)].map((m) => m[1]!)
  let total = 0
  for (const ref of refs) total += gzipSync(await readFile(join(rendererDir, ref.replace(/^\.?\//, '')))).length
  return total / 1024
}

/**
 * The longest the main loop stalls while a student works: a data folder
 * holding 20,000 reviews and 5,000 highlights is seeded (not timed), then the
 * app is booted on it and used (timed): answers, highlights, searches,
 * settings, with the background checkpoints they trigger. Also reports the
 * boot on that folder (the session's own, and the median of 5 more after it).
 */
async function sessionLoopBlockMs(pack: Pack): Promise<{ loopMaxMs: number; bootMs: number; rebootP50Ms: number }> {
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
    return handlers['annotations:add']({ packId: pack.id, blockId: block.id, selector: { exact: blockPlainText(block).slice(start, start + 12) }, start, color: 'green', note: `n${i}` })
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
  for (let i = 0; i < 5; i++) {
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
  return { loopMaxMs: loop.max / 1e6, bootMs, rebootP50Ms: percentile(reboots, 50) }
}

async function main(): Promise<void> {
  const pack = await realPack()
  const boot = await bootMs(packsDir, 15)
  const many = await hundredPacks(pack)
  const boot100 = await bootMs(many, 3)
  await rm(many, { recursive: true, force: true })
  const study = await measureStudyAnswers({ logs: 20_000 })
  const annotation = await annotationSaves(pack, 5_000, 200)
  const search = searchP95(pack)
  const session = await sessionLoopBlockMs(pack)

  const paintDir = await temp('rd-bench-paint-')
  const paint = await measurePaint(root, paintDir)
  await rm(paintDir, { recursive: true, force: true })

  const results = {
    measured_at: new Date().toISOString(),
    node: process.version,
    boot_ms: round(boot),
    boot_100packs_ms: round(boot100),
    save_review_p50_ms_20k: study.answer_p50_ms,
    raw_write_p50_ms_20k: study.raw_write_rename_p50_ms,
    raw_durable_write_p50_ms_20k: study.raw_durable_p50_ms,
    save_vs_raw_ratio: study.ratio_to_raw,
    save_vs_raw_durable_ratio: study.ratio_to_raw_durable,
    save_review_bytes: study.answer_bytes,
    raw_write_answer_bytes_p50_ms_20k: study.raw_write_rename_answer_bytes_p50_ms,
    save_vs_raw_answer_bytes_ratio: study.ratio_to_raw_answer_bytes,
    save_annotation_p50_ms_5k: round(annotation),
    search_p95_ms_100packs: round(search),
    renderer_js_gzip_kb: round(await initialJsGzipKb()),
    fcp_ms: round(paint.fcp_ms),
    fcp_blank_ms: round(paint.fcp_blank_ms),
    fcp_ratio: round(paint.fcp_ms / paint.fcp_blank_ms),
    max_event_loop_block_ms: round(session.loopMaxMs),
    boot_20k_reviews_5k_highlights_ms: round(session.bootMs),
    boot_20k_reviews_5k_highlights_p50_ms: round(session.rebootP50Ms)
  }
  await writeFile(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`)
  console.log(results)
}

await main()
