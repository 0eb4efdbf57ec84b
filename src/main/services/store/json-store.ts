// Why: a student must never lose a highlight or a review. Every store file
// (settings, progress, reviews, …) goes through this one class, which:
//   - opens through recovery (bad file kept byte for byte, backup or defaults
//     loaded, notice raised) and runs schema migrations;
//   - resolves `update()` only once a write containing that change is on disk
//     (temp + fsync + rename, see durable-file.ts);
//   - keeps one write in flight per store and folds the updates that arrive
//     meanwhile into the next write, so N rapid updates cost ~2 writes;
//   - on a failed write rejects every update of that write with
//     WriteFailedError and rolls memory back to what is on disk;
//   - copies the file to backups/ before the first write of each day.
// Data is validated with zod on open only (a big file a slice at a time, so
// opening never stalls the main process for long); writes are trusted (perf:
// a 20k-log state must save in ~10 ms), so schemas must describe plain JSON values.
// A store opened with `appendTo` (the study journal) can also add items to
// the end of one array without rewriting the file: the new items overwrite
// the file's closing `]}}` in place and are fdatasync'ed, so the file is whole
// JSON again after every append. A save cut short leaves a torn tail, which
// opening trims back to the last whole item (see recovery.ts).
import { join } from 'node:path'
import { Low } from 'lowdb'
import type * as z from 'zod'
import type { StoreNotice } from '../../../shared/domain'
import { ServiceError, WriteFailedError } from '../errors'
import { dayKey, ensureDailyBackup } from './backups'
import { DurableDataFile } from './durable-file'
import { storeFs, type InPlaceFile, type StoreFs } from './fs-ops'
import { migrate, type DecodeSpec, type Envelope, type Migrations } from './migrations'
import { fileStamp, loadStoreFile, type LoadedState } from './recovery'

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

interface Pending {
  mutate: (draft: unknown) => void
  resolve: () => void
  reject: (err: unknown) => void
  /** Set for append(): the items its last run added, written on their own when the whole batch is appends. */
  items?: unknown[]
}

/** The bytes that close an appendable store's file: `]` of the array, `}` of data, `}` of the envelope. */
const TAIL = ']}}'
/** An unused in-place handle is closed after this long. */
const IDLE_CLOSE_MS = 2000

/** Array items as an appendable store writes them: each on its own line, so opening can cut a torn tail back at a newline. */
function itemLines(items: readonly unknown[], atStart: boolean): string {
  if (items.length === 0) return ''
  return `${atStart ? '' : ','}\n${items.map((item) => JSON.stringify(item)).join(',\n')}`
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/

class FileJsonStore<T> implements JsonStore<T> {
  readonly path: string
  readonly notices: StoreNotice[] = []
  readonly #db: Low<Envelope<T>>
  readonly #fs: StoreFs
  readonly #opts: JsonStoreOptions<T>
  readonly #clock: () => Date
  /** Envelope text of what reopening would load: the last whole write that landed, then #diskChunks. */
  #diskText: string
  /** Appends that landed since that write, each its items without the closing TAIL (joined only to roll back). */
  #diskChunks: string[] = []
  /** Text of the whole write in flight, captured as it is serialised. */
  #writingText: string | null = null
  /** Items of the append in flight, as written before the TAIL. */
  #writingChunk: string | null = null
  #queued: Pending[] = []
  #running: Promise<void> | null = null
  /** The file on disk is a valid store, so it may be copied as a backup. */
  #fileValid: boolean
  #backupDay: string | null = null
  /** Saving would destroy a bad file that could not be kept. */
  readonly #writeBlocked: unknown
  /** #diskText is the file as read at open (not our own stringify): decode it through the schema to roll back. */
  #diskTextIsFile: boolean
  /** appendTo: the array append() adds to. */
  readonly #appendTo: string | undefined
  /** Byte offset of the file's closing TAIL when the file on disk ends with the appendTo array; null: write the whole file next. */
  #appendAt: number | null = null
  /** The appendTo array on disk is empty (no comma before the first item). */
  #diskArrayEmpty = true
  #inPlace: InPlaceFile | null = null
  #idleTimer: NodeJS.Timeout | null = null

  constructor(opts: JsonStoreOptions<T> & { appendTo?: string }, fs: StoreFs, loaded: LoadedState<T>) {
    this.#opts = opts
    this.#fs = fs
    this.#clock = opts.clock ?? (() => new Date())
    this.path = join(opts.dir, `${opts.name}.json`)
    this.#fileValid = loaded.fileValid
    this.#writeBlocked = loaded.writeBlocked
    this.#appendTo = opts.appendTo
    if (loaded.notice) this.notices.push(loaded.notice)
    const initial: Envelope<T> = { schemaVersion: opts.version, data: loaded.data }
    // The file's own text when it decodes to exactly this data: a 2 MB store
    // is not serialised again just to remember what is on disk.
    this.#diskTextIsFile = loaded.text !== undefined
    this.#diskText = loaded.text ?? JSON.stringify(initial)
    // Compact JSON.stringify, captured so a failed write can roll back to it.
    const adapter = new DurableDataFile<Envelope<T>>(this.path, {
      parse: (text) => JSON.parse(text) as Envelope<T>,
      stringify: (env) => (this.#writingText = this.#stringify(env)),
      fs,
      fsync: opts.fsync ?? true
    })
    this.#db = new Low(adapter, initial)
  }

  /**
   * Compact JSON. An appendable store's array goes last, so the file ends
   * with it, and each of its items starts a new line, exactly as append()
   * writes them: the same data always gives the same bytes, however it was saved.
   */
  #stringify(env: Envelope<T>): string {
    const field = this.#appendTo
    if (field === undefined) return JSON.stringify(env)
    const { [field]: items, ...rest } = env.data as Record<string, unknown>
    if (!Array.isArray(items)) return JSON.stringify({ schemaVersion: env.schemaVersion, data: { ...rest, [field]: items } })
    const head = JSON.stringify({ schemaVersion: env.schemaVersion, data: { ...rest, [field]: [] } })
    return head.slice(0, -TAIL.length) + itemLines(items, true) + TAIL
  }

  get data(): T {
    return this.#db.data.data
  }

  update(mutate: (draft: T) => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      try {
        const result: unknown = mutate(this.#db.data.data)
        if (typeof (result as PromiseLike<unknown> | undefined)?.then === 'function') {
          throw new TypeError('store.update() needs a synchronous mutate function; do async work before calling update()')
        }
      } catch (err) {
        // The mutator may have changed part of the draft before throwing.
        this.#rebuild()
        reject(err)
        return
      }
      this.#queued.push({ mutate: mutate as (draft: unknown) => void, resolve, reject })
      this.#kick()
    })
  }

  replace(data: T): Promise<void> {
    return this.update((draft) => {
      // A fresh copy on every run: a failed write replays this mutator.
      const target = draft as Record<string, unknown>
      for (const key of Object.keys(target)) delete target[key]
      Object.assign(target, structuredClone(data))
    })
  }

  append(decide: (draft: T) => unknown[]): Promise<void> {
    const field = this.#appendTo
    if (field === undefined) return Promise.reject(new TypeError(`store ${this.#opts.name} was not opened with appendTo`))
    return new Promise<void>((resolve, reject) => {
      const pending: Pending = { mutate: () => undefined, resolve, reject, items: [] }
      pending.mutate = (draft) => {
        const items = decide(draft as T)
        ;((draft as Record<string, unknown>)[field] as unknown[]).push(...items)
        pending.items = items
      }
      try {
        pending.mutate(this.#db.data.data)
      } catch (err) {
        this.#rebuild()
        reject(err)
        return
      }
      this.#queued.push(pending)
      this.#kick()
    })
  }

  async flush(): Promise<void> {
    while (this.#running) await this.#running
  }

  /** Writes the current state now (after migration or recovery). */
  async saveLoadedState(): Promise<void> {
    try {
      await this.update(() => undefined)
    } catch (err) {
      const at = this.#clock()
      this.notices.push({
        id: `${this.#opts.name}-write-failed-${fileStamp(at)}`,
        kind: 'write-failed',
        file: this.path,
        reason: err instanceof Error ? err.message : String(err),
        at: at.toISOString()
      })
    }
  }

  #kick(): void {
    if (this.#running) return
    this.#running = (async () => {
      // Let a synchronous burst of update() calls join the first write.
      await Promise.resolve()
      try {
        while (this.#queued.length > 0) await this.#writeBatch()
      } finally {
        this.#running = null
        if (this.#inPlace) this.#closeWhenIdle()
      }
    })()
  }

  #closeWhenIdle(): void {
    if (this.#idleTimer) clearTimeout(this.#idleTimer)
    this.#idleTimer = setTimeout(() => {
      this.#idleTimer = null
      if (!this.#running) void this.#closeInPlace()
    }, IDLE_CLOSE_MS)
    this.#idleTimer.unref()
  }

  async #closeInPlace(): Promise<void> {
    const handle = this.#inPlace
    this.#inPlace = null
    if (handle) await handle.close().catch(() => undefined)
  }

  /** Writes the batch's items over the file's closing TAIL, or returns false if the whole file must be written. */
  async #tryAppend(batch: Pending[]): Promise<boolean> {
    const at = this.#appendAt
    if (at === null || batch.some((p) => p.items === undefined)) return false
    const items = batch.flatMap((p) => p.items as unknown[])
    if (items.length === 0) return true
    const chunk = itemLines(items, this.#diskArrayEmpty)
    const bytes = Buffer.from(chunk + TAIL, 'utf8')
    this.#writingChunk = chunk
    if (!this.#inPlace) {
      // A file that is gone or not the length we left it: write it whole instead.
      const handle = await this.#fs.openInPlace(this.path, this.#opts.fsync ?? true).catch(() => null)
      const size = handle ? await handle.size().catch(() => -1) : -1
      if (!handle || size !== at + TAIL.length) {
        await handle?.close().catch(() => undefined)
        this.#writingChunk = null
        this.#appendAt = null
        return false
      }
      this.#inPlace = handle
    }
    await this.#inPlace.writeAt(bytes, at)
    this.#appendAt = at + bytes.length - TAIL.length
    this.#diskArrayEmpty = false
    return true
  }

  /** After a whole-file write: where the next append goes, if the file ends with the array. */
  #afterWholeWrite(text: string): void {
    if (this.#appendTo === undefined) return
    const items = (this.#db.data.data as Record<string, unknown>)[this.#appendTo]
    if (!text.endsWith(TAIL) || !Array.isArray(items)) {
      this.#appendAt = null
      return
    }
    this.#appendAt = Buffer.byteLength(text, 'utf8') - TAIL.length
    this.#diskArrayEmpty = text.endsWith(`[${TAIL}`)
  }

  async #writeBatch(): Promise<void> {
    if (!this.#writeBlocked) await this.#dailyBackup()
    // Everything queued until now (including during the backup) is in this write.
    const batch = this.#queued
    this.#queued = []
    try {
      if (this.#writeBlocked) throw this.#writeBlocked
      if (this.#opts.validateWrites) this.#refuseInvalid(batch)
      if (!(await this.#tryAppend(batch))) {
        // The rename replaces the file the in-place handle points at.
        await this.#closeInPlace()
        this.#appendAt = null
        await this.#db.write()
        this.#afterWholeWrite(this.#writingText as string)
      }
      if (this.#writingText !== null) {
        this.#diskText = this.#writingText
        this.#diskChunks = []
        this.#diskTextIsFile = false
      }
      if (this.#writingChunk !== null) this.#diskChunks.push(this.#writingChunk)
      this.#fileValid = true
      this.#writingText = null
      this.#writingChunk = null
      for (const p of batch) p.resolve()
    } catch (err) {
      this.#writingText = null
      this.#writingChunk = null
      // The file may now end in a torn append: write it whole next time.
      this.#appendAt = null
      await this.#closeInPlace()
      const error = err instanceof ServiceError ? err : new WriteFailedError(this.path, err)
      for (const p of batch) p.reject(error)
      this.#rebuild()
    }
  }

  #refuseInvalid(batch: Pending[]): void {
    const result = this.#opts.schema.safeParse(this.#db.data.data)
    if (result.success) return
    const issues = result.error.issues.slice(0, 5).map((i) => ({ path: i.path.join('.'), message: i.message }))
    throw new ServiceError(
      'internal',
      `Refused to save ${this.#opts.name}: ${batch.length === 1 ? 'the change' : 'one of these changes'} would make the file unreadable at the next start.`,
      issues
    )
  }

  /**
   * Memory = the state being written (or on disk) + replay of the updates
   * still queued. Queued updates are not part of any failed write, so they
   * keep their chance to be saved; one whose mutator now throws is rejected.
   */
  #rebuild(): void {
    let base = this.#writingText
    let fromFile = false
    if (base === null) {
      const chunks = this.#writingChunk === null ? this.#diskChunks : [...this.#diskChunks, this.#writingChunk]
      base = chunks.length === 0 ? this.#diskText : this.#diskText.slice(0, -TAIL.length) + chunks.join('') + TAIL
      fromFile = chunks.length === 0 && this.#diskTextIsFile
    }
    for (;;) {
      this.#db.data = fromFile ? this.#decodeFileText(base) : (JSON.parse(base) as Envelope<T>)
      const draft = this.#db.data.data
      const failed = this.#queued.findIndex((p) => {
        try {
          p.mutate(draft)
          return false
        } catch (err) {
          p.reject(err)
          return true
        }
      })
      if (failed < 0) return
      this.#queued.splice(failed, 1)
    }
  }

  /** The file as read at open, decoded as opening did (it was valid and current then). */
  #decodeFileText(text: string): Envelope<T> {
    const parsed = JSON.parse(text) as Envelope<unknown>
    const data = migrate(parsed.data, parsed.schemaVersion, this.#opts.version, this.#opts.migrations)
    return { schemaVersion: this.#opts.version, data: this.#opts.schema.parse(data) }
  }

  async #dailyBackup(): Promise<void> {
    const keep = this.#opts.keepBackups ?? 7
    const day = dayKey(this.#clock())
    if (keep <= 0 || day === this.#backupDay) return
    if (!this.#fileValid) {
      // No valid file before today's first write: nothing to keep for today.
      this.#backupDay = day
      return
    }
    try {
      const { dir, name } = this.#opts
      await ensureDailyBackup({ fs: this.#fs, dir, name, source: this.path, day, keep, fsync: this.#opts.fsync ?? true })
      this.#backupDay = day
    } catch {
      // A missed backup must not stop the student's change from being saved;
      // it is tried again before the next write.
    }
  }
}

export async function openJsonStore<T>(opts: JsonStoreOptions<T>): Promise<JsonStore<T>> {
  return openStore(opts)
}

/** A store whose `appendTo` array can grow without rewriting the file (see append()). */
export async function openAppendableJsonStore<T, K extends keyof T & string>(opts: AppendableStoreOptions<T, K>): Promise<AppendableJsonStore<T, K>> {
  return openStore(opts) as Promise<AppendableJsonStore<T, K>>
}

async function openStore<T>(opts: JsonStoreOptions<T> & { appendTo?: string }): Promise<FileJsonStore<T>> {
  if (!NAME.test(opts.name)) throw new TypeError(`store name "${opts.name}" must be letters, digits, - or _`)
  if (!Number.isSafeInteger(opts.version) || opts.version < 1) throw new TypeError(`store version must be an integer ≥ 1`)
  const fs = storeFs(opts.fs)
  const spec: DecodeSpec<T> = { schema: opts.schema, version: opts.version, ...(opts.migrations ? { migrations: opts.migrations } : {}) }
  const loaded = await loadStoreFile<T>({
    fs,
    dir: opts.dir,
    name: opts.name,
    file: join(opts.dir, `${opts.name}.json`),
    spec,
    defaults: opts.defaults,
    clock: opts.clock ?? (() => new Date()),
    ...(opts.appendTo !== undefined ? { appendTo: opts.appendTo } : {})
  })
  const store = new FileJsonStore<T>(opts, fs, loaded)
  if (loaded.needsSave) await store.saveLoadedState()
  return store
}
