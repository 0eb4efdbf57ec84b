// Why: desired retention and the fitted FSRS parameters are part of how the
// student's reviews are scheduled, so they live in their own store file
// (tuning.json) with the same recovery and durable writes as every other,
// and a theme change never rewrites them.
import * as z from 'zod'
import { RETENTION_DEFAULT, RETENTION_MAX, RETENTION_MIN, type OptimiseOutcome } from '../../../shared/domain/tuning'
import { openJsonStore, type JsonStore, type StoreFileOptions } from '../store/json-store'
import { FSRS_PARAMETER_COUNT } from './optimiser-protocol'

export const TUNING_STORE = { name: 'tuning', version: 1 } as const

const Parameters = z.array(z.number().finite()).length(FSRS_PARAMETER_COUNT)
const ErrorSchema = z.object({ logLoss: z.number().finite(), rmseBins: z.number().finite(), reviews: z.number().int().min(0) }).strict()

export const TuningSchema = z
  .object({
    desiredRetention: z.number().min(RETENTION_MIN).max(RETENTION_MAX),
    /** null: ts-fsrs's default parameters. */
    parameters: Parameters.nullable(),
    /** The parameters an optimisation replaced, kept exactly until the student keeps or reverts it. */
    previous: z.object({ parameters: Parameters.nullable() }).strict().nullable(),
    lastOptimise: z
      .object({
        at: z.iso.datetime(),
        reviews: z.number().int().min(0),
        before: ErrorSchema,
        after: ErrorSchema,
        status: z.enum(['pending', 'kept', 'reverted'])
      })
      .strict()
      .nullable()
  })
  .strict()
export type TuningData = z.infer<typeof TuningSchema>
export type { OptimiseOutcome }

export const defaultTuning = (): TuningData => ({ desiredRetention: RETENTION_DEFAULT, parameters: null, previous: null, lastOptimise: null })

export function openTuningStore(opts: { dir: string; clock?: () => Date; store?: Omit<StoreFileOptions, 'dir' | 'clock'> }): Promise<JsonStore<TuningData>> {
  return openJsonStore<TuningData>({
    dir: opts.dir,
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...opts.store,
    name: TUNING_STORE.name,
    version: TUNING_STORE.version,
    schema: TuningSchema,
    defaults: defaultTuning
  })
}
