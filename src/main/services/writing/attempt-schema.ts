// Why: the shapes of the answer-writing files, shared by the attempt store,
// its checkpoint and the backup format, so they sit apart from all three.
//   writing.json          every attempt as of the last checkpoint
//   writing-journal.json  each attempt saved or scored since (whole, so folding it again changes nothing)
//   writing-draft.json    the answer being written now, rewritten as it is typed (small: one answer)
import * as z from 'zod'
import { ANSWER_TEXT_MAX, PROMPT_MAX } from '../../../shared/domain/writing'
import { Id } from '../../../shared/pack/schema'
import { AttemptId, DraftInput, Marks, PaperId, PromptKey, RubricInput } from '../../../shared/routes/writing'
import { StoredCardSchema } from '../study/scheduler'

export const WRITING_STORE = { name: 'writing', journal: 'writing-journal', draft: 'writing-draft', version: 1 } as const

const IsoTime = z.iso.datetime()
const Seq = z.number().int().min(0)
const Seconds = z
  .number()
  .int()
  .min(0)
  .max(7 * 86_400)

export const StoredAttemptSchema = z
  .object({
    id: AttemptId,
    promptKey: PromptKey,
    packId: Id.nullable(),
    questionId: Id.nullable(),
    prompt: z.string().min(1).max(PROMPT_MAX),
    marks: Marks,
    wordLimit: z.number().int().min(1).max(5000),
    onPaper: z.boolean(),
    text: z.string().max(ANSWER_TEXT_MAX),
    words: z.number().int().min(0),
    startedAt: IsoTime,
    submittedAt: IsoTime,
    secondsTaken: Seconds,
    secondsAllowed: Seconds,
    paperId: PaperId.optional(),
    keyPoints: z.array(z.string().max(PROMPT_MAX)).max(20),
    covered: z.array(z.number().int().min(0).max(19)).max(20).nullable(),
    rubric: RubricInput.nullable(),
    score: z.number().int().min(0).max(100).nullable(),
    scoredAt: IsoTime.nullable(),
    rewriteDue: IsoTime.nullable(),
    /** The prompt's FSRS rewrite card after this scoring. */
    card: StoredCardSchema.nullable(),
    /** The card this scoring started from (the prompt's card before it), so a re-score starts from the same place. */
    prevCard: StoredCardSchema.nullable()
  })
  .strict()
export type StoredAttempt = z.infer<typeof StoredAttemptSchema>

export const WritingSnapshotSchema = z
  .object({
    /** Journal entries with seq up to this are already folded in below. */
    appliedThrough: Seq,
    attempts: z.record(AttemptId, StoredAttemptSchema)
  })
  .strict()
export type WritingSnapshot = z.infer<typeof WritingSnapshotSchema>

const JournalEntrySchema = z.object({ seq: Seq, attempt: StoredAttemptSchema }).strict()
export type WritingJournalEntry = z.infer<typeof JournalEntrySchema>
export type NewWritingEntry = Omit<WritingJournalEntry, 'seq'>

export const WritingJournalSchema = z.object({ nextSeq: Seq, entries: z.array(JournalEntrySchema) }).strict()
export type WritingJournal = z.infer<typeof WritingJournalSchema>

export const emptyWritingSnapshot = (): WritingSnapshot => ({ appliedThrough: 0, attempts: {} })
export const emptyWritingJournal = (): WritingJournal => ({ nextSeq: 1, entries: [] })

export const DraftStoreSchema = z.object({ draft: DraftInput.nullable() }).strict()
export type DraftStore = z.infer<typeof DraftStoreSchema>
export const emptyDraftStore = (): DraftStore => ({ draft: null })
