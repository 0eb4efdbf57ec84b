// Why: a retention setting means little until it is shown as work. This
// walks each card the student has forward under a retention and counts the
// reviews it would ask for over the next weeks (ts-fsrs has no workload helper).
import { fsrs, State } from 'ts-fsrs'
import { WORKLOAD_DAYS, type WorkloadPoint } from '../../../shared/domain/tuning'
import type { StoredCard } from '../study/scheduler'

const MS_PER_DAY = 86_400_000
/** Cards walked between yields to the event loop: ~10 ms of work on a slow machine, so the window never waits on it. */
const SLICE = 250
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Each review is assumed recalled with the target probability: it counts as
 * one review plus, for the share forgotten, one relearning review; the card
 * then follows its Good path. An estimate to compare settings by, not a forecast.
 */
export async function estimateWorkload(
  cards: Iterable<StoredCard>,
  parameters: readonly number[] | null,
  retentions: readonly number[],
  now: Date,
  days = WORKLOAD_DAYS
): Promise<WorkloadPoint[]> {
  const seen: StoredCard[] = []
  for (const c of cards) if (c.state !== State.New && c.last_review) seen.push(c)
  const out: WorkloadPoint[] = []
  for (const retention of retentions) {
    const f = fsrs({ request_retention: retention, enable_fuzz: false, enable_short_term: false, ...(parameters ? { w: [...parameters] } : {}) })
    let reviews = 0
    for (const [i, card] of seen.entries()) {
      if (i > 0 && i % SLICE === 0) await nextTurn()
      let stability = card.stability
      let difficulty = card.difficulty
      // Day of the last review relative to today (negative: in the past).
      let last = (Date.parse(card.last_review as string) - now.getTime()) / MS_PER_DAY
      // Learning and relearning cards come back within the day.
      let due = card.state === State.Review ? last + f.next_interval(stability, 0) : 0
      while (true) {
        if (due < 0) due = 0
        if (due >= days) break
        reviews += 1 + (1 - retention)
        const next = f.next_state({ stability, difficulty }, Math.max(0, Math.round(due - last)), 3)
        stability = next.stability
        difficulty = next.difficulty
        last = due
        due = last + Math.max(1, f.next_interval(stability, 0))
      }
    }
    out.push({ retention, reviewsPerDay: Math.round((reviews / days) * 10) / 10 })
  }
  return out
}
