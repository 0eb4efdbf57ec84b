// Why: "never lose a highlight or a review" has to survive the app being
// killed mid-save. This spawns tests/crash/writer.ts (bundled), SIGKILLs it at a random
// moment, and checks what it left: every write the child had acknowledged must
// be there. Each lane reuses its folder, so every run also reopens whatever
// the previous kill left behind (stale temp files, half-done checkpoints).
// Lanes by mode: the real study service (answers, history checkpoints),
// annotation service (highlights, folds into the parts) and writing service
// (answers and their scores, folds into writing.json), checked by reopening
// the services as a restart would; and a bare store file rewritten whole or
// appended to in place, checked byte for byte.
//   npx tsx tests/crash/run-crash.ts [kills=200] [lanes=5]
// SIGKILL leaves the OS page cache intact, so this proves the atomic
// temp+rename and in-place append protocols, not power-loss durability (that
// is what fsync is for).
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { APPEND_STORE, AppendSchema, CRASH_STORE, CrashSchema, type Mode } from './schema'
import { AnnotationLedger, annotationsMidFold, checkStudy, studyMidCheckpoint, WritingLedger } from './service-checks'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '../..')

/**
 * The writer is bundled once and each kill spawns plain node on the bundle: the
 * same code, without tsx's start-up (about a second a spawn here) 200 times.
 * It lands under node_modules/.cache so node finds the dependencies from there.
 */
async function bundleWriter(): Promise<{ file: string; dir: string }> {
  const cache = join(root, 'node_modules', '.cache')
  await mkdir(cache, { recursive: true })
  const dir = await mkdtemp(join(cache, 'rd-crash-writer-'))
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    build: {
      ssr: join(here, 'writer.ts'),
      outDir: dir,
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'writer.mjs', codeSplitting: false } }
    }
  })
  return { file: join(dir, 'writer.mjs'), dir }
}
const bundled = await bundleWriter()
const writer = bundled.file
const kills = Number(process.argv[2] ?? process.env.CRASH_KILLS ?? 200)
const MODES: Mode[] = ['study', 'annotations', 'rewrite', 'append', 'writing']
const lanes = Number(process.argv[3] ?? process.env.CRASH_LANES ?? MODES.length)

const tally = { kills: 0, lost: 0, failures: [] as string[], notices: 0, tornAppends: 0, tempsLeft: 0, acked: 0, midCheckpoint: { study: 0, annotations: 0 } }

const random = (min: number, max: number): number => min + Math.random() * (max - min)

interface Run {
  /** The value the child reported at open (a counter, or the number of records). */
  started: number
  /** The highest acknowledged counter (bare stores, study), or -1. */
  lastAck: number
  /** Every `start …` / `ack …` line, in order. */
  lines: { kind: string; payload: string }[]
}

/** One spawn-and-kill. */
async function killOnce(dir: string, mode: Mode, run: number): Promise<Run> {
  const child = spawn(process.execPath, [writer, dir, mode, String(run)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  const result: Run = { started: -1, lastAck: -1, lines: [] }
  let stderr = ''
  let buffered = ''
  let timer: NodeJS.Timeout | undefined
  const kill = (): void => void child.kill('SIGKILL')
  const watchdog = setTimeout(kill, 20_000)

  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString()
    const lines = buffered.split('\n')
    buffered = lines.pop() ?? ''
    for (const line of lines) {
      const [kind, payload] = [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 1)]
      if (kind === 'notice') {
        tally.notices++
        tally.failures.push(`unexpected recovery notice: ${payload}`)
      } else if (kind === 'ready') {
        result.started = Number(payload)
        // Now and then, kill around the first write rather than mid-stream.
        if (Math.random() < 0.15) timer = setTimeout(kill, random(0, 30))
      } else if (kind === 'ack' || kind === 'start') {
        result.lines.push({ kind, payload })
        if (kind === 'ack' && /^\d+$/.test(payload)) result.lastAck = Math.max(result.lastAck, Number(payload))
        if (kind === 'ack') timer ??= setTimeout(kill, random(0, 300))
      }
    }
  })

  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((res) => child.on('exit', (c, s) => res([c, s])))
  clearTimeout(watchdog)
  clearTimeout(timer)
  if (signal !== 'SIGKILL' || result.started < 0) {
    throw new Error(`writer did not run as expected (code ${code}, signal ${signal}, started ${result.started}):\n${stderr}`)
  }
  result.lastAck = Math.max(result.lastAck, result.started)
  return result
}

/** The store file's envelope, or why it cannot be read; null when no file (and nothing was promised). */
async function readEnvelope(file: string, lastAck: number): Promise<{ schemaVersion?: unknown; data?: unknown } | string | null> {
  if (!existsSync(file)) return lastAck > 0 ? `file missing after ack ${lastAck}` : null
  try {
    return JSON.parse(await readFile(file, 'utf8')) as { schemaVersion?: unknown; data?: unknown }
  } catch (err) {
    return `file does not parse: ${(err as Error).message}`
  }
}

async function checkAppend(dir: string, { lastAck, started }: Run): Promise<string | null> {
  const env = await readEnvelope(join(dir, `${APPEND_STORE.name}.json`), lastAck)
  if (env === null || typeof env === 'string') return env
  const result = AppendSchema.safeParse(env.data)
  if (!result.success) return `file does not validate: ${result.error.message}`
  const { entries } = result.data
  if (entries.some((n, i) => n !== i + 1)) return `entries are not 1…n in order`
  const top = entries.length
  if (top < lastAck) return `LOST: file holds ${top} < acknowledged ${lastAck}`
  if (top < started) return `went backwards: ${top} < ${started}`
  return null
}

async function checkRewrite(dir: string, { lastAck, started }: Run): Promise<string | null> {
  const env = await readEnvelope(join(dir, `${CRASH_STORE.name}.json`), lastAck)
  if (env === null || typeof env === 'string') return env
  if (env.schemaVersion !== CRASH_STORE.version) return `schemaVersion is ${String(env.schemaVersion)}`
  const result = CrashSchema.safeParse(env.data)
  if (!result.success) return `file does not validate: ${result.error.message}`
  const { counter, recent } = result.data
  if (counter < lastAck) return `LOST: file counter ${counter} < acknowledged ${lastAck}`
  if (counter < started) return `went backwards: ${counter} < ${started}`
  if (counter > 0 && recent.at(-1) !== counter) return `torn state: counter ${counter}, recent ends ${recent.at(-1)}`
  if ((await readdir(dir)).includes(`.${CRASH_STORE.name}.json.tmp`)) tally.tempsLeft++
  return null
}

async function lane(index: number, count: number): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), `rd-crash-${index}-`))
  const mode = MODES[index % MODES.length] as Mode
  const ledger = new AnnotationLedger()
  const answers = new WritingLedger()
  try {
    for (let i = 0; i < count; i++) {
      const run = await killOnce(dir, mode, i)
      tally.kills++
      let problem: string | null
      if (mode === 'study') {
        if (await studyMidCheckpoint(dir)) tally.midCheckpoint.study++
        tally.acked += Math.max(0, run.lastAck - run.started)
        problem = await checkStudy(dir, run.lastAck, run.started)
      } else if (mode === 'annotations') {
        if (await annotationsMidFold(dir)) tally.midCheckpoint.annotations++
        const before = ledger.acked
        for (const { kind, payload } of run.lines) ledger.line(kind, payload)
        tally.acked += ledger.acked - before
        problem = await ledger.check(dir)
      } else if (mode === 'writing') {
        const before = answers.acked
        for (const { kind, payload } of run.lines) answers.line(kind, payload)
        tally.acked += answers.acked - before
        problem = await answers.check(dir)
      } else {
        tally.acked += Math.max(0, run.lastAck - run.started)
        problem = mode === 'append' ? await checkAppend(dir, run) : await checkRewrite(dir, run)
      }
      if (!problem && (await readdir(dir)).some((e) => e.includes('.corrupt-') && !answers.tornCopies.has(e))) problem = 'a corrupt copy was made'
      if (problem) {
        if (problem.startsWith('LOST')) tally.lost++
        tally.failures.push(`lane ${index} (${mode}) kill ${i}: ${problem}`)
      }
    }
  } finally {
    tally.tornAppends += answers.tornCopies.size
    if (tally.failures.length === 0) await rm(dir, { recursive: true, force: true })
    else console.error(`lane ${index} folder kept for inspection: ${dir}`)
  }
}

const start = performance.now()
const perLane = Array.from({ length: lanes }, (_, i) => Math.floor(kills / lanes) + (i < kills % lanes ? 1 : 0))
try {
  await Promise.all(perLane.map((count, i) => lane(i, count)))
} catch (err) {
  tally.failures.push(String(err instanceof Error ? err.stack : err))
}
const seconds = ((performance.now() - start) / 1000).toFixed(1)
await rm(bundled.dir, { recursive: true, force: true })

for (const failure of tally.failures.slice(0, 20)) console.error(failure)
console.log(
  `crash test: ${tally.kills} kills, ${tally.lost} lost acknowledged writes, ${tally.failures.length} failures ` +
    `(${tally.acked} acknowledged writes; kills that left a checkpoint half done: ${tally.midCheckpoint.study} study, ${tally.midCheckpoint.annotations} annotations; ` +
    `${tally.tempsLeft} whole-file rewrites cut mid-write, ${tally.notices} recovery notices, ${tally.tornAppends} torn answer appends trimmed on opening, ${lanes} lanes, ${seconds} s)`
)
process.exit(tally.failures.length === 0 && tally.kills >= kills ? 0 : 1)
