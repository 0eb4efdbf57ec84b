// Why: the optimiser needs a history with real spacing and real forgetting to
// fit anything; this simulates a student whose memory follows known FSRS
// parameters (not the defaults), reviewed on ts-fsrs's schedule, reproducibly.
import { default_w, fsrs, type FSRSState } from 'ts-fsrs'
import type { StudyRating } from '../../../src/shared/domain/study'
import type { ReviewRecord } from '../../../src/main/services/tuning/review-sequences'

/** A student who forgets faster than ts-fsrs's defaults assume. */
export const TRUE_W: readonly number[] = default_w.map((w, i) => (i < 4 ? w * 0.5 : w))

const MS_PER_DAY = 86_400_000

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1
  return () => {
    s = (s * 1_103_515_245 + 12_345) >>> 0
    return s / 4_294_967_296
  }
}

/** About `reviews` reviews over new cards brought in `perDay` a day from `start`, in day order. */
export function simulateHistory(opts: { reviews: number; perDay?: number; seed?: number; start?: string; packId?: string }): ReviewRecord[] {
  const rand = rng(opts.seed ?? 7)
  const truth = fsrs({ w: [...TRUE_W], enable_short_term: false })
  const schedule = fsrs({ enable_short_term: false, request_retention: 0.9 })
  const startMs = Date.parse(`${opts.start ?? '2026-01-01'}T00:00:00Z`)
  const perDay = opts.perDay ?? 10
  const cards: { id: number; next: number; last: number; truth: FSRSState | null; sched: FSRSState | null }[] = []
  const out: ReviewRecord[] = []
  for (let day = 0; out.length < opts.reviews; day++) {
    for (let k = 0; k < perDay; k++) cards.push({ id: cards.length, next: day, last: day, truth: null, sched: null })
    for (const c of cards) {
      if (c.next !== day || out.length >= opts.reviews) continue
      const t = day - c.last
      const recalled = c.truth === null ? rand() < 0.7 : rand() < truth.forgetting_curve(t, c.truth.stability)
      const rating: StudyRating = !recalled ? 1 : rand() < 0.15 ? 2 : rand() < 0.9 ? 3 : 4
      c.truth = truth.next_state(c.truth, t, rating)
      c.sched = schedule.next_state(c.sched, t, rating)
      c.last = day
      c.next = day + Math.max(1, schedule.next_interval(c.sched.stability, 0))
      out.push({ packId: opts.packId ?? 'sim', itemId: `q:c${c.id}`, day: new Date(startMs + day * MS_PER_DAY).toISOString().slice(0, 10), rating })
    }
  }
  return out
}
