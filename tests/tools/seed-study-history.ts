// Why: the optimiser needs 400+ reviews spread over weeks, which clicking
// through the page cannot make; this writes them into a stopped host's data
// folder with the app's own study store, as weeks of real answers would have.
// A command (tsx tests/tools/seed-study-history.ts <dataDir> <packId> <reviews>)
// so the E2E specs, type-checked for the browser, need not import main's code.
import { createScheduler, type StoredCard } from '../../src/main/services/study/scheduler'
import type { NewLogEntry } from '../../src/main/services/study/study-schema'
import { StudyStore } from '../../src/main/services/study/study-store'
import { simulateHistory } from '../unit/tuning/simulated-history'

const MS_PER_DAY = 86_400_000

/** `reviews` simulated reviews of `packId`, the last of them yesterday; resolves once they are on disk. */
export async function seedHistory(dataDir: string, packId: string, reviews: number): Promise<void> {
  const start = new Date(Date.now() - 120 * MS_PER_DAY).toISOString().slice(0, 10)
  const history = simulateHistory({ reviews, packId, start, perDay: 12 })
  const shift = Date.now() - MS_PER_DAY - Date.parse(`${history.at(-1)!.day}T00:00:00Z`)
  const days = Math.floor(shift / MS_PER_DAY)
  const scheduler = createScheduler()
  const cards = new Map<string, StoredCard>()
  const store = await StudyStore.open({ dir: dataDir })
  const entries: NewLogEntry[] = history.map((r) => {
    const at = new Date(Date.parse(`${r.day}T09:00:00Z`) + days * MS_PER_DAY)
    const prev = cards.get(r.itemId)
    const { card, log } = scheduler.review(prev, at, r.rating)
    cards.set(r.itemId, card)
    const day = at.toISOString().slice(0, 10)
    return {
      packId,
      itemId: r.itemId.replace('q:c', 'q:sim-c'),
      at: at.toISOString(),
      day,
      rating: r.rating,
      source: 'study',
      fresh: !prev,
      card,
      log,
      ...(prev ? { prevDue: prev.due } : {})
    }
  })
  await store.append(entries)
  await store.flush()
  store.close()
}

const [dataDir, packId, count] = process.argv.slice(2)
if (!dataDir || !packId || !Number.isInteger(Number(count))) {
  console.error('usage: tsx tests/tools/seed-study-history.ts <dataDir> <packId> <reviews>')
  process.exit(2)
}
await seedHistory(dataDir, packId, Number(count))
