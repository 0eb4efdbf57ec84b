// Why: the Prelims paper's channels with their strict input schemas, merged
// into the one contract, so main refuses a malformed payload with a clear
// message before any service sees it.
import * as z from 'zod'
import { MAX_OPTIONS } from '../domain/pack-limits'
import {
  PRELIMS_MINUTES,
  PRELIMS_QUESTIONS,
  type PrelimsAvailability,
  type PrelimsPaper,
  type PrelimsResult,
  type PrelimsResultSummary
} from '../domain/prelims'
import { NoInput, route } from '../route'

export const PaperId = z.string().regex(/^paper-[a-z0-9-]{1,60}$/, 'not a paper id')

export const PrelimsStartInput = z
  .object({
    /** Needed when fewer than 100 questions are available: the student agreed to a shorter paper. */
    allowShort: z.boolean().optional()
  })
  .strict()

const MAX_MS = (PRELIMS_MINUTES + 60) * 60_000

/** Everything on the answer sheet, by position, sent whole each time so the latest save is the whole truth. */
export const PrelimsSaveInput = z
  .object({
    paperId: PaperId,
    answers: z
      .array(
        z
          .number()
          .int()
          .min(0)
          .max(MAX_OPTIONS - 1)
          .nullable()
      )
      .max(PRELIMS_QUESTIONS),
    review: z.array(z.boolean()).max(PRELIMS_QUESTIONS),
    timeMs: z.array(z.number().int().min(0).max(MAX_MS)).max(PRELIMS_QUESTIONS)
  })
  .strict()
  .refine((s) => s.answers.length === s.review.length && s.answers.length === s.timeMs.length, {
    message: 'answers, review and timeMs must each have one entry per question',
    path: ['answers']
  })

export const PrelimsPaperRef = z.object({ paperId: PaperId }).strict()

export const prelimsRoutes = {
  'prelims:availability': route<PrelimsAvailability>()(NoInput),
  'prelims:start': route<PrelimsPaper>()(PrelimsStartInput),
  'prelims:active': route<PrelimsPaper | null>()(NoInput),
  'prelims:save': route<PrelimsPaper>()(PrelimsSaveInput),
  'prelims:submit': route<PrelimsResult>()(PrelimsSaveInput),
  'prelims:history': route<PrelimsResultSummary[]>()(NoInput),
  'prelims:result': route<PrelimsResult>()(PrelimsPaperRef)
}
