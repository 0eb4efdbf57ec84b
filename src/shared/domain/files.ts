// Why: what the page may ask main to save (files:save) and what comes back,
// so the renderer's save helper and main's dialog agree without the validator.

export const SAVE_MIMES = ['text/markdown', 'text/csv', 'application/json'] as const
export type SaveMime = (typeof SAVE_MIMES)[number]

export type SaveFileResult = { mode: 'saved'; path: string } | { mode: 'cancelled' } | { mode: 'download' }
