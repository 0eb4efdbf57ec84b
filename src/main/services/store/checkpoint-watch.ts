// Why: a checkpoint runs in the background, after the change that triggered
// it was already confirmed, so nobody awaits it. If it fails (a full disk, a
// file held by another program), nothing is lost: every entry stays in the
// journal. But the journal then only grows, so the failure must not pass
// silently: it becomes a notice the student sees, the checkpoint is tried
// again (at the next change once a backoff has passed, and on a timer), and
// the notice goes away once a checkpoint succeeds.
import { basename } from 'node:path'
import type { StoreNotice } from '../../../shared/domain'
import { WriteFailedError } from '../errors'
import { errnoOf } from './fs-ops'
import { fileStamp } from './recovery'

/** The first retry waits this long by default; each further failure doubles it, up to RETRY_MAX_MS. */
export const RETRY_MS = 5_000
const RETRY_MAX_MS = 5 * 60_000

export interface CheckpointWatchOptions {
  /** The store's name, for the notice's id. */
  name: string
  /** The journal file, where every change stays until a checkpoint succeeds. */
  journal: string
  /** What the checkpoint folds, for the notice ("older answers", "older highlight changes"). */
  what: string
  clock: () => Date
  retryMs: number
  /** Starts a checkpoint (called when a retry falls due). */
  retry: () => void
}

export class CheckpointWatch {
  readonly #opts: CheckpointWatchOptions
  #notice: StoreNotice | null = null
  #failures = 0
  /** performance.now() after which a change may start the retry. */
  #retryAt = 0
  #timer: NodeJS.Timeout | null = null

  constructor(opts: CheckpointWatchOptions) {
    this.#opts = opts
  }

  /** The notice while checkpoints are failing, else none. */
  get notices(): StoreNotice[] {
    return this.#notice ? [this.#notice] : []
  }

  /** A checkpoint failed before and its backoff has passed: the next change should try again. */
  get retryDue(): boolean {
    return this.#failures > 0 && performance.now() >= this.#retryAt
  }

  succeeded(): void {
    this.#failures = 0
    this.#notice = null
    this.stop()
  }

  failed(err: unknown): void {
    this.#failures++
    const delay = Math.min(RETRY_MAX_MS, this.#opts.retryMs * 2 ** (this.#failures - 1))
    this.#retryAt = performance.now() + delay
    const file = err instanceof WriteFailedError ? err.file : this.#opts.journal
    const cause = err instanceof WriteFailedError ? (err.errno ?? errnoOf(err.cause) ?? 'an error') : err instanceof Error ? err.message : String(err)
    const at = this.#notice?.at ?? this.#opts.clock().toISOString()
    // One notice per run of failures: the same id until a checkpoint succeeds, so it is not repeated.
    this.#notice = {
      id: this.#notice?.id ?? `${this.#opts.name}-checkpoint-failed-${fileStamp(new Date(at))}`,
      kind: 'checkpoint-failed',
      file,
      reason:
        `Folding ${this.#opts.what} into ${basename(file)} failed (${cause}), ${this.#failures === 1 ? 'once' : `${this.#failures} times in a row`}. ` +
        `Nothing is lost: every change is still saved in ${basename(this.#opts.journal)}, which grows until this works again. ` +
        `The app tries again in ${Math.round(delay / 1000)} s and after your next change.`,
      at
    }
    this.stop()
    this.#timer = setTimeout(() => {
      this.#timer = null
      this.#opts.retry()
    }, delay)
    // A pending retry must not keep the app (or a test run) alive.
    this.#timer.unref()
  }

  /** Cancels a scheduled retry (the next change can still start one). */
  stop(): void {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = null
  }
}
