// Why: what a highlight-with-note may hold, for main's validators and the
// page's editor alike, so the page refuses a long note in main's own words
// before sending it. The stored shapes are inferred from the schemas in
// shared/annotations.ts; these are the plain rules they are built from.

export const ANNOTATION_COLORS = ['yellow', 'green', 'blue', 'pink'] as const
export type AnnotationColor = (typeof ANNOTATION_COLORS)[number]
/** How a colour is named to the student: on the page, to a screen reader, in the Markdown export. */
export const ANNOTATION_COLOR_NAMES: Readonly<Record<AnnotationColor, string>> = { yellow: 'Yellow', green: 'Green', blue: 'Blue', pink: 'Pink' }

/** Counted as the page's `maxlength` counts: UTF-16 code units (`note.length`). */
export const NOTE_MAX_CHARS = 10_000
/** Longer than any block can make (block text is ≤ 20,000 characters per item). */
export const QUOTE_MAX_CHARS = 50_000
/** Context kept either side of a quote; anchoring keeps 32 (CONTEXT_CHARS), stored files may hold up to this. */
export const QUOTE_CONTEXT_MAX = 64

/** Why a note was refused; `length` when it is known. */
export function noteTooLong(length?: number): string {
  const has = length === undefined ? 'more' : length.toLocaleString('en-US')
  return `A note can be at most ${NOTE_MAX_CHARS.toLocaleString('en-US')} characters; this one has ${has}.`
}
