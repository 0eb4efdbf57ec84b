// Why: the crash writer and its checker must agree on what a valid file is,
// and on how the services are opened.
import * as z from 'zod'

export const CRASH_STORE = { name: 'crash', version: 1 } as const

export const CrashSchema = z
  .object({
    /** Incremented by every update; the writer prints it once acknowledged. */
    counter: z.number().int().nonnegative(),
    /** The last few counters, so a file mixing two states would show. */
    recent: z.array(z.number().int()),
    /** Bulk, so each write takes long enough for a kill to land mid-write. */
    payload: z.array(z.string())
  })
  .strict()
export type CrashData = z.infer<typeof CrashSchema>

export const crashDefaults = (): CrashData => ({ counter: 0, recent: [], payload: [] })

/** The in-place append path (review and highlight journals): counters 1…n, in order. */
export const APPEND_STORE = { name: 'crash-append', version: 1 } as const
export const AppendSchema = z.object({ entries: z.array(z.number().int().positive()) }).strict()
export type AppendData = z.infer<typeof AppendSchema>
export const appendDefaults = (): AppendData => ({ entries: [] })

/** Which store a lane writes: a bare file rewritten whole, a bare file appended to, or a real service. */
export type Mode = 'rewrite' | 'append' | 'study' | 'annotations' | 'writing'

/** The services' checkpoint thresholds in the crash test: tiny, so most kills land in or near a checkpoint. */
export const SERVICE_OPTIONS = { checkpointAt: 3, keepLive: 1 } as const
/** Items of the tiny pack the study writer answers in turn. */
export const STUDY_ITEMS = ['q:q-1', 'cell:row-first/russia', 'cell:row-first/us'] as const
