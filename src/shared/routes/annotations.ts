// Why: the reading-mode annotation channels with their strict input schemas;
// merged into the one contract. Main parses every input against these, then
// checks the quote against the pack itself.
import * as z from 'zod'
import { AnnotationColor, Note, type AnnotationExport, type AnnotationView } from '../annotations'
import { QUOTE_CONTEXT_MAX, QUOTE_MAX_CHARS } from '../domain/annotations'
import { Id } from '../pack/schema'
import { PackRef, route } from '../route'

/** What the page sends for a new highlight: build it with quoteSelector(blockPlainText(block), start, end). */
export const SelectorInput = z
  .object({
    type: z.literal('TextQuoteSelector').optional(),
    exact: z
      .string()
      .min(1, 'select some text to highlight')
      .max(QUOTE_MAX_CHARS)
      .refine((s) => s.trim().length > 0, 'select some text to highlight, not only spaces'),
    prefix: z.string().max(QUOTE_CONTEXT_MAX).optional(),
    suffix: z.string().max(QUOTE_CONTEXT_MAX).optional()
  })
  .strict()

export const AddAnnotationInput = z
  .object({
    packId: Id,
    blockId: Id,
    selector: SelectorInput,
    /** Offset of the selection in blockPlainText(block): picks the right one when the words occur twice. */
    start: z.number().int().min(0).max(10_000_000).optional(),
    color: AnnotationColor,
    note: Note.optional()
  })
  .strict()

export const UpdateAnnotationInput = z
  .object({ id: Id, color: AnnotationColor.optional(), note: Note.optional() })
  .strict()
  .refine((u) => u.color !== undefined || u.note !== undefined, 'nothing to change: give a color or a note')

export const AnnotationRef = z.object({ id: Id }).strict()

export const annotationRoutes = {
  /** Every annotation of the pack, anchored against the pack as loaded now; orphans included. */
  'annotations:list': route<AnnotationView[]>()(PackRef),
  'annotations:add': route<AnnotationView>()(AddAnnotationInput),
  'annotations:update': route<AnnotationView>()(UpdateAnnotationInput),
  /** Returns what was deleted; it waits in the trash for annotations:restore. */
  'annotations:delete': route<AnnotationView>()(AnnotationRef),
  /** Undo of a delete: puts the same annotation back, unchanged. */
  'annotations:restore': route<AnnotationView>()(AnnotationRef),
  'annotations:export': route<AnnotationExport>()(PackRef)
}
