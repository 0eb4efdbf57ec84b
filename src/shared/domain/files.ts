// Why: what the page may ask main to save (files:save) and what comes back,
// so the renderer's save helper and main's dialog agree without the validator.

export const SAVE_MIMES = ['text/markdown', 'text/csv', 'application/json', 'application/apkg'] as const
export type SaveMime = (typeof SAVE_MIMES)[number]
/** How `content` is sent: text as it is, or a binary file (an Anki .apkg) as base64. */
export type SaveEncoding = 'utf8' | 'base64'

export type SaveFileResult = { mode: 'saved'; path: string } | { mode: 'cancelled' } | { mode: 'download' }
