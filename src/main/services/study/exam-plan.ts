// Why: "what do I do each day until the exam", as a pure function over the
// deck and the cards, for items that peak on different days (Prelims, Mains;
// see exam-targets.ts). Each day, in this order, within the cap
// (minutesPerDay at SECONDS_PER_REVIEW an item):
//   1. the final sweep: in the last days before an item's exam every item of
//      that exam is reviewed once. It takes SWEEP_DAYS, or more when the cap
//      cannot hold it in those, so it is spread evenly and never piles onto
//      the eve. Strongest first, weakest on the eve; items never met come
//      first. What the days cannot hold is left out, the strongest first
//      (`unswept`), and never pushed onto the exam day;
//   2. new items, brought in evenly over the days before their sweep; none on
//      an exam day or the day before it;
//   3. the reviews the scheduler expects, most overdue first (simulated as
//      answered Good without same-day steps); what is over the cap moves on.
// The plan ends on the eve of the next exam; items peaking later are still
// brought in and reviewed on the way, at the pace their own exam needs.
import type { ExamDayPlan } from '../../../shared/domain/exam'
import { addDays, daysBetween, type Calendar } from './days'
import { readDeckCards, type DeckCards } from './exam-cards'
import { examMoment } from './exam-forecast'
import type { DeckItem } from './items'
import { ReviewSim } from './exam-sim'
import { byKeyDescending } from './rank-by-key'
import type { Scheduler, StoredCard } from './scheduler'

export const SECONDS_PER_REVIEW = 20
export const SWEEP_DAYS = 3
const MIDDAY_MS = 12 * 3_600_000

export interface PlanInput {
  deck: readonly DeckItem[]
  cards: ReadonlyMap<string, StoredCard>
  now: Date
  today: string
  calendar: Calendar
  /** The next exam: the plan covers today up to its eve. */
  until: string
  /** The day an item peaks at (null: it peaks at no exam still to come, and is left out). */
  peakOf: (item: DeckItem) => string | null
  /** Exam days and their eves. */
  noNewDays: ReadonlySet<string>
  minutesPerDay: number
  /** A scheduler without short-term steps. */
  planner: Scheduler
  /** The deck's cards already read (see exam-cards.ts); read here if not given. */
  read?: DeckCards
}

export interface PlannedDay extends ExamDayPlan {
  ids: { fresh: string[]; reviews: string[]; sweep: string[] }
}

export interface PlanResult {
  days: PlannedDay[]
  capPerDay: number
  feasible: boolean
  unswept: number
  minutesNeeded: number
}

interface Group {
  peakIdx: number
  sweepStart: number
  /** Item numbers, in deck order. */
  items: number[]
  unseen: number[]
  sweepQueue: number[] | null
  sweeping: boolean
  unswept: number
  /** Unseen at the start, days that may bring them in, and brought in so far: their intake runs at an even pace. */
  intake: { total: number; span: number; done: number }
}

export const minutesOf = (items: number): number => Math.ceil((items * SECONDS_PER_REVIEW) / 60)

export function planExam(input: PlanInput): PlanResult {
  const { calendar, planner, today } = input
  const cap = Math.floor((input.minutesPerDay * 60) / SECONDS_PER_REVIEW)
  const horizon = Math.max(0, daysBetween(today, input.until))
  // starts[i]: when plan day i begins; a due instant falls on the last day starting at or before it.
  const starts = Array.from({ length: horizon + 1 }, (_, i) => calendar.startOf(addDays(today, i)).getTime())
  const dayIdxOf = (ms: number): number => {
    let lo = 0
    let hi = horizon
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= ms) lo = mid
      else hi = mid - 1
    }
    return lo
  }
  const noNew = new Set([...input.noNewDays].map((d) => daysBetween(today, d)))
  const intakeDays = (from: number, to: number): number => {
    let n = to - from
    for (const d of noNew) if (d >= from && d < to) n--
    return Math.max(0, n)
  }

  const { studied, lastMs, dueMs } = input.read ?? readDeckCards(input.deck, input.cards)
  const ids: string[] = []
  const groupOf: Group[] = []
  const groups = new Map<string, Group>()
  /** Item number to deck index. */
  const at: number[] = []
  input.deck.forEach((item, i) => {
    const peak = input.peakOf(item)
    if (peak === null) return
    let g = groups.get(peak)
    if (!g) {
      const blank = { sweepStart: 0, items: [], unseen: [], sweepQueue: null, sweeping: false, unswept: 0, intake: { total: 0, span: 0, done: 0 } }
      groups.set(peak, (g = { ...blank, peakIdx: daysBetween(today, peak) }))
    }
    const n = ids.length
    ids.push(item.itemId)
    at.push(i)
    g.items.push(n)
    groupOf.push(g)
    if (!studied[i]) g.unseen.push(n)
  })
  const sim = new ReviewSim(ids.length, horizon, planner)
  at.forEach((i, n) => {
    const card = studied[i]
    if (!card) return
    // A card with no last review counts from its due instant.
    const last = Number.isNaN(lastMs[i]!) ? dueMs[i]! : lastMs[i]!
    sim.load(n, card.stability, card.difficulty, last, dayIdxOf(dueMs[i]!))
  })
  for (const g of groups.values()) {
    g.sweepStart = g.peakIdx - Math.min(Math.max(0, g.peakIdx), Math.max(SWEEP_DAYS, Math.ceil(g.items.length / cap)))
    g.intake = { total: g.unseen.length, span: intakeDays(0, g.sweepStart), done: 0 }
  }
  const next = groups.get(input.until)
  const firstUnseen = next?.unseen.length ?? 0
  // Items their sweep covers are not reviewed on the side.
  const skip = (n: number): boolean => groupOf[n]!.sweeping

  const days: PlannedDay[] = []
  for (let i = 0; i < horizon; i++) {
    const atMs = i === 0 ? input.now.getTime() : (starts[i] as number) + MIDDAY_MS
    const blocked = noNew.has(i)
    let left = cap
    let over = false
    const fresh: number[] = []
    const swept: number[] = []
    const reviews: number[] = []

    for (const g of groups.values()) {
      g.sweeping = i >= g.sweepStart && i < g.peakIdx
      if (!g.sweeping) continue
      if (!g.sweepQueue) {
        g.sweepQueue = sweepOrder(g, sim, examMoment(addDays(today, g.peakIdx), calendar).getTime())
        const room = cap * (g.peakIdx - i)
        if (g.sweepQueue.length > room) {
          // Out go the strongest seen items (right after the never-met ones); any still over go at the window's end.
          const firstSeen = g.sweepQueue.findIndex((n) => sim.seen(n))
          g.unswept += g.sweepQueue.splice(firstSeen < 0 ? room : Math.min(firstSeen, room), g.sweepQueue.length - room).length
        }
      }
      const share = Math.ceil(g.sweepQueue.length / (g.peakIdx - i))
      over ||= share > left
      for (const n of g.sweepQueue.splice(0, Math.min(share, left))) {
        if (!sim.seen(n)) {
          if (blocked) {
            g.unswept++
            continue
          }
          g.unseen.splice(g.unseen.indexOf(n), 1)
          fresh.push(n)
        } else swept.push(n)
        // Not simulated further: a group's sweep runs on to its exam, which is on or after the plan's last day.
        left--
      }
      if (i === g.peakIdx - 1) {
        g.unswept += g.sweepQueue.length
        g.sweepQueue = []
      }
    }

    if (!blocked) {
      for (const g of groups.values()) {
        if (i >= g.sweepStart || g.unseen.length === 0) continue
        // Even pace: by the k-th day that may bring items in, k/span of them are in.
        const wanted = Math.ceil((g.intake.total * intakeDays(0, i + 1)) / Math.max(1, g.intake.span)) - g.intake.done
        over ||= wanted > left
        for (const n of g.unseen.splice(0, Math.max(0, Math.min(wanted, left)))) {
          g.intake.done++
          fresh.push(n)
          left--
          sim.review(n, i, atMs)
        }
      }
    }

    // Most overdue first; what is over the cap stays due for the next day.
    for (let n = sim.peekDue(i, skip); n >= 0 && left > 0; n = sim.peekDue(i, skip)) {
      sim.take(n)
      reviews.push(n)
      left--
      sim.review(n, i, atMs)
    }
    over ||= sim.peekDue(i, skip) >= 0

    const toIds = (ns: number[]): string[] => ns.map((n) => ids[n]!)
    days.push({
      date: addDays(today, i),
      newItems: fresh.length,
      reviews: reviews.length,
      sweep: swept.length,
      minutes: minutesOf(fresh.length + reviews.length + swept.length),
      overCap: over,
      ids: { fresh: toIds(fresh), reviews: toIds(reviews), sweep: toIds(swept) }
    })
  }

  const unswept = next ? (horizon === 0 ? next.items.length : next.unswept) : 0
  return {
    days,
    capPerDay: cap,
    feasible: !next || (unswept === 0 && next.unseen.length === 0),
    unswept,
    minutesNeeded: next ? minutesOf(itemsNeeded(next.items.length, firstUnseen, horizon, intakeDays)) : 0
  }
}

/** Never met first, then strongest to weakest at the exam; equals in deck order. */
function sweepOrder(g: Group, sim: ReviewSim, examMs: number): number[] {
  const strength = new Float64Array(g.items.length)
  g.items.forEach((n, k) => (strength[k] = sim.recallAt(n, examMs) ?? 2))
  return byKeyDescending(g.items, strength)
}

/** Least items a day that sweep `items` and meet the `unseen` ones first, before the sweep or early in it (reviews aside). */
function itemsNeeded(items: number, unseen: number, days: number, intakeDays: (from: number, to: number) => number): number {
  if (days === 0 || items === 0) return 0
  for (let n = 1; n < items; n++) {
    const sweepDays = Math.min(days, Math.max(SWEEP_DAYS, Math.ceil(items / n)))
    const start = days - sweepDays
    const lateUnseen = Math.max(0, unseen - intakeDays(0, start) * n)
    if (sweepDays * n >= items && lateUnseen <= intakeDays(start, days) * n) return n
  }
  return items
}
