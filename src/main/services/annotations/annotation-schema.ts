// Why: the shapes of the annotations files are shared by the store, its
// checkpoint and the backup format, so they sit apart from all three. The
// files (see annotation-store.ts): the journal, annotations-meta.json and the
// parts; a backup holds the whole saved state as one Snapshot.
import * as z from 'zod'
import { AnnotationSchema, type Annotation } from '../../../shared/annotations'

export const ANNOTATIONS_STORE = {
  name: 'annotations',
  journal: 'annotations-journal',
  meta: 'annotations-meta',
  part: 'annotations-part-',
  version: 1
} as const
/** Deleted annotations kept for undo; the oldest leave first. */
export const TRASH_MAX = 100

const IsoTime = z.iso.datetime()
const Seq = z.number().int().min(0)
const TrashEntrySchema = z.object({ annotation: AnnotationSchema, deletedAt: IsoTime }).strict()
export type TrashEntry = z.infer<typeof TrashEntrySchema>

/** The whole saved state as one value: what a backup holds (the parts and meta together). */
export const SnapshotSchema = z
  .object({
    /** Journal entries with seq up to this are already folded in below. */
    appliedThrough: Seq,
    annotations: z.record(z.string(), AnnotationSchema),
    trash: z.array(TrashEntrySchema)
  })
  .strict()
export type Snapshot = z.infer<typeof SnapshotSchema>

const JournalEntrySchema = z.discriminatedUnion('kind', [
  /** The annotation as it now is (added, edited or restored). */
  z.object({ seq: Seq, kind: z.literal('put'), annotation: AnnotationSchema }).strict(),
  /** Moved to the trash, whole, so undo can put back exactly this. */
  z.object({ seq: Seq, kind: z.literal('delete'), annotation: AnnotationSchema, deletedAt: IsoTime }).strict()
])
export type JournalEntry = z.infer<typeof JournalEntrySchema>

export const JournalSchema = z.object({ nextSeq: Seq, entries: z.array(JournalEntrySchema) }).strict()
export type Journal = z.infer<typeof JournalSchema>

export const MetaSchema = z.object({ appliedThrough: Seq, trash: z.array(TrashEntrySchema) }).strict()
export type Meta = z.infer<typeof MetaSchema>
export const PartSchema = z.object({ annotations: z.record(z.string(), AnnotationSchema) }).strict()
export type Part = z.infer<typeof PartSchema>

export type NewEntry = { kind: 'put'; annotation: Annotation } | { kind: 'delete'; annotation: Annotation; deletedAt: string }

export const emptySnapshot = (): Snapshot => ({ appliedThrough: 0, annotations: {}, trash: [] })
