// Why: one definition of a highlight-with-note, used to check the stored
// annotations file and every change that arrives over the bridge. Ids and
// timestamps are made in main, never taken from the page. The limits and the
// colours are the zod-free rules in domain/annotations.ts.
import * as z from 'zod'
import type { TextRange } from './domain/anchoring'
import { ANNOTATION_COLORS, NOTE_MAX_CHARS, noteTooLong, QUOTE_CONTEXT_MAX, QUOTE_MAX_CHARS } from './domain/annotations'
import { Id } from './pack/schema'

export const AnnotationColor = z.enum(ANNOTATION_COLORS)
export type AnnotationColor = z.infer<typeof AnnotationColor>

/** A plain-text note, kept exactly as typed. */
export const Note = z.string().max(NOTE_MAX_CHARS, {
  error: (issue) => noteTooLong(typeof issue.input === 'string' ? issue.input.length : undefined)
})

export const TextQuoteSelectorSchema = z
  .object({
    type: z.literal('TextQuoteSelector'),
    exact: z
      .string()
      .min(1, 'the highlighted text is empty')
      .max(QUOTE_MAX_CHARS)
      .refine((s) => s.trim().length > 0, 'the highlighted text is only spaces'),
    prefix: z.string().max(QUOTE_CONTEXT_MAX),
    suffix: z.string().max(QUOTE_CONTEXT_MAX)
  })
  .strict()

/** Where the quote was when the highlight was made: a tie-breaker when re-anchoring, not the truth. */
export const PositionHint = z
  .object({ start: z.number().int().min(0), end: z.number().int().min(1) })
  .strict()
  .refine((p) => p.end > p.start, 'end must be after start')

const IsoTime = z.iso.datetime()

export const AnnotationSchema = z
  .object({
    id: Id,
    packId: Id,
    blockId: Id,
    /** The section the block was in when the highlight was made; views report the current one. */
    sectionId: Id,
    selector: TextQuoteSelectorSchema,
    position: PositionHint,
    color: AnnotationColor,
    note: Note,
    createdAt: IsoTime,
    updatedAt: IsoTime
  })
  .strict()
export type Annotation = z.infer<typeof AnnotationSchema>

export type AnchorStatus = 'anchored' | 'orphaned'

/**
 * What main returns: the stored annotation plus where it is in the pack as
 * loaded now. `range` counts in blockPlainText(block); it is null, and status
 * 'orphaned', when the quote or its block is gone. Orphans are kept and listed.
 */
export interface AnnotationView extends Annotation {
  status: AnchorStatus
  range: TextRange | null
}

export interface AnnotationExport {
  /** A suggested name, e.g. `india-russia-2plus2-annotations-2026-11-02.md`. */
  fileName: string
  markdown: string
}
