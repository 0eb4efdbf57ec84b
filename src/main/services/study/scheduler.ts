// Why: the only file that talks to ts-fsrs. Cards and review logs are stored
// as plain JSON (ISO dates, numeric state), so the store never sees a Date and
// a ts-fsrs upgrade touches one file.
import * as z from 'zod'
import { clamp, computeDecayFactor, createEmptyCard, fsrs, S_MAX, S_MIN, State, type Card, type FSRS, type Grade, type ReviewLog } from 'ts-fsrs'
import type { CardStateName, CardSummary, StudyRating } from '../../../shared/domain/study'

const MS_PER_DAY = 86_400_000
/** ts-fsrs's roundTo(x, 8) (Math.round(x * 10 ** 8) / 10 ** 8; 10 ** 8 is exact), without working out the power on every call. */
const round8 = (x: number): number => Math.round(x * 1e8) / 1e8
const IsoTime = z.iso.datetime()
const Count = z.number().int().min(0)
const Num = z.number().finite()
const StateNum = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)])

export const StoredCardSchema = z
  .object({
    due: IsoTime,
    stability: Num,
    difficulty: Num,
    elapsed_days: Num,
    scheduled_days: Num,
    learning_steps: Count,
    reps: Count,
    lapses: Count,
    state: StateNum,
    last_review: IsoTime.optional()
  })
  .strict()
export type StoredCard = z.infer<typeof StoredCardSchema>

export const StoredLogSchema = z
  .object({
    rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    state: StateNum,
    due: IsoTime,
    stability: Num,
    difficulty: Num,
    elapsed_days: Num,
    last_elapsed_days: Num,
    scheduled_days: Num,
    learning_steps: Count,
    review: IsoTime
  })
  .strict()
export type StoredLog = z.infer<typeof StoredLogSchema>

export function toStoredCard(card: Card): StoredCard {
  const out: StoredCard = {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as StoredCard['state']
  }
  if (card.last_review) out.last_review = card.last_review.toISOString()
  return out
}

export function fromStoredCard(s: StoredCard): Card {
  return {
    due: new Date(s.due),
    stability: s.stability,
    difficulty: s.difficulty,
    elapsed_days: s.elapsed_days,
    scheduled_days: s.scheduled_days,
    learning_steps: s.learning_steps,
    reps: s.reps,
    lapses: s.lapses,
    state: s.state as State,
    last_review: s.last_review ? new Date(s.last_review) : undefined
  }
}

export function toStoredLog(log: ReviewLog): StoredLog {
  return {
    rating: log.rating as StoredLog['rating'],
    state: log.state as StoredLog['state'],
    due: log.due.toISOString(),
    stability: log.stability,
    difficulty: log.difficulty,
    elapsed_days: log.elapsed_days,
    last_elapsed_days: log.last_elapsed_days,
    scheduled_days: log.scheduled_days,
    learning_steps: log.learning_steps,
    review: log.review.toISOString()
  }
}

const STATE_NAMES: Record<number, CardStateName> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning'
}
export function stateName(card: StoredCard | undefined): CardStateName {
  return card ? (STATE_NAMES[card.state] ?? 'new') : 'new'
}

export interface Scheduler {
  /** The card after answering `grade` at `at` (a never-seen item starts as an empty card). */
  review(card: StoredCard | undefined, at: Date, grade: StudyRating): { card: StoredCard; log: StoredLog }
  /**
   * The card before `log`'s review, by ts-fsrs rollback. ts-fsrs puts the
   * review time in `due` for a card that was not new, so the real previous due
   * (kept next to the log) is put back to make the restore exact.
   */
  rollback(card: StoredCard, log: StoredLog, prevDue: string): StoredCard
  /** Predicted recall (0..1) at `at` from the forgetting curve; null for a card never reviewed. */
  recall(card: StoredCard | undefined, at: Date): number | null
  /**
   * The memory a review leaves, answered `grade` `elapsedDays` after the last
   * one (null: the first review), and the whole days until the next: the exam
   * planner simulates months of reviews over a big deck, so no Dates or cards.
   */
  step(memory: Memory | null, elapsedDays: number, grade: StudyRating): Memory & { interval: number }
  /**
   * step(memory, elapsedDays, 3) for a card already studied, with the
   * parameters of the moment read once: it writes [stability, difficulty]
   * into `out` and returns the interval, so the planner's ~50,000 simulated
   * answers allocate nothing.
   */
  goodStepper(): GoodStepper
  /** Predicted recall `elapsedDays` after a review that left `stability`. */
  recallAfter(stability: number, elapsedDays: number): number
}

export interface Memory {
  stability: number
  difficulty: number
}

export type GoodStepper = (stability: number, difficulty: number, elapsedDays: number, out: Float64Array) => number

/** The student's desired retention and fitted parameters (null: ts-fsrs's defaults); see tuning/tuning-service.ts. */
export interface FsrsTuning {
  desiredRetention: number
  parameters: readonly number[] | null
}

export function createScheduler(opts: { shortTerm?: boolean; tuning?: () => FsrsTuning } = {}): Scheduler {
  // Fuzz off (ts-fsrs's default): the same answers give the same schedule, which tests rely on.
  const shortTerm = opts.shortTerm ?? true
  const build = (t: FsrsTuning | undefined) => {
    const f = fsrs({
      enable_fuzz: false,
      enable_short_term: shortTerm,
      ...(t ? { request_retention: t.desiredRetention } : {}),
      ...(t?.parameters ? { w: [...t.parameters] } : {})
    })
    // The planner's fast paths read the parameters once, so they are rebuilt with them.
    return { f, good: goodStep(f), curve: forgettingCurve(f) }
  }
  // Rebuilt only when the tuning service hands out a new object (a saved change).
  let tuned = opts.tuning?.()
  let built = build(tuned)
  const now = () => {
    const t = opts.tuning?.()
    if (t !== tuned) {
      tuned = t
      built = build(t)
    }
    return built
  }
  const current = () => now().f
  const scratch = new Float64Array(2)
  return {
    review(card, at, grade) {
      const start = card ? fromStoredCard(card) : createEmptyCard(at)
      const item = current().next(start, at, grade as Grade)
      return { card: toStoredCard(item.card), log: toStoredLog(item.log) }
    },
    rollback(card, log, prevDue) {
      const prev = current().rollback(fromStoredCard(card), { ...log, due: new Date(log.due), review: new Date(log.review) })
      return toStoredCard({ ...prev, due: new Date(prevDue) })
    },
    recall(card, at) {
      if (!card || card.state === State.New || !card.last_review) return null
      const elapsed = Math.max(0, (at.getTime() - Date.parse(card.last_review)) / MS_PER_DAY)
      return now().curve(elapsed, card.stability)
    },
    step(memory, elapsedDays, grade) {
      const { f, good } = now()
      if (grade === 3 && memory && (elapsedDays > 0 || !shortTerm)) {
        const interval = good(memory.stability, memory.difficulty, elapsedDays, scratch)
        return { stability: scratch[0]!, difficulty: scratch[1]!, interval }
      }
      const next = f.next_state(memory, elapsedDays, grade)
      return { stability: next.stability, difficulty: next.difficulty, interval: f.next_interval(next.stability, elapsedDays) }
    },
    goodStepper() {
      const { f, good } = now()
      if (!shortTerm) return good
      // With short-term steps, a same-day answer goes through ts-fsrs's short-term formula.
      return (s, d, t, out) => {
        if (t > 0) return good(s, d, t, out)
        const next = f.next_state({ stability: s, difficulty: d }, t, 3)
        out[0] = next.stability
        out[1] = next.difficulty
        return f.next_interval(next.stability, t)
      }
    },
    recallAfter(stability, elapsedDays) {
      return now().curve(Math.max(0, elapsedDays), stability)
    }
  }
}

export function summarise(itemId: string, card: StoredCard | undefined, recall: number | null): CardSummary {
  return {
    itemId,
    state: stateName(card),
    due: card && card.state !== State.New ? card.due : null,
    stability: card?.stability ?? 0,
    difficulty: card?.difficulty ?? 0,
    reps: card?.reps ?? 0,
    lapses: card?.lapses ?? 0,
    lastReview: card?.last_review ?? null,
    retrievability: recall
  }
}

/**
 * A Good answer to a card already studied, by ts-fsrs's own formulas
 * (next_state, next_interval; fuzz off) with the parameters read once: the
 * exam planner simulates ~50,000 of these per plan, and ts-fsrs reads every
 * parameter through a Proxy. scheduler-step.test.ts holds it equal to ts-fsrs.
 */
function goodStep(f: FSRS): GoodStepper {
  const p = f.parameters
  const w = Array.from(p.w)
  const curve = forgettingCurve(f)
  const modifier = f.interval_modifier
  const maxInterval = p.maximum_interval
  const growth = Math.exp(w[8]!)
  const easyStart = round8(w[4]! - Math.exp(3 * w[5]!) + 1)
  return (s, d, t, out) => {
    if (d < 1 || s < S_MIN || t < 0) {
      const next = f.next_state({ stability: s, difficulty: d }, t, 3)
      out[0] = next.stability
      out[1] = next.difficulty
      return f.next_interval(next.stability, t)
    }
    const r = curve(t, s)
    const stability = round8(clamp(s * (1 + growth * (11 - d) * Math.pow(s, -w[9]!) * (Math.exp((1 - r) * w[10]!) - 1)), S_MIN, S_MAX))
    out[0] = stability
    out[1] = clamp(round8(w[7]! * easyStart + (1 - w[7]!) * d), 1, 10)
    return Math.round(Math.min(Math.max(1, Math.round(stability * modifier)), maxInterval))
  }
}

/** ts-fsrs's forgetting_curve with its decay worked out once, not on every call (recall is asked for every item of a deck). */
function forgettingCurve(f: FSRS): (elapsedDays: number, stability: number) => number {
  const { decay, factor } = computeDecayFactor(Array.from(f.parameters.w))
  return (t, s) => round8(Math.pow(1 + (factor * t) / s, decay))
}
