// Why: the speed target for answering a card (with 20,000 reviews on record)
// is measured here, for `npm run bench`, never in timed tests; it lives here,
// not in src, because the app never runs it. The yardstick is the physical
// limit: a durable append of the very bytes the answer adds to its journal,
// to a file opened O_DSYNC in the same folder, timed in turn with the answers
// so a busy moment on the machine falls on both.
import { constants } from 'node:fs'
import { mkdtemp, open, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Pack } from '../src/shared/pack/schema'
import { createPackService } from '../src/main/services/packs/pack-service'
import { fixedOffsetCalendar } from '../src/main/services/study/days'
import { createScheduler, type StoredCard } from '../src/main/services/study/scheduler'
import type { NewLogEntry } from '../src/main/services/study/study-schema'
import { openStudyService } from '../src/main/services/study/study-service'
import { StudyStore } from '../src/main/services/study/study-store'
import { spread, type Spread } from './stats'

export interface StudyBenchResult {
  logs: number
  cards: number
  /** An answer through the service until it is on disk (study:rate). */
  answer: Spread
  /** The same bytes appended to an O_DSYNC file (write + fdatasync where O_DSYNC is missing). */
  durable_append: Spread
  /** Bytes one answer writes to its journal: its entry, plus the closing `]}}` it writes over. */
  answer_bytes: number
}

/** What append-writer.ts writes for one entry: `,\n<entry>` over the file's closing `]}}`, which it writes again after. */
const appendedBytes = (entry: unknown): Buffer => Buffer.from(`,\n${JSON.stringify(entry)}]}}`, 'utf8')

/** An append-only file that returns from each write only once the bytes are on the device. */
async function openDurableAppend(path: string): Promise<{ append(bytes: Buffer): Promise<void>; close(): Promise<void> }> {
  const dsync = (constants as { O_DSYNC?: number }).O_DSYNC
  const handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND | (dsync ?? 0))
  await handle.sync()
  const folder = await open(dirname(path), 'r')
  await folder.sync()
  await folder.close()
  return {
    async append(bytes) {
      for (let offset = 0; offset < bytes.length;) offset += (await handle.write(bytes, offset)).bytesWritten
      if (dsync === undefined) await handle.datasync()
    },
    close: () => handle.close()
  }
}

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
    for (let done = 0; done < logs;) {
      const batch: NewLogEntry[] = []
      for (; batch.length < 500 && done < logs; done++, now += step) {
        const itemId = `q:q-${done % cardCount}`
        const prev = cards.get(itemId)
        const at = new Date(now)
        const rating = ((done % 7) % 4) + 1
        const { card, log } = scheduler.review(prev, at, rating as 1 | 2 | 3 | 4)
        cards.set(itemId, card)
        batch.push({
          packId: 'bench',
          itemId,
          at: at.toISOString(),
          day: calendar.dayOf(at),
          rating: rating as 1,
          source: 'study',
          fresh: !prev,
          card,
          log,
          ...(prev ? { prevDue: prev.due } : {})
        })
      }
      await seed.append(batch)
      await seed.flush()
      await seed.checkpoint()
    }
    await seed.flush()

    const packs = createPackService({ packs: new Map([['bench', benchPack(cardCount)]]), errors: [] })
    const study = await openStudyService({ dir, packs, clock, calendar })
    // The yardstick file is made durable (created, folder synced) before timing, as the journal was.
    const baseline = await openDurableAppend(join(dir, 'durable-append.log'))
    const answer: number[] = []
    const durable: number[] = []
    let bytes = 0
    for (let i = 0; i < runs; i++) {
      now += 60_000
      let started = performance.now()
      await study.rate({ packId: 'bench', itemId: `q:q-${(i * 37) % cardCount}`, rating: 3 })
      answer.push(performance.now() - started)
      const written = appendedBytes(study.store.journal.data.entries.at(-1))
      bytes = written.length
      started = performance.now()
      await baseline.append(written)
      durable.push(performance.now() - started)
    }
    await baseline.close()
    await study.flush()
    const history = await study.history('bench')
    if (history.length !== logs + runs) throw new Error(`expected ${logs + runs} reviews on record, found ${history.length}`)
    return { logs: history.length, cards: cardCount, answer: spread(answer), durable_append: spread(durable), answer_bytes: bytes }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
