// Why: a student's whole syllabus in one notes file (150,000 words, about 300
// pages) must become a pack in a couple of seconds, and the import runs in
// the main process, so the bench also watches the event loop while it runs:
// no single stall may pass 50 ms. Measures only the notes importer (parse,
// map, schema check), not the pack install it hands its result to.
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { resolve } from 'node:path'
import { buildNotesPack } from '../src/main/services/notes/build-pack'
import { nextSlice } from '../src/main/services/store/turns'
import { SHARED_WORDS } from './shared-words'
import { round, spread, type Spread } from './stats'
import { reportBesideApp } from './in-own-process'
import { idleStallMs, longest, startStallProbe, type Stall } from './stall-probe'

const VOCAB = [...SHARED_WORDS]

/** A deterministic notes file of `words` words using every syntax the importer reads, in the proportions notes have. */
export function generateNotes(words: number): string {
  let seed = 42
  const rand = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
    return seed % n
  }
  const sentence = (n: number): string => {
    const out: string[] = []
    for (let i = 0; i < n; i++) out.push(VOCAB[rand(VOCAB.length)] as string)
    const text = out.join(' ')
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
  }
  const parts: string[] = ['---\nid: bench-notes\ntitle: Bench notes\nasOf: 2026-11-01\n---\n\n# General Studies notes\n']
  let count = 0
  const SECTIONS = 90
  const perSection = Math.ceil(words / SECTIONS)
  for (let s = 0; s < SECTIONS && count < words; s++) {
    parts.push(`## Topic ${s + 1}: ${sentence(3).slice(0, -1)}\n`)
    let inSection = 0
    let sub = 0
    while (inSection < perSection && count + inSection < words) {
      const kind = rand(20)
      let chunk: string
      if (kind === 0) chunk = `### Part ${++sub}\n`
      else if (kind < 10) chunk = `${sentence(25)} ${sentence(30)} ${sentence(25)} [see](https://example.org/${s}/${rand(50)})\n`
      else if (kind < 13) chunk = Array.from({ length: 5 }, () => `- ${sentence(10)}`).join('\n') + '\n'
      else if (kind === 13) chunk = `> [!important] ${sentence(3)}\n> ${sentence(30)}\n`
      else if (kind === 14) chunk = `${sentence(8)}::${sentence(6)}\n${sentence(7)}:::${sentence(4)}\n`
      else if (kind === 15)
        chunk = `The {{c1::${VOCAB[rand(VOCAB.length)]}}} of ${sentence(12)} and {{c2::${VOCAB[rand(VOCAB.length)]}::hint}} ${sentence(10)}\n`
      else if (kind === 16) chunk = `${sentence(10)}\n?\n${sentence(20)}\n`
      else if (kind === 17 && s % 5 === 0 && sub < 2)
        chunk = `| Dimension | First | Second | = / ≠ |\n| --- | --- | --- | --- |\n${Array.from({ length: 12 }, () => `| ${sentence(3)} | ${sentence(6)} | ${sentence(6)} | ${rand(2) ? '=' : '≠'} |`).join('\n')}\n`
      else if (kind === 18)
        chunk = `\`\`\`quiz\nConsider the following statements:\n1. ${sentence(10)}\n2. ${sentence(10)}\n(a) 1 only\n(b) 2 only\n(c) Both 1 and 2\n(d) Neither 1 nor 2\nAnswer: ${'abcd'[rand(4)]}\nExplanation: ${sentence(15)}\n\`\`\`\n`
      else chunk = `${sentence(40)}\n`
      parts.push(chunk)
      inSection += chunk.split(/\s+/).filter(Boolean).length
    }
    count += inSection
  }
  return parts.join('\n')
}

export interface NotesBench {
  import: Spread
  /** CPU time of one import (user + system), which a busy machine does not stretch as it does wall time. */
  cpu: Spread
  /** Longest stall seen by a 1 ms timer while the imports ran (wall clock: includes time the OS gave other processes). */
  loopMaxMs: number
  /** The same probe over an idle wait as long as the imports, right after: what the machine's load alone stalls. */
  idleLoopMaxMs: number
  /** Longest run between two yields to the event loop: wall clock, and CPU time. */
  sliceMaxMs: number
  sliceMaxCpuMs: number
  /** The longest stalls, each split into the work's own slices, the main thread's CPU and its wait for a CPU. */
  stalls: Stall[]
  words: number
  kb: number
  cards: number
}

export async function measureNotesImport(runs = 7, words = 150_000): Promise<NotesBench> {
  const text = generateNotes(words)
  const samples: number[] = []
  const cpuSamples: number[] = []
  let cards = 0
  let sliceMaxMs = 0
  let sliceMaxCpuMs = 0
  let sliceStart = performance.now()
  let sliceCpu = process.cpuUsage()
  // One unmeasured run, so the figures are not module loading and JIT warm-up.
  await buildNotesPack({ fileName: 'bench.md', text })
  const probe = startStallProbe()
  const pause = async (): Promise<void> => {
    const cpu = process.cpuUsage(sliceCpu)
    sliceMaxMs = Math.max(sliceMaxMs, performance.now() - sliceStart)
    sliceMaxCpuMs = Math.max(sliceMaxCpuMs, (cpu.user + cpu.system) / 1000)
    probe.workEnded()
    await nextSlice()
    probe.workStarted()
    sliceStart = performance.now()
    sliceCpu = process.cpuUsage()
  }
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    const cpuAtStart = process.cpuUsage()
    sliceStart = started
    sliceCpu = cpuAtStart
    probe.workStarted()
    const result = await buildNotesPack({ fileName: 'bench.md', text, pause })
    await pause()
    probe.workEnded()
    samples.push(performance.now() - started)
    const cpu = process.cpuUsage(cpuAtStart)
    cpuSamples.push((cpu.user + cpu.system) / 1000)
    if (!result.ok) throw new Error(`bench notes did not import: ${result.error.message}`)
    cards = result.pack.questions.length
  }
  const loop = probe.stop()
  const idleMaxMs = await idleStallMs(samples.reduce((a, b) => a + b, 0))
  return {
    import: spread(samples),
    cpu: spread(cpuSamples),
    loopMaxMs: loop.maxMs,
    idleLoopMaxMs: idleMaxMs,
    stalls: longest(loop.stalls),
    sliceMaxMs: round(sliceMaxMs),
    sliceMaxCpuMs: round(sliceMaxCpuMs),
    words: text.split(/\s+/).filter(Boolean).length,
    kb: round(Buffer.byteLength(text) / 1024),
    cards
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await reportBesideApp(() => measureNotesImport(Number(process.argv[2] ?? 7)))
}
