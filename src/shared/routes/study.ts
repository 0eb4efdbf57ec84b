// Why: the study, exam-plan and mock-test channels with their strict input
// schemas; merged into the one contract. Main parses every input against these.
import * as z from 'zod'
import { Id } from '../pack/schema'
import { PackRef, route } from '../route'
import type { CardSummary, ExamPlan, MockPaper, MockResult, QueueItem, StudyQueue, StudyStats, UndoResult } from '../study'

const ID = '[a-z0-9][a-z0-9-]{0,79}'
/** `q:<questionId>`, `cell:<rowId>/<columnId>` or `hl:<annotationId>`. */
export const ItemId = z
  .string()
  .max(200)
  .regex(new RegExp(`^(?:q:${ID}|hl:${ID}|cell:${ID}/${ID})$`), 'item ids are q:<question>, cell:<row>/<column> or hl:<highlight>')

/** A real calendar day, YYYY-MM-DD (2026-02-30 is refused). */
export const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00.000Z`)
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
  }, 'not a real date')

/** 1 Again, 2 Hard, 3 Good, 4 Easy. */
export const Rating = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])
export const ItemKindInput = z.enum(['question', 'cell', 'highlight'])

export const QueueInput = z
  .object({
    packId: Id,
    mode: z.enum(['due', 'cram', 'section']),
    sectionId: Id.optional(),
    limit: z.number().int().min(1).max(500).optional(),
    /** Only these kinds of item (compare mode asks for cells). Default: all. */
    kinds: z.array(ItemKindInput).min(1).max(3).optional()
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

const Blank = '{{blank}}'
export const AddCustomCardInput = z
  .object({
    packId: Id,
    /** The highlight's annotation id. Adding the same id again replaces the text and keeps the progress. */
    id: Id,
    kind: z.literal('highlight-cloze'),
    /** The passage, with exactly one `{{blank}}` where the highlighted words go. */
    text: z
      .string()
      .trim()
      .min(1)
      .max(1000)
      .refine((t) => t.split(Blank).length === 2, 'the text needs exactly one {{blank}}'),
    answer: z.string().trim().min(1).max(200),
    blockId: Id
  })
  .strict()
export const RemoveCustomCardInput = z.object({ packId: Id, id: Id }).strict()

export const ExamSetInput = z
  .object({
    packId: Id,
    examDate: Day,
    /** Study time a day; reviews are planned at 20 seconds each. */
    minutesPerDay: z.number().int().min(5).max(720)
  })
  .strict()

export const MockStartInput = z
  .object({
    packId: Id,
    count: z.number().int().min(1).max(100).default(25),
    sectionIds: z.array(Id).min(1).max(100).optional()
  })
  .strict()

export const MockId = z.string().regex(/^mock-[a-z0-9-]{1,60}$/, 'not a mock id')
export const MockSubmitInput = z
  .object({
    mockId: MockId,
    /** The chosen option's index (true/false: 0 = true, 1 = false); null or missing = unanswered. */
    answers: z.record(Id, z.number().int().min(0).max(5).nullable()).refine((a) => Object.keys(a).length <= 100, 'at most 100 answers')
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
