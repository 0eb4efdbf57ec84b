// Why: an answer a student wrote under the clock must be on disk before the
// desk says "saved", exactly like a review. So attempts are kept the way
// highlights are: each save or score is appended to a small journal
// (writing-journal.json, the whole attempt per entry) and a checkpoint now and
// then folds the journal into writing.json; the journaled store (see
// store/journaled-store.ts) does both, with the same recovery of a damaged
// file (bytes kept, newest good copy loaded, a notice raised).
//   current attempts = writing.json + the journal entries past appliedThrough
import type { StoreNotice } from '../../../shared/domain'
import { JournaledStore, openJournal, type JournalSpec } from '../store/journaled-store'
import { openJsonStore, type AppendableJsonStore, type JsonStore, type StoreFileOptions } from '../store/json-store'
import {
  emptyWritingJournal,
  emptyWritingSnapshot,
  WRITING_STORE,
  WritingJournalSchema,
  WritingSnapshotSchema,
  type NewWritingEntry,
  type StoredAttempt,
  type WritingJournal,
  type WritingJournalEntry,
  type WritingSnapshot
} from './attempt-schema'

const JOURNAL: JournalSpec<WritingJournal> = {
  name: WRITING_STORE.journal,
  version: WRITING_STORE.version,
  schema: WritingJournalSchema,
  defaults: emptyWritingJournal,
  seq: 'seq',
  next: 'nextSeq'
}

/** The live view: the newest unfolded copy of each attempt. */
interface AttemptView {
  latest: Map<string, StoredAttempt>
}

export interface AttemptStoreOptions {
  dir: string
  clock?: () => Date
  /** Checkpoint once the journal holds more unfolded entries than this (default 50: entries carry whole answers). */
  checkpointAt?: number
  retryMs?: number
  /** Passed to every store file (tests inject failing writes). */
  store?: Omit<StoreFileOptions, 'dir' | 'clock'>
}

export class AttemptStore {
  readonly snapshot: JsonStore<WritingSnapshot>
  readonly #journaled: JournaledStore<WritingJournal, WritingJournalEntry, NewWritingEntry, AttemptView>

  private constructor(opts: AttemptStoreOptions, snapshot: JsonStore<WritingSnapshot>, journal: AppendableJsonStore<WritingJournal, 'entries'>) {
    this.snapshot = snapshot
    this.#journaled = new JournaledStore(
      journal,
      JOURNAL,
      {
        appliedThrough: () => snapshot.data.appliedThrough,
        start: () => ({ latest: new Map() }),
        add: (view, e) => void view.latest.set(e.attempt.id, e.attempt),
        fold: (entries, through) =>
          snapshot.update((draft) => {
            for (const e of entries) if (e.seq > draft.appliedThrough) draft.attempts[e.attempt.id] = e.attempt
            draft.appliedThrough = Math.max(draft.appliedThrough, through)
          })
      },
      {
        what: 'older answer attempts',
        checkpointAt: opts.checkpointAt ?? 50,
        ...(opts.retryMs !== undefined ? { retryMs: opts.retryMs } : {}),
        ...(opts.clock ? { clock: opts.clock } : {})
      }
    )
  }

  static async open(opts: AttemptStoreOptions): Promise<AttemptStore> {
    const files: StoreFileOptions = { dir: opts.dir, ...(opts.clock ? { clock: opts.clock } : {}), ...opts.store }
    const [snapshot, journal] = await Promise.all([
      openJsonStore<WritingSnapshot>({
        ...files,
        name: WRITING_STORE.name,
        version: WRITING_STORE.version,
        schema: WritingSnapshotSchema,
        defaults: emptyWritingSnapshot
      }),
      openJournal(JOURNAL, files)
    ])
    const store = new AttemptStore(opts, snapshot, journal)
    store.#journaled.resume()
    return store
  }

  get journal(): AppendableJsonStore<WritingJournal, 'entries'> {
    return this.#journaled.journal
  }

  get notices(): StoreNotice[] {
    return [...this.snapshot.notices, ...this.#journaled.notices]
  }

  /** The attempt as it now is, pending writes included. */
  get(id: string): StoredAttempt | undefined {
    const live = this.#journaled.view().latest.get(id)
    if (live) return live
    const saved = this.snapshot.data.attempts
    return Object.hasOwn(saved, id) ? saved[id] : undefined
  }

  /** Every attempt, in no particular order. */
  values(): StoredAttempt[] {
    const latest = this.#journaled.view().latest
    const out = Object.values(this.snapshot.data.attempts).filter((a) => !latest.has(a.id))
    return [...out, ...latest.values()]
  }

  /**
   * Saves the attempt `decide` returns (decided now against the current
   * attempts, writes still pending included); resolves with it once on disk.
   */
  async put(decide: (get: (id: string) => StoredAttempt | undefined, all: () => StoredAttempt[]) => StoredAttempt): Promise<StoredAttempt> {
    const [entry] = await this.#journaled.append(() => [
      {
        attempt: decide(
          (id) => this.get(id),
          () => this.values()
        )
      }
    ])
    return (entry as WritingJournalEntry).attempt
  }

  checkpoint(): Promise<void> {
    return this.#journaled.checkpoint()
  }

  async flush(): Promise<void> {
    await this.#journaled.flush()
    await this.snapshot.flush()
  }

  /** Both files as on disk, for a backup. */
  async exportAll(): Promise<{ snapshot: WritingSnapshot; journal: WritingJournal }> {
    return this.#journaled.hold(async () => {
      await this.flush()
      return { snapshot: structuredClone(this.snapshot.data), journal: structuredClone(this.journal.data) }
    })
  }

  /** Replaces the files given (restore, reset); resolves once on disk. */
  async replaceAll(next: { snapshot?: WritingSnapshot; journal?: WritingJournal }): Promise<void> {
    await this.#journaled.hold(async () => {
      await this.flush()
      try {
        if (next.snapshot) await this.snapshot.replace(next.snapshot)
        if (next.journal) await this.journal.replace(next.journal)
      } finally {
        this.#journaled.reset()
      }
    })
  }

  close(): void {
    this.#journaled.close()
  }
}
