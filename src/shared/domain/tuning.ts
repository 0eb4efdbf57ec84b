// Why: what the scheduler-tuning channels return and the limits they keep, in
// one zod-free place, so the settings panel offers exactly what main accepts.

/** Desired retention the scheduler accepts: below 0.80 forgets too much, above 0.97 the workload explodes. */
export const RETENTION_MIN = 0.8
export const RETENTION_MAX = 0.97
export const RETENTION_DEFAULT = 0.9
/** Fewer reviews than this give the optimiser too little to fit 21 parameters to. */
export const OPTIMISE_MIN_REVIEWS = 400
/** Retentions the workload table always compares (the student's own setting is added). */
export const WORKLOAD_RETENTIONS = [0.8, 0.85, 0.9, 0.93, 0.95, 0.97] as const
/** Days the workload estimate looks ahead. */
export const WORKLOAD_DAYS = 30

/** Retention is set in hundredths (0.87, not 0.875), as the slider offers and the workload table shows. */
export function inHundredths(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value * 100 - Math.round(value * 100)) < 1e-9
}

/** How well a set of parameters predicted the student's own answers (lower is better). */
export interface PredictionError {
  /** Mean binary cross-entropy of predicted recall against recalled/forgot. */
  logLoss: number
  /** Calibration RMSE over 20 bins of predicted recall, weighted by reviews per bin. */
  rmseBins: number
  /** Reviews the error was measured on (those made a day or more after the one before). */
  reviews: number
}

/** The last optimisation, kept until the student keeps or reverts it. */
export interface OptimiseOutcome {
  at: string
  /** Reviews in the log the fit used. */
  reviews: number
  before: PredictionError
  after: PredictionError
  /** pending: the fitted parameters are in use and the previous ones can still be restored. */
  status: 'pending' | 'kept' | 'reverted'
}

export interface WorkloadPoint {
  retention: number
  /** Estimated reviews a day over the next WORKLOAD_DAYS days for the cards the student has now. */
  reviewsPerDay: number
}

export interface TuningState {
  desiredRetention: number
  /** The FSRS parameters in use; null means ts-fsrs's defaults. */
  parameters: number[] | null
  /** Reviews in the log, every pack. */
  reviews: number
  minReviews: number
  canOptimise: boolean
  /** Cards with a schedule (studied at least once), every pack. */
  cards: number
  workload: WorkloadPoint[]
  lastOptimise: OptimiseOutcome | null
}
