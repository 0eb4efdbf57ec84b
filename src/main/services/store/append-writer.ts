// Why: the study journal grows by a few items at a time, and rewriting a
// multi-MB file for each would cost far more than the items themselves. An
// appendable store's file always ends with its `appendTo` array, each item on
// its own line, closed by `]}}`; new items overwrite that closing `]}}` in
// place and are fdatasync'ed, so the file is whole JSON again after every
// append. A save cut short leaves a torn tail, which opening trims back to the
// last whole item at a newline (see recovery.ts). Anything that makes the file
// no longer match what we last left there sends the store back to whole-file
// writes (see file-json-store.ts).
import type { Envelope } from './migrations'
import type { InPlaceFile, StoreFs } from './fs-ops'

/** The bytes that close an appendable store's file: `]` of the array, `}` of data, `}` of the envelope. */
export const TAIL = ']}}'
/** An unused in-place handle is closed after this long. */
const IDLE_CLOSE_MS = 2000

/** Array items as an appendable store writes them: each on its own line, so opening can cut a torn tail back at a newline. */
function itemLines(items: readonly unknown[], atStart: boolean): string {
  if (items.length === 0) return ''
  return `${atStart ? '' : ','}\n${items.map((item) => JSON.stringify(item)).join(',\n')}`
}

/**
 * Compact JSON with the `field` array last, so the file ends with it, and
 * each of its items starting a new line, exactly as append() writes them:
 * the same data always gives the same bytes, however it was saved.
 */
export function stringifyAppendable(env: Envelope<unknown>, field: string): string {
  const { [field]: items, ...rest } = env.data as Record<string, unknown>
  if (!Array.isArray(items)) return JSON.stringify({ schemaVersion: env.schemaVersion, data: { ...rest, [field]: items } })
  const head = JSON.stringify({ schemaVersion: env.schemaVersion, data: { ...rest, [field]: [] } })
  return head.slice(0, -TAIL.length) + itemLines(items, true) + TAIL
}

/** Where the next append goes in one store's file, and the handle that writes it. */
export class AppendWriter {
  readonly #path: string
  readonly #fs: StoreFs
  readonly #fsync: boolean
  /** Byte offset of the file's closing TAIL when the file on disk ends with the appendTo array; null: write the whole file next. */
  #appendAt: number | null = null
  /** The appendTo array on disk is empty (no comma before the first item). */
  #diskArrayEmpty = true
  #inPlace: InPlaceFile | null = null
  #idleTimer: NodeJS.Timeout | null = null

  constructor(path: string, fs: StoreFs, fsync: boolean) {
    this.#path = path
    this.#fs = fs
    this.#fsync = fsync
  }

  /** The file on disk ends where we left it, so items can go in place. */
  get ready(): boolean {
    return this.#appendAt !== null
  }

  /** The text `items` add before the TAIL at the current end of the array. */
  chunkFor(items: readonly unknown[]): string {
    return itemLines(items, this.#diskArrayEmpty)
  }

  /** Writes `chunk` over the file's closing TAIL, or returns false if the whole file must be written. */
  async write(chunk: string): Promise<boolean> {
    const at = this.#appendAt as number
    const bytes = Buffer.from(chunk + TAIL, 'utf8')
    if (!this.#inPlace) {
      // A file that is gone or not the length we left it: write it whole instead.
      const handle = await this.#fs.openInPlace(this.#path, this.#fsync).catch(() => null)
      const size = handle ? await handle.size().catch(() => -1) : -1
      if (!handle || size !== at + TAIL.length) {
        await handle?.close().catch(() => undefined)
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

  /** After a whole-file write of `text` holding `items`: where the next append goes, if the file ends with the array. */
  afterWholeWrite(text: string, items: unknown): void {
    if (!text.endsWith(TAIL) || !Array.isArray(items)) {
      this.#appendAt = null
      return
    }
    this.#appendAt = Buffer.byteLength(text, 'utf8') - TAIL.length
    this.#diskArrayEmpty = text.endsWith(`[${TAIL}`)
  }

  /** The file may no longer end where we left it: write it whole next time. */
  forget(): void {
    this.#appendAt = null
  }

  /** Closes the handle after IDLE_CLOSE_MS, unless `busy()` says a write is running by then. */
  closeWhenIdle(busy: () => boolean): void {
    if (!this.#inPlace) return
    if (this.#idleTimer) clearTimeout(this.#idleTimer)
    this.#idleTimer = setTimeout(() => {
      this.#idleTimer = null
      if (!busy()) void this.close()
    }, IDLE_CLOSE_MS)
    this.#idleTimer.unref()
  }

  async close(): Promise<void> {
    const handle = this.#inPlace
    this.#inPlace = null
    if (handle) await handle.close().catch(() => undefined)
  }
}
