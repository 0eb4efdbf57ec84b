// Why: the study, exam-plan and mock-test channels with their strict input
// schemas; merged into the one contract. Main parses every input against these.
import * as z from 'zod'
import { BLANK, CLOZE_ANSWER_MAX, CLOZE_TEXT_MAX, hasOneBlank } from '../domain/cloze'
import { isCalendarDay } from '../domain/dates'
import { cellRef, ID_PATTERN, ITEM_KINDS, ITEM_PREFIX, type ItemKind } from '../domain/ids'
import { MAINS_PAPER_NAMES, MAINS_PAPERS, type ExamPlan, type MainsPaper } from '../domain/exam'
import { MOCK_QUESTIONS_DEFAULT, MOCK_QUESTIONS_MAX } from '../domain/mock'
import { MAX_OPTIONS } from '../domain/pack-limits'
import {
  EXAM_MINUTES_MAX,
  EXAM_MINUTES_MIN,
  QUEUE_LIMIT_MAX,
  type CardSummary,
  type MockPaper,
  type MockResult,
  type QueueItem,
  type StudyQueue,
  type StudyStats,
  type UndoResult
} from '../domain/study'
import { Id } from '../pack/schema'
import { PackRef, route } from '../route'

const ITEM_TARGET: Record<ItemKind, string> = { question: ID_PATTERN, cell: cellRef(ID_PATTERN, ID_PATTERN), highlight: ID_PATTERN }
const ITEM_ID = new RegExp(`^(?:${ITEM_KINDS.map((k) => `${ITEM_PREFIX[k]}${ITEM_TARGET[k]}`).join('|')})$`)
/** `q:<questionId>`, `cell:<rowId>/<columnId>` or `hl:<annotationId>`. */
export const ItemId = z.string().max(200).regex(ITEM_ID, 'item ids are q:<question>, cell:<row>/<column> or hl:<highlight>')

/** A real calendar day, YYYY-MM-DD (2026-02-30 is refused). */
export const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD')
  .refine(isCalendarDay, 'not a real date')

/** 1 Again, 2 Hard, 3 Good, 4 Easy. */
export const Rating = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])
export const ItemKindInput = z.enum(ITEM_KINDS)

export const QueueInput = z
  .object({
    packId: Id,
    mode: z.enum(['due', 'cram', 'section']),
    sectionId: Id.optional(),
    limit: z.number().int().min(1).max(QUEUE_LIMIT_MAX).optional(),
    /** Only these kinds of item (compare mode asks for cells). Default: all. */
    kinds: z.array(ItemKindInput).min(1).max(ITEM_KINDS.length).optional()
  })
  .strict()
  .refine((q) => (q.mode === 'section') === (q.sectionId !== undefined), {
    message: 'sectionId is required in section mode and only there',
    path: ['sectionId']
  })

export const RateInput = z
  .object({
    packId: Id,
    itemId: ItemId,
    rating: Rating,
    /** A cram answer: counted as practice, the schedule is left alone… */
    cram: z.boolean().optional(),
    /** …unless this is set too. */
    reschedule: z.boolean().optional()
  })
  .strict()
  .refine((r) => !r.reschedule || r.cram === true, { message: 'reschedule only applies to a cram answer', path: ['reschedule'] })

export const AddCustomCardInput = z
  .object({
    packId: Id,
    /** The highlight's annotation id. Adding the same id again replaces the text and keeps the progress. */
    id: Id,
    kind: z.literal('highlight-cloze'),
    /** The passage, with exactly one `{{blank}}` where the highlighted words go. */
    text: z.string().trim().min(1).max(CLOZE_TEXT_MAX).refine(hasOneBlank, `the text needs exactly one ${BLANK}`),
    answer: z.string().trim().min(1).max(CLOZE_ANSWER_MAX),
    blockId: Id
  })
  .strict()
export const RemoveCustomCardInput = z.object({ packId: Id, id: Id }).strict()

const MaybeDay = Day.nullable()
/** Every Mains paper named, each with its day or null while unknown. */
export const MainsDates = z.object(Object.fromEntries(MAINS_PAPERS.map((p) => [p, MaybeDay])) as Record<MainsPaper, typeof MaybeDay>).strict()

/** The student's exam dates as main keeps them: at least one, and every Mains paper after Prelims. */
export const ExamDates = z
  .object({ prelims: MaybeDay, mains: MainsDates })
  .strict()
  .superRefine((d, ctx) => {
    const mains = MAINS_PAPERS.flatMap((p) => (d.mains[p] ? [[p, d.mains[p]] as const] : []))
    if (!d.prelims && mains.length === 0) ctx.addIssue({ code: 'custom', path: ['prelims'], message: 'set the Prelims date or at least one Mains paper date' })
    for (const [paper, day] of mains) {
      if (d.prelims && day <= d.prelims) {
        ctx.addIssue({ code: 'custom', path: ['mains', paper], message: `${MAINS_PAPER_NAMES[paper]} must come after Prelims (${d.prelims})` })
      }
    }
  })

export const ExamSetInput = z
  .object({
    packId: Id,
    dates: ExamDates,
    /** Study time a day; reviews are planned at 20 seconds each. */
    minutesPerDay: z.number().int().min(EXAM_MINUTES_MIN).max(EXAM_MINUTES_MAX)
  })
  .strict()

export const MockStartInput = z
  .object({
    packId: Id,
    count: z.number().int().min(1).max(MOCK_QUESTIONS_MAX).default(MOCK_QUESTIONS_DEFAULT),
    sectionIds: z.array(Id).min(1).max(100).optional()
  })
  .strict()

/** The chosen option's index, or null for a question left blank. */
export const MockAnswer = z
  .number()
  .int()
  .min(0)
  .max(MAX_OPTIONS - 1)
  .nullable()

export const MockId = z.string().regex(/^mock-[a-z0-9-]{1,60}$/, 'not a mock id')
export const MockSubmitInput = z
  .object({
    mockId: MockId,
    /** The chosen option's index (true/false: 0 = true, 1 = false); null or missing = unanswered. */
    answers: z.record(Id, MockAnswer).refine((a) => Object.keys(a).length <= MOCK_QUESTIONS_MAX, `at most ${MOCK_QUESTIONS_MAX} answers`)
  })
  .strict()

export const studyRoutes = {
  'study:queue': route<StudyQueue>()(QueueInput),
  'study:rate': route<CardSummary>()(RateInput),
  'study:undo': route<UndoResult>()(PackRef),
  'study:stats': route<StudyStats>()(PackRef),
  'study:addCustomCard': route<QueueItem>()(AddCustomCardInput),
  'study:removeCustomCard': route<{ removed: boolean }>()(RemoveCustomCardInput),
  'exam:set': route<ExamPlan>()(ExamSetInput),
  'exam:plan': route<ExamPlan | null>()(PackRef),
  'mock:start': route<MockPaper>()(MockStartInput),
  'mock:active': route<MockPaper | null>()(PackRef),
  'mock:saveAnswers': route<MockPaper>()(MockSubmitInput),
  'mock:submit': route<MockResult>()(MockSubmitInput),
  'mock:history': route<MockResult[]>()(PackRef)
}
