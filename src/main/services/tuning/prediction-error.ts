// Why: "before and after" must be measured the same way on the same history,
// so one function replays every card under a parameter set and scores the
// recall it predicted against what the student answered.
import { fsrs, type FSRSState } from 'ts-fsrs'
import type { PredictionError } from '../../../shared/domain/tuning'
import { forEachCard, type ReviewSequences } from './review-sequences'

const BINS = 20
const EPS = 1e-6

/**
 * Only reviews made a day or more after the one before are scored: same-day
 * repeats test the short-term steps, not the forgetting curve being fitted.
 * An Again is a forget; Hard, Good and Easy are recalls.
 */
export function predictionError(seq: ReviewSequences, parameters: readonly number[] | null): PredictionError {
  const f = fsrs(parameters ? { w: [...parameters], enable_short_term: true } : { enable_short_term: true })
  const binN = new Float64Array(BINS)
  const binP = new Float64Array(BINS)
  const binY = new Float64Array(BINS)
  let loss = 0
  let n = 0
  forEachCard(seq, (ratings, deltas) => {
    let state: FSRSState | null = null
    for (let i = 0; i < ratings.length; i++) {
      const t = deltas[i]!
      const g = ratings[i]!
      if (state && t > 0) {
        const p = Math.min(1 - EPS, Math.max(EPS, f.forgetting_curve(t, state.stability)))
        const y = g > 1 ? 1 : 0
        loss -= y * Math.log(p) + (1 - y) * Math.log(1 - p)
        const bin = Math.min(BINS - 1, Math.floor(p * BINS))
        binN[bin]! += 1
        binP[bin]! += p
        binY[bin]! += y
        n++
      }
      state = f.next_state(state, t, g)
    }
  })
  let sq = 0
  for (let b = 0; b < BINS; b++) {
    const count = binN[b]!
    if (count > 0) sq += count * (binP[b]! / count - binY[b]! / count) ** 2
  }
  return { logLoss: n ? loss / n : 0, rmseBins: n ? Math.sqrt(sq / n) : 0, reviews: n }
}
