// Why: the scheduler-tuning channels (desired retention, optimise, keep,
// revert) with their strict input schemas; merged into the one contract.
import * as z from 'zod'
import { inHundredths, RETENTION_MAX, RETENTION_MIN, type TuningState } from '../domain/tuning'
import { NoInput, route } from '../route'

export const RetentionInput = z
  .object({
    desiredRetention: z
      .number()
      .min(RETENTION_MIN, `desired retention is at least ${RETENTION_MIN}`)
      .max(RETENTION_MAX, `desired retention is at most ${RETENTION_MAX}`)
      .refine(inHundredths, 'desired retention is given in hundredths, like 0.90')
  })
  .strict()

export const tuningRoutes = {
  'tuning:get': route<TuningState>()(NoInput),
  'tuning:setRetention': route<TuningState>()(RetentionInput),
  'tuning:optimise': route<TuningState>()(NoInput),
  'tuning:keep': route<TuningState>()(NoInput),
  'tuning:revert': route<TuningState>()(NoInput)
}
