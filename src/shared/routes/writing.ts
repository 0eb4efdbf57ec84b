// Why: the Mains answer-writing channels with their strict input schemas;
// merged into the one contract. Main parses every input against these, so a
// hostile page can neither save an answer past its limits nor score an
// attempt that is not there.
import * as z from 'zod'
import {
  ANSWER_TEXT_MAX,
  PAPER_MINUTES,
  PAPER_QUESTIONS,
  PROMPT_MAX,
  RUBRIC_KEYS,
  type MainsPrompt,
  type WritingAttempt,
  type WritingDraft,
  type WritingOverview
} from '../domain/writing'
import { ID_PATTERN } from '../domain/ids'
import { Id } from '../pack/schema'
import { NoInput, route } from '../route'

export const AttemptId = z.string().regex(/^wa-[a-z0-9-]{1,60}$/, 'not an attempt id')
export const PaperId = z.string().regex(/^wp-[a-z0-9-]{1,60}$/, 'not a paper id')
export const PromptKey = z
  .string()
  .max(200)
  .regex(new RegExp(`^(?:own:[0-9a-f]{8}|${ID_PATTERN}/${ID_PATTERN})$`), 'prompt keys are <pack>/<question> or own:<8 hex digits>')
export const Marks = z.union([z.literal(10), z.literal(15)])
export const RubricLevelInput = z.union([z.literal(0), z.literal(1), z.literal(2)])
export const RubricInput = z
  .object(Object.fromEntries(RUBRIC_KEYS.map((k) => [k, RubricLevelInput])) as Record<(typeof RUBRIC_KEYS)[number], typeof RubricLevelInput>)
  .strict()

/** Which prompt was answered: a pack's mains question, or one the student typed. */
export const PromptSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pack'), packId: Id, questionId: Id }).strict(),
  z
    .object({
      kind: z.literal('own'),
      prompt: z.string().trim().min(10, 'write the whole question (at least 10 characters)').max(PROMPT_MAX),
      marks: Marks
    })
    .strict()
])

export const SubmitAttemptInput = z
  .object({
    source: PromptSource,
    /** Written on paper: the text must be empty, only the time and the score are kept. */
    onPaper: z.boolean(),
    text: z.string().max(ANSWER_TEXT_MAX, `an answer is at most ${ANSWER_TEXT_MAX} characters`),
    startedAt: z.iso.datetime(),
    paperId: PaperId.optional()
  })
  .strict()
  .refine((a) => !a.onPaper || a.text === '', { message: 'an answer written on paper keeps no text', path: ['text'] })

export const ScoreAttemptInput = z
  .object({
    attemptId: AttemptId,
    /** Indices of the key points the answer covered. */
    covered: z
      .array(z.number().int().min(0).max(19))
      .max(20)
      .refine((c) => new Set(c).size === c.length, 'each key point is ticked once'),
    rubric: RubricInput
  })
  .strict()

export const PaperDraftInput = z
  .object({
    id: PaperId,
    promptKeys: z
      .array(PromptKey.refine((k) => !k.startsWith('own:'), 'a paper is made of pack prompts'))
      .min(1)
      .max(PAPER_QUESTIONS),
    index: z.number().int().min(0).max(PAPER_QUESTIONS),
    startedAt: z.iso.datetime(),
    seconds: z
      .number()
      .int()
      .min(1)
      .max(PAPER_MINUTES * 60)
  })
  .strict()

export const DraftInput = z
  .object({
    source: PromptSource,
    onPaper: z.boolean(),
    text: z.string().max(ANSWER_TEXT_MAX, `an answer is at most ${ANSWER_TEXT_MAX} characters`),
    startedAt: z.iso.datetime(),
    paper: PaperDraftInput.optional()
  })
  .strict()
  .refine((d) => !d.onPaper || d.text === '', { message: 'an answer written on paper keeps no text', path: ['text'] })

/** The answer being written, or null once it is submitted or thrown away. */
export const SaveDraftInput = z.object({ draft: DraftInput.nullable() }).strict()

export const ExportAttemptsInput = z.object({ promptKey: PromptKey.optional() }).strict().optional()

export interface AttemptsExport {
  fileName: string
  content: string
  count: number
}

export const writingRoutes = {
  'writing:prompts': route<MainsPrompt[]>()(NoInput),
  'writing:overview': route<WritingOverview>()(NoInput),
  'writing:submit': route<WritingAttempt>()(SubmitAttemptInput),
  'writing:score': route<WritingAttempt>()(ScoreAttemptInput),
  'writing:export': route<AttemptsExport>()(ExportAttemptsInput),
  'writing:draft': route<WritingDraft | null>()(NoInput),
  'writing:saveDraft': route<{ saved: boolean }>()(SaveDraftInput)
}
