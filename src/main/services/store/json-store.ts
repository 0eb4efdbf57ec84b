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
// Data is validated with zod on open only; writes are trusted (perf: a 20k-log
// state must save in ~10 ms), so schemas must describe plain JSON values.
import { join } from 'node:path'
import { Low } from 'lowdb'
import type * as z from 'zod'
import type { StoreNotice } from '../../../shared/domain'
import { ServiceError, WriteFailedError } from '../errors'
import { dayKey, ensureDailyBackup } from './backups'
import { DurableDataFile } from './durable-file'
import { storeFs, type StoreFs } from './fs-ops'
import type { DecodeSpec, Envelope, Migrations } from './migrations'
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

interface Pending {
  mutate: (draft: unknown) => void
  resolve: () => void
  reject: (err: unknown) => void
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/

class FileJsonStore<T> implements JsonStore<T> {
  readonly path: string
  readonly notices: StoreNotice[] = []
  readonly #db: Low<Envelope<T>>
  readonly #fs: StoreFs
  readonly #opts: JsonStoreOptions<T>
  readonly #clock: () => Date
  /** Envelope text of what reopening would load: the last write that landed. */
  #diskText: string
  /** Text of the write in flight, captured as it is serialised. */
  #writingText: string | null = null
  #queued: Pending[] = []
  #running: Promise<void> | null = null
  /** The file on disk is a valid store, so it may be copied as a backup. */
  #fileValid: boolean
  #backupDay: string | null = null
  /** Saving would destroy a bad file that could not be kept. */
  readonly #writeBlocked: unknown

  constructor(opts: JsonStoreOptions<T>, fs: StoreFs, loaded: LoadedState<T>) {
    this.#opts = opts
    this.#fs = fs
    this.#clock = opts.clock ?? (() => new Date())
    this.path = join(opts.dir, `${opts.name}.json`)
    this.#fileValid = loaded.fileValid
    this.#writeBlocked = loaded.writeBlocked
    if (loaded.notice) this.notices.push(loaded.notice)
    const initial: Envelope<T> = { schemaVersion: opts.version, data: loaded.data }
    this.#diskText = JSON.stringify(initial)
    // Compact JSON.stringify, captured so a failed write can roll back to it.
    const adapter = new DurableDataFile<Envelope<T>>(this.path, {
      parse: (text) => JSON.parse(text) as Envelope<T>,
      stringify: (env) => (this.#writingText = JSON.stringify(env)),
      fs,
      fsync: opts.fsync ?? true
    })
    this.#db = new Low(adapter, initial)
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
      }
    })()
  }

  async #writeBatch(): Promise<void> {
    if (!this.#writeBlocked) await this.#dailyBackup()
    // Everything queued until now (including during the backup) is in this write.
    const batch = this.#queued
    this.#queued = []
    try {
      if (this.#writeBlocked) throw this.#writeBlocked
      if (this.#opts.validateWrites) this.#refuseInvalid(batch)
      await this.#db.write()
      this.#diskText = this.#writingText as string
      this.#fileValid = true
      this.#writingText = null
      for (const p of batch) p.resolve()
    } catch (err) {
      this.#writingText = null
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
    const base = this.#writingText ?? this.#diskText
    for (;;) {
      this.#db.data = JSON.parse(base) as Envelope<T>
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
    clock: opts.clock ?? (() => new Date())
  })
  const store = new FileJsonStore<T>(opts, fs, loaded)
  if (loaded.needsSave) await store.saveLoadedState()
  return store
}
