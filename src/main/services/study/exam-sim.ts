// Why: the exam plan simulates months of reviews over decks of 20,000 items
// on every dashboard visit, so the memory of each item is kept in typed
// arrays by item number, and the reviews due are kept in per-day buckets read
// front to back, instead of cards and maps. Each entry carries the item's
// review count, so an entry a later review has replaced is passed over.
import type { GoodStepper, Memory, Scheduler } from './scheduler'

const MS_PER_DAY = 86_400_000

export class ReviewSim {
  readonly #n: number
  readonly #horizon: number
  readonly #planner: Scheduler
  readonly #good: GoodStepper
  /** The last Good answer worked out: its stability, difficulty and elapsed days, and what it left (see review()). */
  readonly #stepIn = new Float64Array(3).fill(NaN)
  readonly #stepOut = new Float64Array(2)
  #stepInterval = 0
  /** A first answer Good leaves the same memory for every item: worked out once. */
  #first: (Memory & { interval: number }) | null = null
  readonly #stability: Float64Array
  readonly #difficulty: Float64Array
  readonly #lastMs: Float64Array
  readonly #due: Int32Array
  readonly #version: Int32Array
  /** Per plan day, the items due that day as `version * n + item`; the last day holds everything due later. */
  readonly #buckets: number[][]
  readonly #heads: Int32Array
  #oldest = 0

  constructor(items: number, horizon: number, planner: Scheduler) {
    this.#n = Math.max(1, items)
    this.#horizon = horizon
    this.#planner = planner
    this.#good = planner.goodStepper()
    this.#stability = new Float64Array(items)
    this.#difficulty = new Float64Array(items)
    this.#lastMs = new Float64Array(items)
    this.#due = new Int32Array(items).fill(-1)
    this.#version = new Int32Array(items)
    this.#buckets = Array.from({ length: horizon + 1 }, () => [])
    this.#heads = new Int32Array(horizon + 1)
  }

  /** Has the item a memory (reviewed before or during the plan)? */
  seen(item: number): boolean {
    return this.#due[item]! >= 0
  }

  /** An item already studied, due on plan day `dueDay`. */
  load(item: number, stability: number, difficulty: number, lastMs: number, dueDay: number): void {
    this.#stability[item] = stability
    this.#difficulty[item] = difficulty
    this.#lastMs[item] = lastMs
    this.#place(item, dueDay)
  }

  /** The item answered Good at `atMs` on plan day `day` (a first review if never seen). */
  review(item: number, day: number, atMs: number): void {
    let interval: number
    if (this.seen(item)) {
      // Items brought in on the same day share a memory and fall due together, so they come here one after another
      // with the same inputs: the answer is then the same, and the last one is reused rather than worked out again.
      const last = this.#stepIn
      const out = this.#stepOut
      const s = this.#stability[item]!
      const d = this.#difficulty[item]!
      const t = Math.max(0, (atMs - this.#lastMs[item]!) / MS_PER_DAY)
      if (s !== last[0] || d !== last[1] || t !== last[2]) {
        last[0] = s
        last[1] = d
        last[2] = t
        this.#stepInterval = this.#good(s, d, t, out)
      }
      interval = this.#stepInterval
      this.#stability[item] = out[0]!
      this.#difficulty[item] = out[1]!
    } else {
      const first = (this.#first ??= this.#planner.step(null, 0, 3))
      interval = first.interval
      this.#stability[item] = first.stability
      this.#difficulty[item] = first.difficulty
    }
    this.#lastMs[item] = atMs
    this.#version[item]!++
    this.#place(item, Math.min(this.#horizon, day + interval))
  }

  /** Predicted recall at `atMs`; null if never seen. */
  recallAt(item: number, atMs: number): number | null {
    return this.seen(item) ? this.#planner.recallAfter(this.#stability[item]!, (atMs - this.#lastMs[item]!) / MS_PER_DAY) : null
  }

  /**
   * The most overdue item due on or before `day` that `skip` does not pass
   * over, without taking it; -1 if none. Skipped and replaced entries are
   * dropped for good.
   */
  peekDue(day: number, skip: (item: number) => boolean): number {
    for (let j = this.#oldest; j <= day; j++) {
      const bucket = this.#buckets[j]!
      while (this.#heads[j]! < bucket.length) {
        const entry = bucket[this.#heads[j]!]!
        const item = entry % this.#n
        if ((entry - item) / this.#n === this.#version[item] && !skip(item)) return item
        this.#heads[j]!++
      }
      if (j === this.#oldest) this.#oldest++
    }
    return -1
  }

  /** Takes the item peekDue returned off its bucket. */
  take(item: number): void {
    this.#heads[this.#due[item]!]!++
  }

  #place(item: number, day: number): void {
    this.#due[item] = day
    this.#buckets[day]!.push(this.#version[item]! * this.#n + item)
  }
}
