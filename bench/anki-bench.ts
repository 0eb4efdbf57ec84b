// Why: a student's biggest deck going to Anki, 10,000 cards (a full pack of
// 5,000 questions plus 5,000 highlight cards, both the app's limits), exported
// as an .apkg the way anki:export does it in the built app: notes counted on
// the main thread in slices, the collection written and zipped by the BUILT
// worker, and base64'd for files:save. The bench also watches the main
// event loop meanwhile: no single stall may pass 50 ms.
import { readdirSync, readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { idleStallMs, longest, startStallProbe, type Stall } from './stall-probe'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { join, resolve } from 'node:path'
import { createAnkiService } from '../src/main/services/anki/anki-service'
import type { PackService } from '../src/main/services/packs/pack-service'
import type { PackImporter } from '../src/main/services/data/pack-import'
import { nextSlice } from '../src/main/services/store/turns'
import { BLANK } from '../src/shared/domain/cloze'
import type { HighlightCard } from '../src/shared/domain/study'
import type { Pack, Question } from '../src/shared/pack/schema'
import { SHARED_WORDS } from './shared-words'
import { round, spread, type Spread } from './stats'
import { reportBesideApp } from './in-own-process'

const VOCAB = [...SHARED_WORDS]

/** A pack of 5,000 questions of every kind over 100 sections, and 5,000 highlight cards on its blocks. */
export function tenThousandCards(): { pack: Pack; highlights: HighlightCard[] } {
  let seed = 7
  const rand = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
    return seed % n
  }
  const words = (n: number): string => Array.from({ length: n }, () => VOCAB[rand(VOCAB.length)]).join(' ')
  const sections = Array.from({ length: 100 }, (_, s) => ({
    id: `s${s}`,
    title: `Topic ${s}`,
    blocks: Array.from({ length: 20 }, (_, b) => ({ id: `s${s}-b${b}`, kind: 'paragraph' as const, text: words(60), sourceIds: ['src'] }))
  }))
  const questions: Question[] = Array.from({ length: 5000 }, (_, i): Question => {
    const tests = [`s${i % 100}-b${i % 20}`]
    const explanation = words(30)
    switch (i % 4) {
      case 0:
        return { id: `q${i}`, kind: 'flashcard', tests, front: `${words(12)}?`, back: words(25), explanation }
      case 1:
        return { id: `q${i}`, kind: 'cloze', tests, text: `${words(10)} ${BLANK} ${words(10)}`, answer: words(2), explanation }
      case 2:
        return { id: `q${i}`, kind: 'mcq', tests, prompt: `${words(15)}?`, options: [words(4), words(4), words(4), words(4)], answer: rand(4), explanation }
      default:
        return {
          id: `q${i}`,
          kind: 'statements',
          tests,
          stem: 'Consider the following statements:',
          statements: [words(12), words(12), words(12)],
          ask: 'Which of the statements given above is/are correct?',
          options: ['1 only', '1 and 2 only', '2 and 3 only', '1, 2 and 3'],
          answer: rand(4),
          explanation
        }
    }
  })
  const pack: Pack = {
    schemaVersion: 1,
    id: 'bench-anki',
    title: 'Bench deck',
    version: '1.0.0',
    asOf: '2026-11-01',
    sources: [{ id: 'src', title: 'Bench', file: 'bench.md' }],
    sections,
    glossary: [],
    timeline: [],
    tables: [],
    questions
  }
  const highlights = Array.from({ length: 5000 }, (_, i) => ({
    id: `hl${i}`,
    text: `${words(20)} ${BLANK} ${words(20)}`,
    answer: words(2),
    blockId: `s${i % 100}-b${i % 20}`,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString()
  }))
  return { pack, highlights }
}

const root = fileURLToPath(new URL('..', import.meta.url))

/** The worker path as the built app gets it: the default export of the chunk out/main/index.js imports for `?modulePath`. */
async function builtWorker(): Promise<string> {
  const dir = join(root, 'out/main/chunks')
  const index = readFileSync(join(root, 'out/main/index.js'), 'utf8')
  for (const file of readdirSync(dir).filter((f) => f.startsWith('export-worker-') && index.includes(`./chunks/${f}`))) {
    const { default: path } = (await import(pathToFileURL(join(dir, file)).href)) as { default?: unknown }
    if (typeof path === 'string') return path
  }
  throw new Error('out/main has no Anki export worker: run npx electron-vite build first')
}

export interface AnkiBench {
  export: Spread
  /** CPU time of one export, main thread and worker together (user + system), which a busy machine does not stretch as it does wall time. */
  cpu: Spread
  /** Longest stall of the main event loop seen by a 1 ms timer while the exports ran (wall clock: includes time the OS gave other processes). */
  loopMaxMs: number
  /** The same timer over an idle wait as long as the exports, right after: what the machine's load alone stalls. */
  idleLoopMaxMs: number
  /** The longest stalls while exporting, each split into the main thread's CPU and its wait for a CPU. */
  stalls: Stall[]
  cards: number
  apkgKb: number
}

export async function measureApkgExport(runs = 7): Promise<AnkiBench> {
  const { pack, highlights } = tenThousandCards()
  const packs = { get: () => pack } as unknown as PackService
  const anki = createAnkiService({ packs, importer: {} as PackImporter, highlights: () => highlights, pause: nextSlice, exportWorker: await builtWorker() })
  const exportOnce = async (): Promise<{ cards: number; base64: string }> => {
    const result = await anki.export(pack.id, 'apkg')
    return { cards: result.counts.cards, base64: result.content }
  }
  // One unmeasured run warms the main thread's JIT (each worker starts cold, as in the app).
  await exportOnce()
  const samples: number[] = []
  const cpuSamples: number[] = []
  let last = { cards: 0, base64: '' }
  const probe = startStallProbe()
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    const cpuAtStart = process.cpuUsage()
    last = await exportOnce()
    samples.push(performance.now() - started)
    const cpu = process.cpuUsage(cpuAtStart)
    cpuSamples.push((cpu.user + cpu.system) / 1000)
  }
  const loop = probe.stop()
  const idleMaxMs = await idleStallMs(samples.reduce((a, b) => a + b, 0))
  return {
    export: spread(samples),
    cpu: spread(cpuSamples),
    loopMaxMs: loop.maxMs,
    stalls: longest(loop.stalls),
    idleLoopMaxMs: idleMaxMs,
    cards: last.cards,
    apkgKb: round((last.base64.length * 3) / 4 / 1024)
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await reportBesideApp(() => measureApkgExport(Number(process.argv[2] ?? 7)))
}
