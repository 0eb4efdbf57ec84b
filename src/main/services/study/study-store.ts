// Why: every answer must be on disk before the call resolves, and a student
// with 20,000 reviews must not wait for a 5 MB rewrite each time. So an answer
// is appended to the small journal (study-journal.json: the reviews since the
// last checkpoint, each carrying the card it produced), and every
// `checkpointAt` answers a background checkpoint folds the older entries into
// the history parts and study.json, keeping the newest `keepLive` in the
// journal so they can be undone; the journaled store (see
// store/journaled-store.ts) does both.
//   current cards = study.json's cards + the journal entries past appliedThrough
// Highlights and exam settings are rare changes, written to study.json directly.
import type { StoreNotice } from '../../../shared/domain'
import { JournaledStore, openJournal, type JournalSpec } from '../store/journaled-store'
import { openJsonStore, type AppendableJsonStore, type JsonStore, type StoreFileOptions } from '../store/json-store'
import type { StoredCard } from './scheduler'
import { StudyArchive } from './study-archive'
import { foldSnapshot, studyFolding, type Counts, type StudyView } from './study-checkpoint'
import {
  emptyPackStudy,
  JournalSchema,
  SnapshotSchema,
  STUDY_STORE,
  type ArchiveData,
  type JournalData,
  type LogEntry,
  type NewLogEntry,
  type PackStudy,
  type SnapshotData
} from './study-schema'

export { ARCHIVE_BLOCK, archiveKey } from './study-archive'
export { STUDY_STORE } from './study-schema'

const JOURNAL: JournalSpec<JournalData> = {
  name: STUDY_STORE.journal,
  version: STUDY_STORE.version,
  schema: JournalSchema,
  defaults: () => ({ nextId: 1, trimmedThrough: 0, entries: [] }),
  seq: 'id',
  next: 'nextId',
  trimmed: 'trimmedThrough'
}

export interface StudyStoreOptions {
  dir: string
  clock?: () => Date
  /** Checkpoint once the journal holds more unfolded entries than this (default 100). */
  checkpointAt?: number
  /** Entries a checkpoint leaves in the journal, so they stay undoable (default 20). */
  keepLive?: number
  /** First retry delay after a failed checkpoint. */
  retryMs?: number
  /** Passed to every store file (tests inject failing writes; benches may turn off backups). */
  store?: Omit<StoreFileOptions, 'dir' | 'clock'>
}

export class StudyStore {
  readonly snapshot: JsonStore<SnapshotData>
  readonly #history: StudyArchive
  readonly #journaled: JournaledStore<JournalData, LogEntry, NewLogEntry, StudyView>

  private constructor(opts: StudyStoreOptions, snapshot: JsonStore<SnapshotData>, history: StudyArchive, journal: AppendableJsonStore<JournalData, 'entries'>) {
    this.snapshot = snapshot
    this.#history = history
    this.#journaled = new JournaledStore(journal, JOURNAL, studyFolding(snapshot, history), {
      what: 'older answers',
      keepLive: opts.keepLive ?? 20,
      ...(opts.checkpointAt !== undefined ? { checkpointAt: opts.checkpointAt } : {}),
      ...(opts.retryMs !== undefined ? { retryMs: opts.retryMs } : {}),
      ...(opts.clock ? { clock: opts.clock } : {})
    })
  }

  static async open(opts: StudyStoreOptions): Promise<StudyStore> {
    const files: StoreFileOptions = { dir: opts.dir, ...(opts.clock ? { clock: opts.clock } : {}), ...opts.store }
    const [snapshot, journal] = await Promise.all([
      openJsonStore<SnapshotData>({
        ...files,
        name: STUDY_STORE.name,
        version: STUDY_STORE.version,
        schema: SnapshotSchema,
        defaults: () => ({ appliedThrough: 0, packs: {} })
      }),
      openJournal(JOURNAL, files)
    ])
    const store = new StudyStore(opts, snapshot, new StudyArchive(files), journal)
    await store.#catchUp()
    store.#journaled.resume()
    return store
  }

  get journal(): AppendableJsonStore<JournalData, 'entries'> {
    return this.#journaled.journal
  }

  /** Every file's recovery notice and, while checkpoints fail, the notice saying so. */
  get notices(): StoreNotice[] {
    return [...this.snapshot.notices, ...this.#history.shelf.notices, ...this.#journaled.notices]
  }

  pack(packId: string): PackStudy {
    const packs = this.snapshot.data.packs
    return Object.hasOwn(packs, packId) ? (packs[packId] as PackStudy) : emptyPackStudy()
  }

  /** The exam dates set most recently in any pack: a student has one Prelims and one Mains, whatever pack they set them in. */
  latestExam(): PackStudy['exam'] {
    let latest: PackStudy['exam'] = null
    for (const pack of Object.values(this.snapshot.data.packs)) {
      if (pack.exam && (!latest || pack.exam.setAt > latest.setAt)) latest = pack.exam
    }
    return latest
  }

  /** The pack's current cards, answers still being written included. */
  cards(packId: string): ReadonlyMap<string, StoredCard> {
    return this.#journaled.view().cards.get(packId) ?? new Map()
  }

  card(packId: string, itemId: string): StoredCard | undefined {
    return this.#journaled.view().cards.get(packId)?.get(itemId)
  }

  /** Journal entries not yet folded into study.json, oldest first. */
  liveEntries(): LogEntry[] {
    return this.#journaled.live()
  }

  /** Reviews and first-time items per day: the checkpoint's counts plus the live entries. */
  dailyCounts(packId: string): Map<string, Counts> {
    const out = new Map<string, Counts>(Object.entries(this.pack(packId).daily).map(([d, c]) => [d, { ...c }]))
    for (const [day, c] of this.#journaled.view().daily.get(packId) ?? []) {
      const sum = out.get(day) ?? { reviews: 0, fresh: 0 }
      out.set(day, { reviews: sum.reviews + c.reviews, fresh: sum.fresh + c.fresh })
    }
    return out
  }

  /** The pack's newest entry if it can still be undone (not yet checkpointed). */
  lastUndoable(packId: string): LogEntry | undefined {
    const last = this.#journaled.view().last.get(packId)
    return last && last.id > this.#journaled.ceiling ? last : undefined
  }

  /**
   * Writes the entries to the journal; resolves with them (ids given) once on
   * disk. Given as a function, they are decided now against the current cards,
   * answers still being written included, so each answer builds on the last.
   */
  append(entries: NewLogEntry[] | (() => NewLogEntry[])): Promise<LogEntry[]> {
    return this.#journaled.append(typeof entries === 'function' ? entries : () => entries)
  }

  /** Takes an undone entry out of the journal; its card goes back to what the entries before it left. */
  remove(entry: LogEntry): Promise<void> {
    return this.#journaled.remove(entry.id)
  }

  /** Highlights and exam settings: rare changes, written to study.json directly. */
  async updatePack(packId: string, mutate: (pack: PackStudy) => void): Promise<void> {
    await this.snapshot.update((draft) => {
      if (!Object.hasOwn(draft.packs, packId)) draft.packs[packId] = emptyPackStudy()
      mutate(draft.packs[packId] as PackStudy)
    })
  }

  /** Every review of a pack on record, oldest first (reads the history parts). */
  async history(packId: string): Promise<LogEntry[]> {
    const byId = new Map<number, LogEntry>()
    for (const e of await this.#history.entries()) byId.set(e.id, e)
    for (const e of this.journal.data.entries) if (this.#journaled.isDurable(e)) byId.set(e.id, e)
    return [...byId.values()].filter((e) => e.packId === packId).sort((a, b) => a.id - b.id)
  }

  /** Folds all but the newest `keepLive` durable entries into the history parts and study.json. */
  checkpoint(keepLive?: number): Promise<void> {
    return this.#journaled.checkpoint(keepLive)
  }

  async flush(): Promise<void> {
    await this.#journaled.flush()
    await Promise.all([this.snapshot.flush(), this.#history.shelf.flush()])
  }

  /** Every study file's data as on disk, for a backup; months without entries are left out. */
  async exportAll(): Promise<{ snapshot: SnapshotData; journal: JournalData; logs: Record<string, ArchiveData> }> {
    return this.#journaled.hold(async () => {
      await this.flush()
      const logs = await this.#history.exportLogs()
      return { snapshot: structuredClone(this.snapshot.data), journal: structuredClone(this.journal.data), logs }
    })
  }

  /**
   * Replaces the files given (restore, reset); months not named stay as they
   * are. The cards are rebuilt from what is on disk afterwards, also when a
   * write failed midway, so memory never shows what was not saved.
   */
  async replaceAll(next: { snapshot?: SnapshotData; journal?: JournalData; logs?: Record<string, ArchiveData> }): Promise<void> {
    await this.#journaled.hold(async () => {
      await this.flush()
      try {
        await this.#history.replaceMonths(next.logs ?? {})
        if (next.snapshot) await this.snapshot.replace(next.snapshot)
        if (next.journal) await this.journal.replace(next.journal)
      } finally {
        this.#journaled.reset()
      }
      // An older study.json beside a newer journal (a single-file restore) replays the history.
      await this.#catchUp()
    })
  }

  /** Stops a scheduled checkpoint retry (the app is closing). */
  close(): void {
    this.#journaled.close()
  }

  /** study.json came back from a backup older than the journal's last trim: replay the history parts. */
  async #catchUp(): Promise<void> {
    const { appliedThrough } = this.snapshot.data
    const { trimmedThrough } = this.journal.data
    if (appliedThrough >= trimmedThrough) return
    const missed = (await this.#history.entries()).filter((e) => e.id > appliedThrough && e.id <= trimmedThrough).sort((a, b) => a.id - b.id)
    await this.snapshot.update((draft) => foldSnapshot(draft, missed, trimmedThrough))
  }
}
