// Why: the speed target for answering a card (p50 ≤ 10 ms with 20,000 reviews
// on record, ≤ 1.5× a raw write+rename of the same bytes) is measured here,
// for `npm run bench`, never in timed tests. It lives here, not in src, because the app never runs it.
// "The same bytes" is the journal file (what a save that rewrites it writes);
// an answer now only appends its entry, so a raw write+rename of just that
// entry is reported too.
import { mkdtemp, readFile, rename, rm, writeFile, open } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Pack } from '../src/shared/pack/schema'
import { createPackService } from '../src/main/services/packs/pack-service'
import { fixedOffsetCalendar } from '../src/main/services/study/days'
import { createScheduler, type StoredCard } from '../src/main/services/study/scheduler'
import type { NewLogEntry } from '../src/main/services/study/study-schema'
import { openStudyService } from '../src/main/services/study/study-service'
import { StudyStore } from '../src/main/services/study/study-store'

export interface StudyBenchResult {
  logs: number
  cards: number
  /** An answer through the service until it is on disk (study:rate). */
  answer_p50_ms: number
  answer_p95_ms: number
  /** writeFile + rename of the journal's bytes, no fsync (what bench/run.ts calls raw). */
  raw_write_rename_p50_ms: number
  /** The same with fsync of the file and the folder, as the store does. */
  raw_durable_p50_ms: number
  ratio_to_raw: number
  ratio_to_raw_durable: number
  journal_bytes: number
  snapshot_bytes: number
  /** Bytes an answer actually writes: its entry, appended in place to the journal. */
  answer_bytes: number
  /** writeFile + rename of just those bytes, no fsync: the cheapest possible separate save of one answer. */
  raw_write_rename_answer_bytes_p50_ms: number
  ratio_to_raw_answer_bytes: number
}

function p(samples: number[], q: number): number {
  const s = [...samples].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0
}
const round = (n: number): number => Math.round(n * 100) / 100

function benchPack(questions: number): Pack {
  return {
    schemaVersion: 1,
    id: 'bench',
    title: 'Bench',
    version: '1.0.0',
    asOf: '2026-11-01',
    sources: [{ id: 's', title: 'S', address: 'https://example.com/' }],
    sections: [{ id: 'sec', title: 'Sec', blocks: [{ id: 'b', kind: 'paragraph', text: 'Text.', sourceIds: ['s'] }] }],
    glossary: [],
    timeline: [],
    tables: [],
    questions: Array.from({ length: questions }, (_, i) => ({
      id: `q-${i}`,
      kind: 'mcq' as const,
      tests: ['b'],
      prompt: `Question ${i}?`,
      options: ['A', 'B', 'C', 'D'],
      answer: i % 4,
      explanation: 'Because.'
    }))
  }
}

/** Seeds `logs` reviews over `cards` items, then times `runs` answers through the service. */
export async function measureStudyAnswers(opts: { logs?: number; cards?: number; runs?: number } = {}): Promise<StudyBenchResult> {
  const logs = opts.logs ?? 20_000
  const cardCount = opts.cards ?? 2_000
  const runs = opts.runs ?? 200
  const dir = await mkdtemp(join(tmpdir(), 'rd-bench-study-'))
  const calendar = fixedOffsetCalendar(330)
  let now = Date.parse('2026-01-01T04:30:00.000Z')
  const clock = (): Date => new Date(now)
  try {
    // Seed through the real store, 500 reviews a write, spread over ~10 months.
    const seed = await StudyStore.open({ dir, clock })
    const scheduler = createScheduler()
    const cards = new Map<string, StoredCard>()
    const step = Math.floor((300 * 86_400_000) / logs)
    for (let done = 0; done < logs; ) {
      const batch: NewLogEntry[] = []
      for (; batch.length < 500 && done < logs; done++, now += step) {
        const itemId = `q:q-${done % cardCount}`
        const prev = cards.get(itemId)
        const at = new Date(now)
        const rating = ((done % 7) % 4) + 1
        const { card, log } = scheduler.review(prev, at, rating as 1 | 2 | 3 | 4)
        cards.set(itemId, card)
        batch.push({ packId: 'bench', itemId, at: at.toISOString(), day: calendar.dayOf(at), rating: rating as 1, source: 'study', fresh: !prev, card, log, ...(prev ? { prevDue: prev.due } : {}) })
      }
      await seed.append(batch)
      await seed.flush()
      await seed.checkpoint()
    }
    await seed.flush()

    const packs = createPackService({ packs: new Map([['bench', benchPack(cardCount)]]), errors: [] })
    const study = await openStudyService({ dir, packs, clock, calendar })
    const answer: number[] = []
    for (let i = 0; i < runs; i++) {
      now += 60_000
      const started = performance.now()
      await study.rate({ packId: 'bench', itemId: `q:q-${(i * 37) % cardCount}`, rating: 3 })
      answer.push(performance.now() - started)
    }
    await study.flush()
    const history = await study.history('bench')
    if (history.length !== logs + runs) throw new Error(`expected ${logs + runs} reviews on record, found ${history.length}`)

    const bytes = await readFile(join(dir, 'study-journal.json'))
    const snapshotBytes = (await readFile(join(dir, 'study.json'))).length
    // What the last answer appended: ",\n" + its entry (see json-store.ts append()).
    const lastEntry = study.store.journal.data.entries.at(-1)
    const answerBytes = Buffer.from(`,\n${JSON.stringify(lastEntry)}`)
    const raw: number[] = []
    const durable: number[] = []
    const rawAnswer: number[] = []
    for (let i = 0; i < runs; i++) {
      let started = performance.now()
      await writeFile(join(dir, 'raw.tmp'), bytes)
      await rename(join(dir, 'raw.tmp'), join(dir, 'raw.json'))
      raw.push(performance.now() - started)
      started = performance.now()
      await writeFile(join(dir, 'answer.tmp'), answerBytes)
      await rename(join(dir, 'answer.tmp'), join(dir, 'answer.json'))
      rawAnswer.push(performance.now() - started)
      started = performance.now()
      const file = await open(join(dir, 'durable.tmp'), 'w')
      await file.write(bytes)
      await file.sync()
      await file.close()
      await rename(join(dir, 'durable.tmp'), join(dir, 'durable.json'))
      const folder = await open(dir, 'r')
      await folder.sync()
      await folder.close()
      durable.push(performance.now() - started)
    }
    const a50 = p(answer, 0.5)
    return {
      logs: history.length,
      cards: cardCount,
      answer_p50_ms: round(a50),
      answer_p95_ms: round(p(answer, 0.95)),
      raw_write_rename_p50_ms: round(p(raw, 0.5)),
      raw_durable_p50_ms: round(p(durable, 0.5)),
      ratio_to_raw: round(a50 / p(raw, 0.5)),
      ratio_to_raw_durable: round(a50 / p(durable, 0.5)),
      journal_bytes: bytes.length,
      snapshot_bytes: snapshotBytes,
      answer_bytes: answerBytes.length,
      raw_write_rename_answer_bytes_p50_ms: round(p(rawAnswer, 0.5)),
      ratio_to_raw_answer_bytes: round(a50 / p(rawAnswer, 0.5))
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
