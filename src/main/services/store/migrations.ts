// Why: one pipeline decides whether some bytes are a usable store file — the
// main file and every backup go through it — so "valid" means the same thing
// everywhere: UTF-8, JSON, our envelope, a version we know, migrated forward,
// then accepted by the current zod schema.
import type * as z from 'zod'
import { safeParseSliced, type Issue } from './sliced-parse'
import { nextSlice } from './turns'

/** What is on disk: `{"schemaVersion":N,"data":{...}}`, compact. */
export interface Envelope<T> {
  schemaVersion: number
  data: T
}

export type Migrations = Record<number, (data: unknown) => unknown>

export interface DecodeSpec<T> {
  schema: z.ZodType<T>
  version: number
  migrations?: Migrations
}

export type Decoded<T> =
  | {
      ok: true
      data: T
      /** Version the bytes were written with (< current means migrated). */
      fromVersion: number
      /** The bytes began with a UTF-8 byte-order mark, which was ignored. */
      hadBom: boolean
    }
  | { ok: false; reason: string }

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
const BOM = '\uFEFF'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object without "schemaVersion" and "data"' : `a ${typeof value}`
}

/** Runs migrations `from` → `from+1` → … → `to`. */
export function migrate(data: unknown, from: number, to: number, migrations: Migrations = {}): unknown {
  let current = data
  for (let v = from; v < to; v++) {
    const step = migrations[v]
    if (!step) throw new Error(`no migration from version ${v} to ${v + 1}`)
    current = step(current)
  }
  return current
}

type Prepared = { ok: false; reason: string } | { ok: true; migrated: unknown; fromVersion: number; hadBom: boolean; text: string }

/** Everything before the schema check: UTF-8, JSON, envelope, version, migrations. */
function prepare<T>(bytes: Uint8Array, spec: DecodeSpec<T>): Prepared {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' }
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    return { ok: false, reason: 'the file is not valid UTF-8 text' }
  }
  const hadBom = text.startsWith(BOM)
  if (hadBom) text = text.slice(1)
  if (text.trim() === '') return { ok: false, reason: 'the file contains only whitespace' }

  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (err) {
    return { ok: false, reason: `the file is not valid JSON (${(err as Error).message}); it may have been cut short` }
  }
  if (!isRecord(parsed) || !Number.isSafeInteger(parsed.schemaVersion) || !('data' in parsed)) {
    return { ok: false, reason: `the file is ${describe(parsed)}, not a saved store` }
  }
  const fromVersion = parsed.schemaVersion as number
  if (fromVersion > spec.version) {
    return {
      ok: false,
      reason: `the file was saved by a newer version of the app (format ${fromVersion}; this version reads up to ${spec.version})`
    }
  }

  let migrated: unknown
  try {
    migrated = migrate(parsed.data, fromVersion, spec.version, spec.migrations)
  } catch (err) {
    return { ok: false, reason: `the file is in format ${fromVersion} and could not be upgraded (${(err as Error).message})` }
  }
  return { ok: true, migrated, fromVersion, hadBom, text }
}

function wrongShape(issues: readonly Issue[]): { ok: false; reason: string } {
  const listed = issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ')
  return { ok: false, reason: `the data in the file has the wrong shape (${listed})` }
}

export function decodeStoreBytes<T>(bytes: Uint8Array, spec: DecodeSpec<T>): Decoded<T> {
  const prepared = prepare(bytes, spec)
  if (!prepared.ok) return prepared
  const result = spec.schema.safeParse(prepared.migrated)
  if (!result.success) return wrongShape(result.error.issues)
  return { ok: true, data: result.data, fromVersion: prepared.fromVersion, hadBom: prepared.hadBom }
}

/** Bytes of JSON checked per slice by decodeStoreBytesSliced (~1 ms of zod). */
export const SLICE_BYTES = 32 * 1024

/**
 * decodeStoreBytes with the same verdict, for opening files: a big file's
 * collections are checked with zod a slice at a time (see sliced-parse.ts),
 * so opening 5,000 highlights never holds the main process for long.
 */
export async function decodeStoreBytesSliced<T>(bytes: Uint8Array, spec: DecodeSpec<T>, out?: { text?: string }): Promise<Decoded<T>> {
  // Several files opening at once: each big one is parsed in a turn of its own.
  if (bytes.length > SLICE_BYTES) await nextSlice()
  const prepared = prepare(bytes, spec)
  if (!prepared.ok) return prepared
  // The decoded text, for a caller that keeps it (without the BOM, if there was one).
  if (out) out.text = prepared.text
  // Elements per slice, assuming the file's bytes are spread evenly over the collection.
  const sliceSize = (count: number): number => Math.max(16, Math.floor((count * SLICE_BYTES) / Math.max(1, bytes.length)))
  const result = await safeParseSliced(spec.schema, prepared.migrated, { sliceSize })
  if (!result.success) return wrongShape(result.issues)
  return { ok: true, data: result.data, fromVersion: prepared.fromVersion, hadBom: prepared.hadBom }
}
