// Why: speed and memory targets are measured here, never in timed tests, and
// written to bench/results.json so a change that slows the app shows up. Each
// figure is set beside the thing it should be compared with, measured in the
// same run: a save beside a durable append of its bytes, the first notes text
// beside a blank Vue page, search over 100 packs that really differ.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { performance } from 'node:perf_hooks'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Pack } from '../src/shared/pack/schema'
import { createAppServices } from '../src/main/services/app-services'
import { loadPacksFrom } from '../src/main/services/packs/pack-loader'
import { createPackService } from '../src/main/services/packs/pack-service'
import { openAnnotationService } from '../src/main/services/annotations/annotation-service'
import { blockPlainText } from '../src/shared/domain/anchoring'
import { generateDistinctPacks } from './distinct-packs'
import { measurePaint } from './paint'
import { measureSearch } from './search-bench'
import type { NotesBench } from './notes-bench'
import type { AnkiBench } from './anki-bench'
import { inOwnProcess } from './in-own-process'
import { sessionLoopBlockMs } from './session-bench'
import { round, spread, type Spread } from './stats'
import { measureStudyAnswers } from './study-bench'
import { measureExamPlan } from './exam-plan-bench'
import { checkTargets } from './targets'
import { measureOptimise } from './optimise-bench'

const root = fileURLToPath(new URL('..', import.meta.url))
const packsDir = join(root, 'resources/packs')
const temp = (prefix: string): Promise<string> => mkdtemp(join(tmpdir(), prefix))

/** From start to the pack list answered, on an empty data folder. */
async function boot(packs: string, runs: number): Promise<Spread> {
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const dataDir = await temp('rd-bench-data-')
    const started = performance.now()
    const services = await createAppServices({ dataDir, packsDir: packs, host: 'web', version: 'bench' })
    await services.handlers['packs:list'](undefined)
    samples.push(performance.now() - started)
    // Not timed: a search waits for the index the boot builds in the background,
    // so that build does not run on into the next boot's timing.
    await services.handlers['search:query']({ query: 'bench' })
    await services.close()
    await rm(dataDir, { recursive: true, force: true })
  }
  return spread(samples)
}

async function realPack(): Promise<Pack> {
  const { packs } = await loadPacksFrom(packsDir)
  const pack = [...packs.values()][0]
  if (!pack) throw new Error(`no valid pack in ${packsDir}`)
  return pack
}

/** Adding a highlight until it is on disk, with 5,000 already stored. */
async function annotationSaves(pack: Pack, existing: number, runs: number): Promise<Spread> {
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
  return spread(samples)
}

async function main(): Promise<void> {
  // Other work on the machine stretches every wall-clock figure; the ratios less so.
  const loadAtStart = loadavg()[0]!
  const pack = await realPack()
  const bootOne = await boot(packsDir, 15)
  const distinct = await generateDistinctPacks(pack, join(await temp('rd-bench-packs-'), 'packs'), 100)
  const boot100 = await boot(distinct.dir, 7)
  const search = measureSearch(distinct)
  await rm(join(distinct.dir, '..'), { recursive: true, force: true })
  const study = await measureStudyAnswers({ logs: 20_000 })
  const annotation = await annotationSaves(pack, 5_000, 200)
  const session = await sessionLoopBlockMs(pack)
  const examPlan = measureExamPlan({ items: 20_000, runs: 30 })
  const optimise = await measureOptimise({ reviews: 10_000, runs: 5 })
  // Each in a fresh process: see in-own-process.ts.
  const notes = await inOwnProcess<NotesBench>('bench/notes-bench.ts', ['7'])
  const anki = await inOwnProcess<AnkiBench>('bench/anki-bench.ts', ['7'])
  const paintDir = await temp('rd-bench-paint-')
  const paint = await measurePaint(root, paintDir, pack)
  await rm(paintDir, { recursive: true, force: true })

  const figures = {
    boot_ms: bootOne.p50,
    boot_p95_ms: bootOne.p95,
    boot_100packs_ms: boot100.p50,
    boot_100packs_p95_ms: boot100.p95,
    save_review_p50_ms_20k: study.answer.p50,
    save_review_p95_ms_20k: study.answer.p95,
    durable_append_p50_ms: study.durable_append.p50,
    durable_append_p95_ms: study.durable_append.p95,
    save_vs_durable_append_ratio: round(study.answer.p50 / study.durable_append.p50),
    save_review_bytes: study.answer_bytes,
    save_annotation_p50_ms_5k: annotation.p50,
    save_annotation_p95_ms_5k: annotation.p95,
    search_p50_ms_100_distinct_packs: search.rare.p50,
    search_p95_ms_100_distinct_packs: search.rare.p95,
    search_rare_scoped_p50_ms_100_distinct_packs: search.rare_scoped.p50,
    search_rare_scoped_p95_ms_100_distinct_packs: search.rare_scoped.p95,
    search_common_p50_ms_100_distinct_packs: search.common.p50,
    search_common_p95_ms_100_distinct_packs: search.common.p95,
    search_scoped_p50_ms_100_distinct_packs: search.common_scoped.p50,
    search_scoped_p95_ms_100_distinct_packs: search.common_scoped.p95,
    search_index_build_ms_100_distinct_packs: search.build_ms,
    search_documents_100_distinct_packs: search.documents,
    first_text_ms: paint.first_text.p50,
    first_text_p95_ms: paint.first_text.p95,
    first_text_blank_ms: paint.first_text_blank.p50,
    first_text_blank_p95_ms: paint.first_text_blank.p95,
    first_text_ratio: round(paint.first_text.p50 / paint.first_text_blank.p50),
    initial_route_js_gzip_kb: paint.route_js_gzip_kb,
    blank_page_js_gzip_kb: paint.blank_js_gzip_kb,
    max_event_loop_block_ms: round(Math.max(session.loopMaxMs, optimise.loopMaxMs)),
    boot_20k_reviews_5k_highlights_ms: round(session.bootMs),
    boot_20k_reviews_5k_highlights_p50_ms: session.reboot.p50,
    boot_20k_reviews_5k_highlights_p95_ms: session.reboot.p95,
    exam_plan_20k_items_ms: examPlan.plan.p50,
    exam_plan_20k_items_p95_ms: examPlan.plan.p95,
    optimise_10k_reviews_ms: optimise.optimise.p50,
    optimise_10k_reviews_p95_ms: optimise.optimise.p95,
    optimise_max_event_loop_block_ms: optimise.loopMaxMs,
    optimise_idle_max_event_loop_block_ms: optimise.idleLoopMaxMs,
    import_markdown_150k_words_ms: notes.import.p50,
    import_markdown_150k_words_p95_ms: notes.import.p95,
    import_markdown_150k_words_cpu_ms: notes.cpu.p50,
    import_markdown_max_event_loop_block_ms: notes.loopMaxMs,
    import_markdown_idle_max_event_loop_block_ms: notes.idleLoopMaxMs,
    import_markdown_longest_slice_ms: notes.sliceMaxMs,
    import_markdown_longest_slice_cpu_ms: notes.sliceMaxCpuMs,
    export_apkg_10k_cards_ms: anki.export.p50,
    export_apkg_10k_cards_p95_ms: anki.export.p95,
    export_apkg_10k_cards_cpu_ms: anki.cpu.p50,
    export_apkg_max_event_loop_block_ms: anki.loopMaxMs,
    export_apkg_idle_max_event_loop_block_ms: anki.idleLoopMaxMs
  }
  const results = {
    measured_at: new Date().toISOString(),
    node: process.version,
    ...figures,
    targets: checkTargets(figures),
    setup: {
      machine: { cpus: cpus().length, load_average_1min_at_start: round(loadAtStart), load_average_1min_at_end: round(loadavg()[0]!) },
      bundled_pack_kb: round(Buffer.byteLength(JSON.stringify(pack)) / 1024),
      distinct_pack_mean_kb: round(distinct.meanPackBytes / 1024),
      search_rare_queries: search.queries.rare.length,
      search_common_queries: search.queries.common,
      first_text_waits_for: paint.needle,
      import_markdown_file: { words: notes.words, kb: notes.kb, cards: notes.cards },
      export_apkg_deck: { cards: anki.cards, kb: anki.apkgKb },
      longest_stalls: { import_markdown: notes.stalls, export_apkg: anki.stalls },
      initial_route_js_files: paint.route_js_files,
      runs: {
        boot: bootOne.runs,
        boot_100packs: boot100.runs,
        save_review: study.answer.runs,
        search_each_kind: search.rare.runs,
        first_text_each_page: paint.first_text.runs,
        boot_20k_reviews_5k_highlights: session.reboot.runs,
        exam_plan_20k_items: examPlan.plan.runs,
        optimise_10k_reviews: optimise.optimise.runs,
        import_markdown_150k_words: notes.import.runs,
        export_apkg_10k_cards: anki.export.runs
      }
    }
  }
  await writeFile(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`)
  console.log(results)
}

await main()
