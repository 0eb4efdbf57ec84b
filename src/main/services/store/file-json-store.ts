// Why: the promises json-store.ts makes (an update resolves only once it is
// on disk, a failed write rolls memory back, N rapid updates cost ~2 writes)
// all hang on one write queue per store. One write is in flight at a time;
// updates that arrive meanwhile are applied to memory at once and folded into
// the next write. A batch made only of appends goes in place (append-writer.ts);
// anything else rewrites the whole file (temp + fsync + rename, see
// durable-file.ts), after the day's backup copy if it is the first (backups.ts).
// On failure every update of the batch is rejected and memory is rebuilt from
// what is on disk (disk-image.ts) plus the updates still queued, which keep
// their chance to be saved.
import { join } from 'node:path'
import { Low } from 'lowdb'
import type { StoreNotice } from '../../../shared/domain'
import { ServiceError, WriteFailedError } from '../errors'
import { AppendWriter, stringifyAppendable } from './append-writer'
import { DailyBackup } from './backups'
import { DiskImage } from './disk-image'
import { DurableDataFile } from './durable-file'
import type { StoreFs } from './fs-ops'
import { migrate, type Envelope } from './migrations'
import { fileStamp, type LoadedState } from './recovery'
import type { JsonStore, JsonStoreOptions } from './store-types'

interface Pending {
  mutate: (draft: unknown) => void
  resolve: () => void
  reject: (err: unknown) => void
  /** Set for append(): the items its last run added, written on their own when the whole batch is appends. */
  items?: unknown[]
}

export class FileJsonStore<T> implements JsonStore<T> {
  readonly path: string
  readonly notices: StoreNotice[] = []
  readonly #db: Low<Envelope<T>>
  readonly #opts: JsonStoreOptions<T>
  readonly #clock: () => Date
  readonly #disk: DiskImage
  #queued: Pending[] = []
  #running: Promise<void> | null = null
  readonly #backup: DailyBackup
  /** Saving would destroy a bad file that could not be kept. */
  readonly #writeBlocked: unknown
  /** appendTo: the array append() adds to. */
  readonly #appendTo: string | undefined
  /** Set only for a store opened with appendTo. */
  readonly #appender: AppendWriter | undefined

  constructor(opts: JsonStoreOptions<T> & { appendTo?: string }, fs: StoreFs, loaded: LoadedState<T>) {
    this.#opts = opts
    this.#clock = opts.clock ?? (() => new Date())
    this.path = join(opts.dir, `${opts.name}.json`)
    this.#writeBlocked = loaded.writeBlocked
    this.#appendTo = opts.appendTo
    const fsync = opts.fsync ?? true
    const backup = { fs, dir: opts.dir, name: opts.name, source: this.path, keep: opts.keepBackups ?? 7, fsync }
    this.#backup = new DailyBackup(backup, this.#clock, loaded.fileValid)
    this.#appender = opts.appendTo === undefined ? undefined : new AppendWriter(this.path, fs, fsync)
    if (loaded.notice) this.notices.push(loaded.notice)
    const initial: Envelope<T> = { schemaVersion: opts.version, data: loaded.data }
    // The file's own text when it decodes to exactly this data: a 2 MB store
    // is not serialised again just to remember what is on disk.
    this.#disk = new DiskImage(loaded.text ?? JSON.stringify(initial), loaded.text !== undefined)
    // Compact JSON.stringify, captured so a failed write can roll back to it.
    const adapter = new DurableDataFile<Envelope<T>>(this.path, {
      parse: (text) => JSON.parse(text) as Envelope<T>,
      stringify: (env) => (this.#disk.writingText = this.#appendTo === undefined ? JSON.stringify(env) : stringifyAppendable(env, this.#appendTo)),
      fs,
      fsync
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
        this.#appender?.closeWhenIdle(() => this.#running !== null)
      }
    })()
  }

  /** Writes the batch's items over the file's closing TAIL, or returns false if the whole file must be written. */
  async #tryAppend(batch: Pending[]): Promise<boolean> {
    const appender = this.#appender
    if (!appender?.ready || batch.some((p) => p.items === undefined)) return false
    const items = batch.flatMap((p) => p.items as unknown[])
    if (items.length === 0) return true
    const chunk = appender.chunkFor(items)
    this.#disk.writingChunk = chunk
    if (await appender.write(chunk)) return true
    this.#disk.writingChunk = null
    return false
  }

  async #writeBatch(): Promise<void> {
    if (!this.#writeBlocked) await this.#backup.beforeWrite()
    // Everything queued until now (including during the backup) is in this write.
    const batch = this.#queued
    this.#queued = []
    try {
      if (this.#writeBlocked) throw this.#writeBlocked
      if (this.#opts.validateWrites) this.#refuseInvalid(batch)
      if (!(await this.#tryAppend(batch))) {
        // The rename replaces the file the in-place handle points at.
        await this.#appender?.close()
        this.#appender?.forget()
        await this.#db.write()
        if (this.#appendTo !== undefined) {
          this.#appender?.afterWholeWrite(this.#disk.writingText as string, (this.#db.data.data as Record<string, unknown>)[this.#appendTo])
        }
      }
      this.#disk.landed()
      this.#backup.fileValid = true
      for (const p of batch) p.resolve()
    } catch (err) {
      this.#disk.abandon()
      // The file may now end in a torn append: write it whole next time.
      this.#appender?.forget()
      await this.#appender?.close()
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
    const { text, fromFile } = this.#disk.base()
    for (;;) {
      this.#db.data = fromFile ? this.#decodeFileText(text) : (JSON.parse(text) as Envelope<T>)
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
}
