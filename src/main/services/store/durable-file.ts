// Why: lowdb's standard file adapter is `new Low(new JSONFile(path), defaults)`.
// JSONFile is just DataFile with pretty-printed JSON.stringify; DataFile takes
// its own parse/stringify, which is how lowdb lets you keep compact JSON. This
// class honours the same contract (lowdb `Adapter<T>`, `{ parse, stringify }`)
// but replaces DataFile's writer (steno) for three reasons:
//   1. steno never fsyncs: after a power cut the renamed file can come back
//      empty on ext4/NTFS, losing a write we had already acknowledged. Here the
//      temp file is fsynced before the rename and the folder after it.
//   2. steno's `rename` is imported straight from node:fs, so a failing disk
//      cannot be simulated in tests; this adapter goes through `StoreFs`.
//   3. steno coalesces queued writes and may reject one write's promise for a
//      later write's failure. JsonStore serialises writes itself (one in flight),
//      so that machinery is not needed.
// The temp file keeps steno's name (`.<file>.tmp`) so a stale one from either
// writer is recognised and removed at open.
import { basename, dirname, join } from 'node:path'
import type { Adapter } from 'lowdb'
import { errnoOf, removeIfPresent, type StoreFs } from './fs-ops'

export function tempPathFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.tmp`)
}

// Windows: an antivirus or indexer briefly holding the target file makes
// rename fail with EPERM/EBUSY/EACCES; steno retries 10 × 100 ms for this.
const TRANSIENT_RENAME = new Set(['EPERM', 'EBUSY', 'EACCES'])

export interface DurableDataFileOptions<T> {
  parse: (text: string) => T
  stringify: (data: T) => string
  fs: StoreFs
  /** fsync the temp file before rename and the folder after it (default true). */
  fsync?: boolean
  /** Extra rename attempts on transient errors; default 10 on Windows, 0 elsewhere. */
  renameRetries?: number
  retryDelayMs?: number
}

/** Atomic, durable text-file adapter for lowdb: temp + fsync + rename. */
export class DurableDataFile<T> implements Adapter<T> {
  readonly filename: string
  readonly tempFilename: string
  readonly #opts: Required<DurableDataFileOptions<T>>

  constructor(filename: string, opts: DurableDataFileOptions<T>) {
    this.filename = filename
    this.tempFilename = tempPathFor(filename)
    this.#opts = {
      fsync: true,
      renameRetries: process.platform === 'win32' ? 10 : 0,
      retryDelayMs: 100,
      ...opts
    }
  }

  async read(): Promise<T | null> {
    let bytes: Buffer
    try {
      bytes = await this.#opts.fs.readFile(this.filename)
    } catch (err) {
      if (errnoOf(err) === 'ENOENT') return null
      throw err
    }
    return this.#opts.parse(bytes.toString('utf8'))
  }

  async write(data: T): Promise<void> {
    // stringify runs synchronously, before the first await: the caller may
    // keep mutating `data` while the bytes are on their way to disk.
    const text = this.#opts.stringify(data)
    const { fs, fsync } = this.#opts
    try {
      await fs.writeFile(this.tempFilename, text, { flag: 'w', fsync })
      await this.#renameWithRetry()
    } catch (err) {
      // The target was not replaced; don't leave a half-written temp behind.
      await removeIfPresent(fs, this.tempFilename).catch(() => undefined)
      throw err
    }
    if (fsync) await fs.syncDir(dirname(this.filename))
  }

  async #renameWithRetry(): Promise<void> {
    const { fs, renameRetries, retryDelayMs } = this.#opts
    for (let attempt = 0; ; attempt++) {
      try {
        await fs.rename(this.tempFilename, this.filename)
        return
      } catch (err) {
        const code = errnoOf(err)
        if (attempt >= renameRetries || code === undefined || !TRANSIENT_RENAME.has(code)) throw err
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs))
      }
    }
  }
}
