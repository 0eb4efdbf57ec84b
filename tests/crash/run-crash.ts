// Why: "never lose a highlight" has to survive the app being killed mid-save.
// This spawns tests/crash/writer.ts, SIGKILLs it at a random moment, and
// checks the file it left: it must parse, validate, and hold every write the
// child had acknowledged. Each lane reuses its folder, so every run also
// reopens whatever the previous kill left behind (stale temp files included).
// Even lanes cut whole-file rewrites (temp+rename); odd lanes cut the in-place
// appends the review and highlight journals use.
//   npx tsx tests/crash/run-crash.ts [kills=200] [lanes=4]
// SIGKILL leaves the OS page cache intact, so this proves the atomic
// temp+rename protocol, not power-loss durability (that is what fsync is for).
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { APPEND_STORE, AppendSchema, CRASH_STORE, CrashSchema } from './schema'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '../..')
const writer = join(here, 'writer.ts')
const kills = Number(process.argv[2] ?? process.env.CRASH_KILLS ?? 200)
const lanes = Number(process.argv[3] ?? process.env.CRASH_LANES ?? 4)

interface Tally {
  kills: number
  lost: number
  failures: string[]
  notices: number
  tempsLeft: number
  acked: number
}
const tally: Tally = { kills: 0, lost: 0, failures: [], notices: 0, tempsLeft: 0, acked: 0 }

const random = (min: number, max: number): number => min + Math.random() * (max - min)

/** One spawn-and-kill. Returns the last acknowledged counter (or the start counter). */
type Mode = 'rewrite' | 'append'

async function killOnce(dir: string, mode: Mode): Promise<{ lastAck: number; started: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', writer, dir, mode], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  let started = -1
  let lastAck = -1
  let stderr = ''
  let buffered = ''
  let timer: NodeJS.Timeout | undefined
  const kill = (): void => void child.kill('SIGKILL')
  const watchdog = setTimeout(kill, 15_000)

  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString()
    const lines = buffered.split('\n')
    buffered = lines.pop() ?? ''
    for (const line of lines) {
      const [kind, value] = [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 1)]
      if (kind === 'notice') {
        tally.notices++
        tally.failures.push(`unexpected recovery notice: ${value}`)
      } else if (kind === 'ready') {
        started = Number(value)
        // Now and then, kill around the first write rather than mid-stream.
        if (Math.random() < 0.15) timer = setTimeout(kill, random(0, 30))
      } else if (kind === 'ack') {
        lastAck = Math.max(lastAck, Number(value))
        timer ??= setTimeout(kill, random(0, 300))
      }
    }
  })

  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((res) => child.on('exit', (c, s) => res([c, s])))
  clearTimeout(watchdog)
  clearTimeout(timer)
  if (signal !== 'SIGKILL' || started < 0) {
    throw new Error(`writer did not run as expected (code ${code}, signal ${signal}, started ${started}):\n${stderr}`)
  }
  return { lastAck: Math.max(lastAck, started), started }
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

async function checkAppend(dir: string, lastAck: number, started: number): Promise<string | null> {
  const env = await readEnvelope(join(dir, `${APPEND_STORE.name}.json`), lastAck)
  if (env === null || typeof env === 'string') return env
  const result = AppendSchema.safeParse(env.data)
  if (!result.success) return `file does not validate: ${result.error.message}`
  const { entries } = result.data
  if (entries.some((n, i) => n !== i + 1)) return `entries are not 1…n in order`
  const top = entries.length
  if (top < lastAck) return `LOST: file holds ${top} < acknowledged ${lastAck}`
  if (top < started) return `went backwards: ${top} < ${started}`
  if ((await readdir(dir)).some((e) => e.includes('.corrupt-'))) return 'a corrupt copy was made'
  return null
}

async function check(dir: string, lastAck: number, started: number): Promise<string | null> {
  const env = await readEnvelope(join(dir, `${CRASH_STORE.name}.json`), lastAck)
  if (env === null || typeof env === 'string') return env
  if (env.schemaVersion !== CRASH_STORE.version) return `schemaVersion is ${String(env.schemaVersion)}`
  const result = CrashSchema.safeParse(env.data)
  if (!result.success) return `file does not validate: ${result.error.message}`
  const { counter, recent } = result.data
  if (counter < lastAck) return `LOST: file counter ${counter} < acknowledged ${lastAck}`
  if (counter < started) return `went backwards: ${counter} < ${started}`
  if (counter > 0 && recent.at(-1) !== counter) return `torn state: counter ${counter}, recent ends ${recent.at(-1)}`
  const entries = await readdir(dir)
  if (entries.some((e) => e.includes('.corrupt-'))) return `a corrupt copy was made: ${entries.join(', ')}`
  if (entries.includes(`.${CRASH_STORE.name}.json.tmp`)) tally.tempsLeft++
  return null
}

async function lane(index: number, count: number): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), `rd-crash-${index}-`))
  const mode: Mode = index % 2 === 0 ? 'rewrite' : 'append'
  try {
    for (let i = 0; i < count; i++) {
      const { lastAck, started } = await killOnce(dir, mode)
      tally.kills++
      tally.acked += Math.max(0, lastAck - started)
      const problem = mode === 'append' ? await checkAppend(dir, lastAck, started) : await check(dir, lastAck, started)
      if (problem) {
        if (problem.startsWith('LOST')) tally.lost++
        tally.failures.push(`lane ${index} kill ${i}: ${problem}`)
      }
    }
  } finally {
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

for (const failure of tally.failures.slice(0, 20)) console.error(failure)
console.log(
  `crash test: ${tally.kills} kills, ${tally.lost} lost acknowledged writes, ${tally.failures.length} failures ` +
    `(${tally.acked} acknowledged writes, ${tally.tempsLeft} kills landed mid-write, ${tally.notices} recovery notices, ${lanes} lanes, ${seconds} s)`
)
process.exit(tally.failures.length === 0 && tally.kills >= kills ? 0 : 1)
