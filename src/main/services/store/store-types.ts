// Why: the contract every store file (settings, progress, reviews, …) is
// opened with and used through, kept apart from the machinery behind it so a
// service can depend on what a store promises without reading how it keeps
// those promises (see json-store.ts for the guarantees, file-json-store.ts
// for how they are met).
import type * as z from 'zod'
import type { StoreNotice } from '../../../shared/domain'
import type { StoreFs } from './fs-ops'
import type { Migrations } from './migrations'

export interface JsonStoreOptions<T> {
  /** Data folder (created if missing). */
  dir: string
  /** File is `${dir}/${name}.json`; letters, digits, `-` and `_` only. */
  name: string
  /** Shape of the current version's data. */
  schema: z.ZodType<T>
  /** Current schemaVersion (integer ≥ 1). */
  version: number
  defaults: () => T
  /** Key n migrates data from version n to n+1. */
  migrations?: Migrations
  /** For backup days and notice timestamps (tests use fixed clocks). */
  clock?: () => Date
  /** Daily backups kept per store; default 7, 0 turns backups off. */
  keepBackups?: number
  /** fsync the temp file before rename and the folder after; default true. */
  fsync?: boolean
  /**
   * Also check the data against `schema` before every write (~4 ms for 20k
   * review logs). Off by default for speed; turn it on in development and
   * tests: a mutator that saves something the schema rejects (a sparse array,
   * NaN, a Date) would otherwise only show up at the next start, as a corrupt file.
   */
  validateWrites?: boolean
  /** Test seam: replace single filesystem operations, e.g. a rename that fails with EPERM. */
  fs?: Partial<StoreFs>
}

/** Item type of the array at `data[K]`. */
export type ItemOf<T, K extends keyof T> = T[K] extends readonly (infer I)[] ? I : never

export interface AppendableStoreOptions<T, K extends keyof T & string> extends JsonStoreOptions<T> {
  /** The top-level array of the data that append() adds to; it is kept last in the file. */
  appendTo: K
}

export interface JsonStore<T> {
  readonly path: string
  /**
   * Current state. Treat as read-only and re-read it after each await: it
   * already includes changes whose update() is still pending, and a failed
   * write replaces it with a fresh copy of what is on disk.
   */
  readonly data: T
  /** Apply a change and resolve only once it is on disk. On a failed write, reject with WriteFailedError and roll memory back to what is on disk. */
  update(mutate: (draft: T) => void): Promise<void>
  /**
   * Replace the whole state (restore, reset) with a copy of `data`; same
   * guarantees as update(): resolves once on disk, rolls back on a failed write.
   */
  replace(data: T): Promise<void>
  /** Notices raised while opening (recovery) — for the renderer's notice area. */
  readonly notices: StoreNotice[]
  /** Wait for pending writes. */
  flush(): Promise<void>
}

export interface AppendableJsonStore<T, K extends keyof T & string> extends JsonStore<T> {
  /**
   * Adds items to the end of `data[appendTo]` and resolves once they are on
   * disk, writing only the new items (an update() in the same write, or the
   * first write after opening or after a failed write, rewrites the whole
   * file instead). `decide` runs now on the current state, like an update()
   * mutator (again if a failed write makes the store replay it), and returns
   * the items; it may change other fields too, but those reach the disk only
   * with the next whole-file write, so they must be derivable from the items.
   */
  append(decide: (draft: T) => ItemOf<T, K>[]): Promise<void>
}

/** What every file of a store kept in several files is opened with (tests inject failing writes; benches may turn off backups). */
export type StoreFileOptions = { dir: string; clock?: () => Date } & Pick<JsonStoreOptions<unknown>, 'fsync' | 'fs' | 'keepBackups'>
