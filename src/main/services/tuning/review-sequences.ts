// Why: the optimiser and the error measure both see the review log as one
// sequence of (rating, calendar day) per card. Built here from the study log,
// packed into typed arrays so it crosses to the worker without a deep copy.
import type { StudyRating } from '../../../shared/domain/study'

const MS_PER_DAY = 86_400_000

/** What the tuning code needs of a study log entry. */
export interface ReviewRecord {
  packId: string
  itemId: string
  /** The student's calendar day of the review, YYYY-MM-DD. */
  day: string
  rating: StudyRating
}

/** Every card's reviews in order: card i is ratings/days[starts[i] .. starts[i] + lengths[i]). */
export interface ReviewSequences {
  ratings: Uint8Array
  /** Days since 1970-01-01 of each review. */
  days: Int32Array
  lengths: Uint32Array
}

/** Groups the log by card, keeping each card's reviews in log order. */
export function toSequences(records: Iterable<ReviewRecord>): ReviewSequences {
  const byCard = new Map<string, ReviewRecord[]>()
  let total = 0
  for (const r of records) {
    const key = `${r.packId}\u0000${r.itemId}`
    const list = byCard.get(key)
    if (list) list.push(r)
    else byCard.set(key, [r])
    total++
  }
  const ratings = new Uint8Array(total)
  const days = new Int32Array(total)
  const lengths = new Uint32Array(byCard.size)
  let at = 0
  let card = 0
  for (const list of byCard.values()) {
    for (const r of list) {
      ratings[at] = r.rating
      days[at] = Math.round(Date.parse(`${r.day}T00:00:00Z`) / MS_PER_DAY)
      at++
    }
    lengths[card++] = list.length
  }
  return { ratings, days, lengths }
}

/** Calls `visit` once per card with its ratings and the days since its previous review (0 for the first). */
export function forEachCard(seq: ReviewSequences, visit: (ratings: Uint8Array, deltas: Uint32Array) => void): void {
  let start = 0
  for (const length of seq.lengths) {
    const ratings = seq.ratings.subarray(start, start + length)
    const deltas = new Uint32Array(length)
    for (let i = 1; i < length; i++) deltas[i] = Math.max(0, seq.days[start + i]! - seq.days[start + i - 1]!)
    visit(ratings, deltas)
    start += length
  }
}

/**
 * fsrs-rs trains on items: a card's history up to and including one review
 * made a day or more after the one before, the last review being what is
 * predicted. Each such review gives one item (the card's prefix ending there).
 */
export function toTrainingItems(seq: ReviewSequences): { ratings: Uint32Array; deltas: Uint32Array; lengths: Uint32Array } {
  const ratings: number[] = []
  const deltas: number[] = []
  const lengths: number[] = []
  forEachCard(seq, (r, d) => {
    for (let end = 1; end < r.length; end++) {
      if (d[end] === 0) continue
      for (let i = 0; i <= end; i++) {
        ratings.push(r[i]!)
        deltas.push(d[i]!)
      }
      lengths.push(end + 1)
    }
  })
  return { ratings: Uint32Array.from(ratings), deltas: Uint32Array.from(deltas), lengths: Uint32Array.from(lengths) }
}
