// Why: the shapes of the study files on disk, checked with zod when each file
// is opened. Three kinds of file, split so that answering a card rewrites only
// a small one (see study-store.ts):
//   study.json          cards as of the last checkpoint, highlights, exam dates, daily counts
//   study-journal.json  the reviews since that checkpoint (each with the card it produced)
//   study-log-YYYY-MM_bN.json  every review ever made, by month and block of ids (history)
import * as z from 'zod'
import { CLOZE_ANSWER_MAX, CLOZE_TEXT_MAX } from '../../../shared/domain/cloze'
import { EXAM_MINUTES_MAX, EXAM_MINUTES_MIN } from '../../../shared/domain/study'
import { Id } from '../../../shared/pack/schema'
import { MAINS_PAPERS, type MainsPaper } from '../../../shared/domain/exam'
import { Day, ExamDates, ItemId } from '../../../shared/routes/study'
import { StoredCardSchema, StoredLogSchema } from './scheduler'

const IsoTime = z.iso.datetime()
const Count = z.number().int().min(0)

export const HighlightCardSchema = z
  .object({ id: Id, text: z.string().min(1).max(CLOZE_TEXT_MAX), answer: z.string().min(1).max(CLOZE_ANSWER_MAX), blockId: Id, createdAt: IsoTime })
  .strict()

const Minutes = z.number().int().min(EXAM_MINUTES_MIN).max(EXAM_MINUTES_MAX)
const NO_MAINS_DATES = Object.fromEntries(MAINS_PAPERS.map((p) => [p, null])) as Record<MainsPaper, null>
/** Before two deadlines there was one exam date: it was the Prelims date, so it becomes that, and is written so at the next save. */
const LegacyExamSchema = z
  .object({ examDate: Day, minutesPerDay: Minutes, setAt: IsoTime })
  .strict()
  .transform(({ examDate, minutesPerDay, setAt }) => ({ dates: { prelims: examDate, mains: { ...NO_MAINS_DATES } }, minutesPerDay, setAt }))
export const ExamSchema = z.union([z.object({ dates: ExamDates, minutesPerDay: Minutes, setAt: IsoTime }).strict(), LegacyExamSchema])

export const PackStudySchema = z
  .object({
    cards: z.record(ItemId, StoredCardSchema),
    highlights: z.record(Id, HighlightCardSchema),
    /** Reviews and first-time items per calendar day, up to the checkpoint. */
    daily: z.record(Day, z.object({ reviews: Count, fresh: Count }).strict()),
    exam: ExamSchema.nullable()
  })
  .strict()
export type PackStudy = z.infer<typeof PackStudySchema>

export const SnapshotSchema = z
  .object({
    /** Journal entries with an id up to this are already folded into the cards above. */
    appliedThrough: Count,
    packs: z.record(Id, PackStudySchema)
  })
  .strict()
export type SnapshotData = z.infer<typeof SnapshotSchema>

export const LogEntrySchema = z
  .object({
    id: z.number().int().min(1),
    packId: Id,
    itemId: ItemId,
    at: IsoTime,
    /** The student's calendar day of `at`, fixed when the review was made. */
    day: Day,
    rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    /** study = a normal answer; cram = practice that left the schedule alone unless `card` is set; mock = from a mock test. */
    source: z.enum(['study', 'cram', 'mock']),
    mockId: z.string().max(80).optional(),
    /** The item was new before this review. */
    fresh: z.boolean(),
    /** The card after this review; absent when the schedule was left alone. */
    card: StoredCardSchema.optional(),
    /** ts-fsrs's review log, for rollback. */
    log: StoredLogSchema.optional(),
    /** The card's due before this review; absent when the item had no card yet. */
    prevDue: IsoTime.optional()
  })
  .strict()
export type LogEntry = z.infer<typeof LogEntrySchema>
export type NewLogEntry = Omit<LogEntry, 'id'>

export const JournalSchema = z
  .object({
    nextId: z.number().int().min(1),
    /** The last checkpoint removed entries up to this id (they are in the month files). */
    trimmedThrough: Count,
    entries: z.array(LogEntrySchema)
  })
  .strict()
export type JournalData = z.infer<typeof JournalSchema>

export const ArchiveSchema = z.object({ entries: z.array(LogEntrySchema) }).strict()
export type ArchiveData = z.infer<typeof ArchiveSchema>

export const emptyPackStudy = (): PackStudy => ({ cards: {}, highlights: {}, daily: {}, exam: null })

/** The study files' names and format version, in one place for the store, its archive and backups. */
export const STUDY_STORE = { name: 'study', journal: 'study-journal', archivePrefix: 'study-log-', version: 1 } as const
