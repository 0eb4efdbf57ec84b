// Why: every answer must be on disk before the call resolves, and a student
// with 20,000 reviews must not wait for a 5 MB rewrite each time. So an answer
// rewrites only the small journal (the reviews since the last checkpoint, each
// carrying the card it produced); every `checkpointAt` answers a background
// checkpoint folds the older journal entries into study.json and the month
// files, keeping the newest `keepLive` in the journal so they can be undone.
// Current cards = study.json's cards + the journal entries past `appliedThrough`.
// Each step of a checkpoint is atomic and can be repeated, so a crash between
// steps loses nothing (month files merge by id; applied entries are skipped).
// Perf: an answer appends its entry to the journal in place (one small write
// and an fdatasync, see json-store.ts append()), and the history is kept in
// small parts per month (see study-archive.ts), so a checkpoint rewrites a
// few hundred kB, never a whole month of reviews.
import { openAppendableJsonStore, openJsonStore, type AppendableJsonStore, type JsonStore } from '../store/json-store'
import type { StoredCard } from './scheduler'
import { StudyArchive } from './study-archive'
import { bump, fold, journalNextId, STUDY_STORE, type Counts } from './study-journal'
import { emptyPackStudy, JournalSchema, SnapshotSchema, type ArchiveData, type JournalData, type LogEntry, type NewLogEntry, type PackStudy, type SnapshotData } from './study-schema'

export { ARCHIVE_BLOCK, archiveKey } from './study-archive'
export { STUDY_STORE } from './study-journal'

export interface StudyStoreOptions {
  dir: string
  clock?: () => Date
  /** Checkpoint once the journal holds more live entries than this (default 100). */
  checkpointAt?: number
  /** Entries a checkpoint leaves in the journal, so they stay undoable (default 20). */
  keepLive?: number
}

export class StudyStore {
  readonly snapshot: JsonStore<SnapshotData>
  readonly journal: AppendableJsonStore<JournalData, 'entries'>
  readonly #opts: StudyStoreOptions
  readonly #cards = new Map<string, Map<string, StoredCard>>()
  readonly #history: StudyArchive
  /** Entries below this id are on disk (a pending append's entries are not). */
  #durableNextId: number
  /** Entries up to this id are being checkpointed: no longer undoable. */
  #ceiling = 0
  #checkpoint: Promise<void> | null = null
  /** The last background checkpoint's failure, if any (it is retried on the next answer). */
  lastCheckpointError: unknown = null

  private constructor(opts: StudyStoreOptions, snapshot: JsonStore<SnapshotData>, journal: AppendableJsonStore<JournalData, 'entries'>) {
    this.#opts = opts
    this.#history = new StudyArchive(opts)
    this.snapshot = snapshot
    this.journal = journal
    this.#durableNextId = journalNextId(journal.data)
    this.#rebuildCards()
  }

  static async open(opts: StudyStoreOptions): Promise<StudyStore> {
    const common = { dir: opts.dir, version: STUDY_STORE.version, ...(opts.clock ? { clock: opts.clock } : {}) }
    const [snapshot, journal] = await Promise.all([
      openJsonStore<SnapshotData>({ ...common, name: STUDY_STORE.name, schema: SnapshotSchema, defaults: () => ({ appliedThrough: 0, packs: {} }) }),
      openAppendableJsonStore<JournalData, 'entries'>({
        ...common,
        name: STUDY_STORE.journal,
        schema: JournalSchema,
        defaults: () => ({ nextId: 1, trimmedThrough: 0, entries: [] }),
        appendTo: 'entries'
      })
    ])
    const store = new StudyStore(opts, snapshot, journal)
    await store.#catchUp()
    return store
  }

  get stores(): JsonStore<unknown>[] {
    return [this.snapshot, this.journal] as JsonStore<unknown>[]
  }

  pack(packId: string): PackStudy {
    const packs = this.snapshot.data.packs
    return Object.hasOwn(packs, packId) ? (packs[packId] as PackStudy) : emptyPackStudy()
  }

  cards(packId: string): ReadonlyMap<string, StoredCard> {
    return this.#cards.get(packId) ?? new Map()
  }

  card(packId: string, itemId: string): StoredCard | undefined {
    return this.#cards.get(packId)?.get(itemId)
  }

  /** Journal entries not yet folded into study.json, oldest first. */
  liveEntries(): LogEntry[] {
    const through = this.snapshot.data.appliedThrough
    return this.journal.data.entries.filter((e) => e.id > through && e.id < this.#durableNextId)
  }

  /** Reviews and first-time items per day: the checkpoint's counts plus the live entries. */
  dailyCounts(packId: string): Map<string, Counts> {
    const out = new Map<string, Counts>(Object.entries(this.pack(packId).daily).map(([d, c]) => [d, { ...c }]))
    for (const e of this.liveEntries()) if (e.packId === packId) bump(out, e)
    return out
  }

  /** The pack's newest entry if it can still be undone (not yet checkpointed). */
  lastUndoable(packId: string): LogEntry | undefined {
    const live = this.liveEntries()
    for (let i = live.length - 1; i >= 0; i--) {
      const e = live[i] as LogEntry
      if (e.packId === packId) return e.id > this.#ceiling ? e : undefined
    }
    return undefined
  }

  /** Writes the entries to the journal; resolves once on disk, then they count. */
  async append(entries: NewLogEntry[]): Promise<LogEntry[]> {
    let written: LogEntry[] = []
    await this.journal.append((draft) => {
      let id = Math.max(journalNextId(draft), this.snapshot.data.appliedThrough + 1, draft.trimmedThrough + 1)
      written = entries.map((e) => ({ ...e, id: id++ }))
      return written
    })
    this.#durableNextId = Math.max(this.#durableNextId, (written.at(-1)?.id ?? 0) + 1)
    for (const e of written) this.#apply(e.packId, e.itemId, e.card)
    this.#maybeCheckpoint()
    return written
  }

  /** Removes an undone entry; the card goes back to `restored` (undefined: the item had no card). */
  async remove(entry: LogEntry, restored: StoredCard | undefined): Promise<void> {
    await this.journal.update((draft) => {
      // The id is not given out again.
      draft.nextId = Math.max(journalNextId(draft), entry.id + 1)
      draft.entries = draft.entries.filter((e) => e.id !== entry.id)
    })
    if (entry.card) this.#apply(entry.packId, entry.itemId, restored ?? null)
  }

  /** Highlights and exam settings: rare changes, written to study.json directly. */
  async updatePack(packId: string, mutate: (pack: PackStudy) => void): Promise<void> {
    await this.snapshot.update((draft) => {
      if (!Object.hasOwn(draft.packs, packId)) draft.packs[packId] = emptyPackStudy()
      mutate(draft.packs[packId] as PackStudy)
    })
  }

  /** Every review of a pack still on record, oldest first (reads the month files). */
  async history(packId: string): Promise<LogEntry[]> {
    const byId = new Map<number, LogEntry>()
    for (const archive of await this.#history.all()) for (const e of archive.data.entries) byId.set(e.id, e)
    for (const e of this.journal.data.entries) if (e.id < this.#durableNextId) byId.set(e.id, e)
    return [...byId.values()].filter((e) => e.packId === packId).sort((a, b) => a.id - b.id)
  }

  async flush(): Promise<void> {
    while (this.#checkpoint) await this.#checkpoint
    await Promise.all([this.snapshot.flush(), this.journal.flush()])
  }

  /** Every study file's data as on disk, for a backup; month files without entries are left out. */
  async exportAll(): Promise<{ snapshot: SnapshotData; journal: JournalData; logs: Record<string, ArchiveData> }> {
    await this.flush()
    const logs = await this.#history.exportLogs()
    return { snapshot: structuredClone(this.snapshot.data), journal: structuredClone(this.journal.data), logs }
  }

  /**
   * Replaces the files given (restore, reset); month files not named stay as
   * they are. The cards in memory are rebuilt from what is on disk afterwards,
   * also when a write failed midway, so memory never shows what was not saved.
   */
  async replaceAll(next: { snapshot?: SnapshotData; journal?: JournalData; logs?: Record<string, ArchiveData> }): Promise<void> {
    await this.flush()
    try {
      await this.#history.replaceMonths(next.logs ?? {})
      if (next.snapshot) await this.snapshot.replace(next.snapshot)
      if (next.journal) await this.journal.replace(next.journal)
    } finally {
      this.#durableNextId = journalNextId(this.journal.data)
      this.#ceiling = 0
      this.#rebuildCards()
    }
    // An older study.json beside a newer journal (a single-file restore) replays the month files.
    await this.#catchUp()
  }

  #rebuildCards(): void {
    this.#cards.clear()
    for (const [packId, pack] of Object.entries(this.snapshot.data.packs)) this.#cards.set(packId, new Map(Object.entries(pack.cards)))
    for (const e of this.liveEntries()) this.#apply(e.packId, e.itemId, e.card)
  }

  #apply(packId: string, itemId: string, card: StoredCard | null | undefined): void {
    if (card === undefined) return
    let cards = this.#cards.get(packId)
    if (!cards) this.#cards.set(packId, (cards = new Map()))
    if (card === null) cards.delete(itemId)
    else cards.set(itemId, card)
  }

  #maybeCheckpoint(): void {
    if (this.#checkpoint || this.liveEntries().length <= (this.#opts.checkpointAt ?? 100)) return
    this.#checkpoint = this.checkpoint()
      .then(
        () => void (this.lastCheckpointError = null),
        (err: unknown) => void (this.lastCheckpointError = err)
      )
      .finally(() => (this.#checkpoint = null))
  }

  /** Folds all but the newest `keepLive` durable entries into the month files and study.json. */
  async checkpoint(keepLive = this.#opts.keepLive ?? 20): Promise<void> {
    const live = this.liveEntries()
    const last = live[live.length - 1 - keepLive]
    if (!last) return
    const through = last.id
    this.#ceiling = Math.max(this.#ceiling, through)
    const folding = this.journal.data.entries.filter((e) => e.id <= through)
    // 1. history first: merging by id makes a repeat harmless.
    await this.#history.merge(folding)
    // 2. fold into study.json; 3. trim the journal.
    await this.snapshot.update((draft) => fold(draft, folding, through))
    await this.journal.update((draft) => {
      draft.nextId = journalNextId(draft)
      draft.entries = draft.entries.filter((e) => e.id > through)
      draft.trimmedThrough = Math.max(draft.trimmedThrough, through)
    })
  }

  /** study.json came back from a backup older than the journal's last trim: replay the month files. */
  async #catchUp(): Promise<void> {
    const { appliedThrough } = this.snapshot.data
    const { trimmedThrough } = this.journal.data
    if (appliedThrough >= trimmedThrough) return
    // A review can be in an old whole-month file and in a part: count it once.
    const byId = new Map<number, LogEntry>()
    for (const archive of await this.#history.all()) for (const e of archive.data.entries) if (e.id > appliedThrough && e.id <= trimmedThrough) byId.set(e.id, e)
    const missed = [...byId.values()].sort((a, b) => a.id - b.id)
    await this.snapshot.update((draft) => fold(draft, missed, trimmedThrough))
    for (const e of missed) this.#apply(e.packId, e.itemId, e.card)
    for (const e of this.liveEntries()) this.#apply(e.packId, e.itemId, e.card)
  }
}
