// Why: the one definition of what crosses between the main thread and the
// optimiser worker, so both sides agree and main can check what comes back.
import * as z from 'zod'
import type { ReviewSequences } from './review-sequences'

/**
 * Marks the worker's data as a job. The worker module also gets imported on
 * threads that are not its own (vitest runs tests on worker threads and loads
 * it through the `?modulePath` import), where it must do nothing.
 */
export const JOB_TAG = 'revision-desk/fsrs-optimise'

export interface OptimiseJob {
  sequences: ReviewSequences
  /** The parameters in use now (null: ts-fsrs's defaults), scored as "before". */
  current: number[] | null
  enableShortTerm: boolean
}

const Finite = z.number().finite()
const ErrorSchema = z.object({ logLoss: Finite.min(0), rmseBins: Finite.min(0), reviews: z.number().int().min(0) }).strict()

/** FSRS-6 has 21 parameters; anything else is not a set the scheduler can use. */
export const FSRS_PARAMETER_COUNT = 21

export const OptimiseReplySchema = z.discriminatedUnion('ok', [
  z
    .object({
      ok: z.literal(true),
      parameters: z.array(Finite).length(FSRS_PARAMETER_COUNT),
      before: ErrorSchema,
      after: ErrorSchema
    })
    .strict(),
  z.object({ ok: z.literal(false), error: z.string() }).strict()
])
export type OptimiseReply = z.infer<typeof OptimiseReplySchema>
export type OptimiseResult = Extract<OptimiseReply, { ok: true }>
