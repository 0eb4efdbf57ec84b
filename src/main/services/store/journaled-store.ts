// Why: a change must be on disk before it is confirmed, and a student with
// 20,000 reviews or 5,000 highlights must not wait for a multi-MB rewrite each
// time. So both study and annotations save the same way, through this one
// engine: a change is appended to a small journal file in place (written
// through before it resolves; a torn last entry is trimmed at the next open,
// see recovery.ts), and every `checkpointAt` changes a background checkpoint
// folds the older entries into the store's saved files and trims the journal.
//   current state = the saved files + the journal entries past appliedThrough
// The store says how entries fold (its Folding); this engine keeps positions,
// the live view, the checkpoint and its failures. A checkpoint's steps are each
// atomic and repeatable (the saved files first, moving appliedThrough last,
// then the trim), so a crash between steps loses nothing and the next open
// finishes the job. A failed checkpoint raises a notice and is retried (see
// checkpoint-watch.ts). Writes are ordered by the journal's own write queue: a
// change is decided synchronously against the live view (pending changes
// included) and queued in call order, so no queue is needed on top.
import type * as z from 'zod'
import type { StoreNotice } from '../../../shared/domain'
import { CheckpointWatch, RETRY_MS } from './checkpoint-watch'
import { refreshIndex, type JournalIndex, type LiveView } from './journal-index'
import { openAppendableJsonStore, type AppendableJsonStore } from './json-store'
import type { StoreFileOptions } from './store-types'
import { nextSlice } from './turns'

export interface JournalSpec<J> {
  name: string
  version: number
  schema: z.ZodType<J>
  defaults: () => J
  /** The entry field holding its position in the journal (study: 'id', annotations: 'seq'). */
  seq: string
  /** The journal field with the next free position as last rewritten (an append does not rewrite it). */
  next: string
  /** The journal field remembering the highest position a checkpoint trimmed, if the store keeps one. */
  trimmed?: string
}

/** What a store tells the engine about its saved files. */
export interface Folding<E, V> extends LiveView<E, V> {
  /** Entries with a position up to this are in the saved files. */
  appliedThrough(): number
  /** Writes `entries` (oldest first, copies) into the saved files, moving appliedThrough to `through` in the last write. */
  fold(entries: E[], through: number): Promise<void>
}

export interface JournaledOptions {
  /** Checkpoint once more than this many entries are unfolded (default 100). */
  checkpointAt?: number
  /** Entries a checkpoint leaves unfolded, newest first, e.g. so they stay undoable (default 0). */
  keepLive?: number
  /** First retry delay after a failed checkpoint (doubles per failure); default RETRY_MS. */
  retryMs?: number
  /** What a checkpoint folds, for its failure notice. */
  what: string
}

type Journal<E> = { entries: E[] } & Record<string, unknown>

/** Opens a journal file: appendable, so a change adds one line in place. */
export function openJournal<J extends { entries: unknown[] }>(spec: JournalSpec<J>, files: StoreFileOptions): Promise<AppendableJsonStore<J, 'entries'>> {
  return openAppendableJsonStore<J, 'entries'>({
    ...files,
    name: spec.name,
    version: spec.version,
    schema: spec.schema,
    defaults: spec.defaults,
    appendTo: 'entries'
  })
}

/** `E`: a journal entry; `N`: an entry as decided, before it has a position; `V`: the live view. */
export class JournaledStore<J extends { entries: E[] }, E, N, V> {
  readonly journal: AppendableJsonStore<J, 'entries'>
  readonly #spec: JournalSpec<J>
  readonly #folding: Folding<E, V>
  readonly #checkpointAt: number
  readonly #keepLive: number
  readonly #watch: CheckpointWatch
  #index: JournalIndex<E, V> | null = null
  /** Bumped by reset(): the live view is rebuilt even if the arrays look the same. */
  #generation = 0
  /** Entries with a position below this are on disk; only they may be folded. */
  #durable: number
  /** Entries up to this position are being (or were) checkpointed: no longer removable. */
  #ceiling = 0
  /** Removals still being written (a checkpoint waits for them before it picks what to fold). */
  readonly #removing = new Set<Promise<void>>()
  /** The checkpoint running now; it never rejects (its failure is the watch's). */
  #running: Promise<void> | null = null
  /** Set while a backup reads or a restore replaces the files: no checkpoint may start. */
  #held = 0

  constructor(journal: AppendableJsonStore<J, 'entries'>, spec: JournalSpec<J>, folding: Folding<E, V>, opts: JournaledOptions & { clock?: () => Date }) {
    this.journal = journal
    this.#spec = spec
    this.#folding = folding
    this.#checkpointAt = opts.checkpointAt ?? 100
    this.#keepLive = opts.keepLive ?? 0
    this.#watch = new CheckpointWatch({
      name: spec.name,
      journal: journal.path,
      what: opts.what,
      clock: opts.clock ?? (() => new Date()),
      retryMs: opts.retryMs ?? RETRY_MS,
      retry: () => this.#maybeCheckpoint(true)
    })
    this.#durable = this.#nextFree(journal.data)
  }

  /** Finishes a checkpoint a crash interrupted (entries folded but not trimmed), or one that is simply due. */
  resume(): void {
    const applied = this.#folding.appliedThrough()
    this.#maybeCheckpoint(this.journal.data.entries.some((e) => this.#seq(e) <= applied))
  }

  /** The live view: the saved files plus every unfolded entry, pending ones included. */
  view(): V {
    return this.#refresh().view
  }

  /** Unfolded entries, oldest first, pending ones included. */
  live(): E[] {
    const applied = this.#folding.appliedThrough()
    return this.journal.data.entries.filter((e) => this.#seq(e) > applied)
  }

  isDurable(entry: E): boolean {
    return this.#seq(entry) < this.#durable
  }

  /** Entries up to this position are being (or were) checkpointed. */
  get ceiling(): number {
    return this.#ceiling
  }

  /** The journal's recovery notices and, while checkpoints fail, the notice saying so. */
  get notices(): StoreNotice[] {
    return [...this.journal.notices, ...this.#watch.notices]
  }

  /**
   * Appends what `decide` returns and resolves with the entries once on disk.
   * `decide` runs now, on the live view (again if a failed write before it
   * makes the journal replay it), so each change sees every change before it.
   */
  async append(decide: (view: V) => N[]): Promise<E[]> {
    let written: E[] = []
    await this.journal.append((draft) => {
      const decided = decide(this.#refresh(draft.entries).view)
      let seq = Math.max(this.#nextFree(draft), this.#folding.appliedThrough() + 1, this.#trimmedOf(draft) + 1)
      written = decided.map((entry) => ({ ...entry, [this.#spec.seq]: seq++ }) as unknown as E)
      return written as never
    })
    const last = written.at(-1)
    if (last !== undefined) this.#durable = Math.max(this.#durable, this.#seq(last) + 1)
    this.#maybeCheckpoint(false)
    return written
  }

  /** Takes an unfolded entry out of the journal (undo); its position is not given out again. */
  remove(seq: number): Promise<void> {
    if (seq <= this.#ceiling) return Promise.reject(new Error(`journal entry ${seq} is already being checkpointed`))
    const removing = this.journal.update((draft) => {
      const next = Math.max(this.#nextFree(draft), seq + 1)
      ;(draft as unknown as Journal<E>)[this.#spec.next] = next
      draft.entries = draft.entries.filter((e) => this.#seq(e) !== seq)
    })
    this.#removing.add(removing)
    const done = (): void => void this.#removing.delete(removing)
    removing.then(done, done)
    return removing
  }

  /** Folds all but the newest `keepLive` entries on disk into the saved files, then trims the journal. */
  checkpoint(keepLive = this.#keepLive): Promise<void> {
    const prior = this.#running
    const run = (async () => {
      if (prior) await prior
      // Started from a change or from open: let that turn finish first.
      await nextSlice()
      return this.#fold(keepLive)
    })()
    const tracked: Promise<void> = run.then(
      (folded) => {
        this.#watch.succeeded()
        if (this.#running === tracked) this.#running = null
        // Changes that arrived while it ran may make another one due (flush() waits for that one too).
        if (folded) this.#maybeCheckpoint(false)
      },
      (err: unknown) => {
        this.#watch.failed(err)
        if (this.#running === tracked) this.#running = null
      }
    )
    this.#running = tracked
    return run.then(() => undefined)
  }

  /**
   * Runs `task` with no checkpoint running or starting, not even a retry: a
   * backup must read the files as one state, and a restore replaces them.
   */
  async hold<T>(task: () => Promise<T>): Promise<T> {
    this.#held++
    try {
      await this.flush()
      return await task()
    } finally {
      this.#held--
      // A retry that fell due meanwhile runs now.
      this.#maybeCheckpoint(false)
    }
  }

  /** Waits for the checkpoint in progress and every pending journal write. */
  async flush(): Promise<void> {
    while (this.#running) await this.#running
    await this.journal.flush()
  }

  /** The files were replaced (restore, reset): every entry in the journal is on disk, and the view starts over. */
  reset(): void {
    this.#generation++
    this.#durable = this.#nextFree(this.journal.data)
    this.#ceiling = 0
  }

  /** Stops a scheduled retry (the app is closing). */
  close(): void {
    this.#watch.stop()
  }

  /** Returns whether it folded anything. */
  async #fold(keepLive: number): Promise<boolean> {
    const applied = this.#folding.appliedThrough()
    const picked = this.#onDisk(applied, Infinity)
    const last = picked[picked.length - 1 - keepLive]
    if (last !== undefined) {
      const through = this.#seq(last)
      this.#ceiling = Math.max(this.#ceiling, through)
      // An undo still being written may fail and put its entry back: wait, then fold whatever is there.
      if (this.#removing.size > 0) await Promise.allSettled([...this.#removing])
      // Copies, so the saved files and the journal never share an object.
      await this.#folding.fold(structuredClone(this.#onDisk(applied, through)), through)
    }
    const done = this.#folding.appliedThrough()
    if (!this.journal.data.entries.some((e) => this.#seq(e) <= done)) return last !== undefined
    await this.journal.update((draft) => {
      const journal = draft as unknown as Journal<E>
      journal[this.#spec.next] = this.#nextFree(draft)
      draft.entries = draft.entries.filter((e) => this.#seq(e) > done)
      if (this.#spec.trimmed) journal[this.#spec.trimmed] = Math.max(this.#trimmedOf(draft), done)
    })
    return last !== undefined
  }

  /** Entries on disk with a position in (after, through], oldest first. */
  #onDisk(after: number, through: number): E[] {
    const seq = (e: E): number => this.#seq(e)
    return this.journal.data.entries.filter((e) => seq(e) > after && seq(e) <= through && seq(e) < this.#durable).sort((a, b) => seq(a) - seq(b))
  }

  /** Starts a background checkpoint when one is due: too many unfolded entries, a retry whose time has come, or `force`. */
  #maybeCheckpoint(force: boolean): void {
    if (this.#running || this.#held > 0) return
    if (!force && !this.#watch.retryDue && this.#refresh().unfolded <= Math.max(this.#checkpointAt, this.#keepLive)) return
    // Its failure is reported by the watch (a notice, then a retry), never thrown at whoever triggered it.
    this.checkpoint().catch(() => undefined)
  }

  #refresh(entries: E[] = this.journal.data.entries): JournalIndex<E, V> {
    const at = { entries, applied: this.#folding.appliedThrough(), generation: this.#generation }
    return (this.#index = refreshIndex(this.#index, at, (e) => this.#seq(e), this.#folding))
  }

  #seq(entry: E): number {
    return (entry as Record<string, unknown>)[this.#spec.seq] as number
  }

  #trimmedOf(journal: J): number {
    return this.#spec.trimmed ? ((journal as unknown as Journal<E>)[this.#spec.trimmed] as number) : 0
  }

  /** The next free position: past the stored counter and past every entry (an append does not rewrite the counter). */
  #nextFree(journal: J): number {
    return Math.max((journal as unknown as Journal<E>)[this.#spec.next] as number, this.#refresh(journal.entries).maxSeq + 1)
  }
}
