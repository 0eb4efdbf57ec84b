// Why: every figure the bench reports is a p50 with its p95 beside it, taken
// the same way everywhere, so no result hides its slow tail.
export interface Spread {
  p50: number
  p95: number
  runs: number
}

/** Nearest-rank percentile (q in 0..1) of the samples. */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new Error('no samples to take a percentile of')
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
}

export const round = (n: number): number => Math.round(n * 100) / 100

export function spread(samples: readonly number[]): Spread {
  return { p50: round(percentile(samples, 0.5)), p95: round(percentile(samples, 0.95)), runs: samples.length }
}
