// Why: checking a large store file with zod in one call (5,000 highlights or
// 1,000 reviews: tens of ms) stalls the main process, and with it every IPC
// answer. This gives the same verdict and the same data as
// `schema.safeParse(value)` but checks the big collections of the value
// (arrays and string-keyed records, at the top level or as fields of a
// top-level object) a slice at a time, pausing between slices so other work
// can run. It is exact only where slicing cannot change the verdict, so it
// slices only arrays without length checks and records keyed by strings;
// anything else is checked whole. The schema is read through zod's public
// classes (instanceof z.ZodArray / ZodRecord / ZodObject, .shape, .keyType,
// .type, .def.checks), never its private `_zod` internals; a schema it does
// not recognise is simply checked whole.
import * as z from 'zod'
import { nextSlice } from './turns'

export type Issue = z.core.$ZodIssue
export type SlicedResult<T> = { success: true; data: T } | { success: false; issues: Issue[] }

export interface SliceOptions {
  /** Elements per slice for a collection of `count` elements. */
  sliceSize: (count: number) => number
  /** Awaited between slices (default: nextSlice(), one slice per turn of the event loop). */
  pause?: () => Promise<void>
}

type Kind = 'array' | 'record'

/** The schema's kind ('string', 'array', …), for a schema built with zod's classic API. */
const kindOf = (schema: unknown): string | undefined => (schema instanceof z.ZodType ? schema.type : undefined)

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Collections whose verdict is the sum of their slices' verdicts. */
function sliceable(schema: z.ZodType): Kind | null {
  // A length check (.min, .max, .length) judges the whole array, so such an array is checked whole.
  if (schema instanceof z.ZodArray && (schema.def.checks ?? []).length === 0) return 'array'
  // String keys (with or without a format) are each checked on their own; an enum key set is not.
  if (schema instanceof z.ZodRecord && kindOf(schema.keyType) === 'string') return 'record'
  return null
}

function sizeAs(kind: Kind, value: unknown): number {
  if (kind === 'array') return Array.isArray(value) ? value.length : -1
  return isPlainObject(value) ? Object.keys(value).length : -1
}

function shifted(issues: readonly Issue[], prefix: readonly PropertyKey[], offset = 0): Issue[] {
  return issues.map((issue) => {
    const [first, ...rest] = issue.path
    const head = offset !== 0 && typeof first === 'number' ? first + offset : first
    const path = issue.path.length === 0 ? [...prefix] : [...prefix, head as PropertyKey, ...rest]
    return { ...issue, path } as Issue
  })
}

async function parseCollection(
  schema: z.ZodType,
  kind: Kind,
  value: unknown[] | Record<string, unknown>,
  prefix: readonly PropertyKey[],
  opts: Required<SliceOptions>
): Promise<SlicedResult<unknown>> {
  const issues: Issue[] = []
  if (kind === 'array') {
    const items = value as unknown[]
    const size = Math.max(1, Math.floor(opts.sliceSize(items.length)))
    const out: unknown[] = []
    for (let i = 0; i < items.length; i += size) {
      if (i > 0) await opts.pause()
      const result = schema.safeParse(items.slice(i, i + size))
      if (result.success) out.push(...(result.data as unknown[]))
      else issues.push(...shifted(result.error.issues, prefix, i))
    }
    return issues.length > 0 ? { success: false, issues } : { success: true, data: out }
  }
  const record = value as Record<string, unknown>
  const keys = Object.keys(record)
  const size = Math.max(1, Math.floor(opts.sliceSize(keys.length)))
  const entries: [string, unknown][] = []
  for (let i = 0; i < keys.length; i += size) {
    if (i > 0) await opts.pause()
    // fromEntries: a "__proto__" key stays an own property, as JSON.parse made it.
    const slice = Object.fromEntries(keys.slice(i, i + size).map((k) => [k, record[k]]))
    const result = schema.safeParse(slice)
    if (result.success) entries.push(...Object.entries(result.data as Record<string, unknown>))
    else issues.push(...shifted(result.error.issues, prefix))
  }
  return issues.length > 0 ? { success: false, issues } : { success: true, data: Object.fromEntries(entries) }
}

/**
 * `schema.safeParse(value)`, with the big collections checked in slices.
 * Same success, same data; on failure the same issues, in the same field order.
 */
export async function safeParseSliced<T>(schema: z.ZodType<T>, value: unknown, options: SliceOptions): Promise<SlicedResult<T>> {
  const opts: Required<SliceOptions> = { pause: nextSlice, ...options }
  const whole = (): SlicedResult<T> => {
    const result = schema.safeParse(value)
    return result.success ? { success: true, data: result.data } : { success: false, issues: result.error.issues }
  }
  const big = (kind: Kind | null, v: unknown): kind is Kind => kind !== null && sizeAs(kind, v) > Math.max(1, Math.floor(opts.sliceSize(sizeAs(kind, v))))

  const own = sliceable(schema)
  if (big(own, value)) return (await parseCollection(schema, own, value as unknown[], [], opts)) as SlicedResult<T>

  if (!(schema instanceof z.ZodObject) || !isPlainObject(value)) return whole()
  const shape = schema.shape as Record<string, z.ZodType>
  const shapeKeys = Object.keys(shape)
  const fields: [string, Kind][] = []
  for (const key of shapeKeys) {
    if (!Object.hasOwn(value, key)) continue
    const kind = sliceable(shape[key] as z.ZodType)
    if (big(kind, value[key])) fields.push([key, kind])
  }
  if (fields.length === 0) return whole()

  // The object itself, with each big collection stood in for by an empty one
  // (always valid for the collections we slice), then each collection.
  const skeleton: Record<string, unknown> = { ...value }
  for (const [key, kind] of fields) skeleton[key] = kind === 'array' ? [] : {}
  const head = schema.safeParse(skeleton)
  const issues: Issue[] = head.success ? [] : [...head.error.issues]
  const parts: Record<string, unknown> = {}
  for (const [key, kind] of fields) {
    await opts.pause()
    const result = await parseCollection(shape[key] as z.ZodType, kind, value[key] as unknown[], [key], opts)
    if (result.success) parts[key] = result.data
    else issues.push(...result.issues)
  }
  if (issues.length > 0) {
    // zod reports fields in shape order, then keys the shape does not know.
    const rank = (issue: Issue): number => {
      const at = issue.path.length > 0 ? shapeKeys.indexOf(String(issue.path[0])) : -1
      return at < 0 ? shapeKeys.length : at
    }
    return {
      success: false,
      issues: issues
        .map((issue, i) => ({ issue, i }))
        .sort((a, b) => rank(a.issue) - rank(b.issue) || a.i - b.i)
        .map((x) => x.issue)
    }
  }
  const data = head.data as Record<string, unknown>
  for (const [key] of fields) data[key] = parts[key]
  return { success: true, data: data as T }
}
