// Why: a highlight must be on disk before it is confirmed, and a student with
// 5,000 highlights must not wait for a 2.5 MB rewrite each time. So a change
// rewrites only a small journal (annotations-journal.json: each entry carries
// the whole annotation it leaves behind); every `checkpointAt` changes a
// background checkpoint folds the journal into the saved state and trims it.
// The saved state is split so no write (or read) handles all of it at once:
// the annotations live in ANNOTATION_PARTS files (annotations-part-NN.json,
// each id always in the same part), the trash and `appliedThrough` in
// annotations-meta.json. (annotations.json, all in one file, is what older
// versions wrote; it is moved into the parts when found, then removed.)
// A change is appended to the journal in place (one small write, see
// json-store.ts append()), never rewriting the whole journal.
// Current state = the parts + meta + the journal entries past `appliedThrough`.
// Each step is atomic and repeatable: a fold writes the parts, then meta, then
// trims the journal; a crash between steps loses nothing, because an entry
// holds the whole annotation, so replaying it over a part that already has it
// changes nothing.
import type { Annotation } from '../../../shared/annotations'
import { NotFoundError } from '../errors'
import { storeFs } from '../store/fs-ops'
import type { AppendableJsonStore, JsonStore, JsonStoreOptions } from '../store/json-store'
import { nextSlice } from '../store/turns'
import { foldJournal } from './annotation-checkpoint'
import { journalNextSeq, refreshJournalIndex, type JournalIndex } from './annotation-journal'
import { moveLegacy, openAnnotationFiles, partOf, snapshotOf, writeSnapshot } from './annotation-parts'
import type { Journal, JournalEntry, Meta, NewEntry, Part, Snapshot, TrashEntry } from './annotation-schema'

export { ANNOTATION_PARTS, partOf } from './annotation-parts'
export { ANNOTATIONS_STORE, JournalSchema, MetaSchema, PartSchema, SnapshotSchema, TRASH_MAX } from './annotation-schema'
export type { Journal, JournalEntry, Meta, Part, Snapshot, TrashEntry } from './annotation-schema'

export interface AnnotationStoreOptions {
  dir: string
  clock?: () => Date
  /** Checkpoint once the journal holds more unfolded entries than this (default 100). */
  checkpointAt?: number
  /** Passed to every store file (tests inject failing writes; benches may turn off backups). */
  store?: Pick<JsonStoreOptions<unknown>, 'fsync' | 'fs' | 'keepBackups'>
}

export class AnnotationStore {
  readonly meta: JsonStore<Meta>
  readonly parts: readonly JsonStore<Part>[]
  readonly journal: AppendableJsonStore<Journal, 'entries'>
  readonly #checkpointAt: number
  /** annotations.json from an older version, kept only for its notices (it is gone once moved). */
  readonly #legacy: JsonStore<Snapshot> | null
  /** Entries with seq below this are on disk in the journal; only they may be folded. */
  #durableSeq: number
  #checkpoint: Promise<void> | null = null
  #index: JournalIndex | null = null
  /** The last background checkpoint's failure, if any (it is tried again after the next change). */
  lastCheckpointError: unknown = null

  private constructor(
    opts: AnnotationStoreOptions,
    meta: JsonStore<Meta>,
    parts: JsonStore<Part>[],
    journal: AppendableJsonStore<Journal, 'entries'>,
    legacy: JsonStore<Snapshot> | null
  ) {
    this.meta = meta
    this.parts = parts
    this.journal = journal
    this.#legacy = legacy
    this.#checkpointAt = opts.checkpointAt ?? 100
    this.#durableSeq = journalNextSeq(journal.data)
  }

  static async open(opts: AnnotationStoreOptions): Promise<AnnotationStore> {
    const common = { dir: opts.dir, ...(opts.clock ? { clock: opts.clock } : {}), ...opts.store }
    const { meta, journal, legacy, parts } = await openAnnotationFiles(common)
    const store = new AnnotationStore(opts, meta, parts, journal, legacy.notices.length > 0 ? legacy : null)
    await moveLegacy(legacy, store.parts, store.meta, storeFs(opts.store?.fs))
    // Finish a checkpoint a crash interrupted, or one that is simply due.
    if (store.journal.data.entries.some((e) => e.seq <= store.meta.data.appliedThrough) || store.#unfolded() > store.#checkpointAt) store.#startCheckpoint()
    return store
  }

  /** Every file behind the store, for notices and flushing. */
  get stores(): JsonStore<unknown>[] {
    return [this.meta, this.journal, ...this.parts, ...(this.#legacy ? [this.#legacy] : [])] as JsonStore<unknown>[]
  }

  /** The live annotation with this id, including changes whose write is still pending. */
  get(id: string): Annotation | undefined {
    return this.#live(id)
  }

  /** Every live annotation. */
  values(): Annotation[] {
    const overlay = this.#journalIndex().latest
    const out: Annotation[] = []
    for (const part of this.parts) for (const [id, a] of Object.entries(part.data.annotations)) if (!overlay.has(id)) out.push(a)
    for (const e of overlay.values()) if (e.kind === 'put') out.push(e.annotation)
    return out
  }

  /** Adds a new annotation; resolves once on disk. */
  add(annotation: Annotation): Promise<void> {
    return this.#append(() => {
      if (this.#live(annotation.id)) throw new Error(`annotation id collision: ${annotation.id}`)
      return { kind: 'put', annotation }
    })
  }

  /** Replaces a live annotation with `change(current)`; resolves with the result once on disk. */
  async edit(id: string, change: (current: Annotation) => Annotation): Promise<Annotation> {
    let result: Annotation | undefined
    await this.#append(() => {
      const current = this.#live(id)
      if (!current) throw missing(id)
      result = change(current)
      return { kind: 'put', annotation: result }
    })
    return result as Annotation
  }

  /** Moves a live annotation to the trash; resolves with it once on disk. */
  async remove(id: string, deletedAt: string): Promise<Annotation> {
    let removed: Annotation | undefined
    await this.#append(() => {
      removed = this.#live(id)
      if (!removed) throw missing(id)
      return { kind: 'delete', annotation: removed, deletedAt }
    })
    return removed as Annotation
  }

  /** Puts back the most recently deleted annotation with this id, unchanged. */
  async restore(id: string): Promise<Annotation> {
    let restored: Annotation | undefined
    await this.#append(() => {
      if (this.#live(id)) throw new Error(`annotation ${id} is not deleted`)
      restored = this.#trashed(id)
      if (!restored) throw new NotFoundError(`Annotation "${id}" is not in the trash, so it cannot be restored.`)
      return { kind: 'put', annotation: restored }
    })
    return restored as Annotation
  }

  /** Whether a deleted annotation with this id can still be restored. */
  isTrashed(id: string): boolean {
    return this.#trashed(id) !== undefined
  }

  async flush(): Promise<void> {
    while (this.#checkpoint) await this.#checkpoint
    await Promise.all(this.stores.map((s) => s.flush()))
  }

  /** The saved state and the journal as on disk, for a backup. */
  async exportAll(): Promise<{ snapshot: Snapshot; journal: Journal }> {
    await this.flush()
    return { snapshot: structuredClone(snapshotOf(this.parts, this.meta)), journal: structuredClone(this.journal.data) }
  }

  /**
   * Replaces the state given (restore, reset); resolves once on disk. Parts
   * that are empty before and after are not written, so a restore that puts
   * everything back leaves exactly the files that were there.
   */
  async replaceAll(next: { snapshot?: Snapshot; journal?: Journal }): Promise<void> {
    await this.flush()
    try {
      if (next.snapshot) await writeSnapshot(this.parts, this.meta, next.snapshot)
      if (next.journal) await this.journal.replace(next.journal)
    } finally {
      // Whatever landed: every entry now in the journal is on disk.
      this.#durableSeq = journalNextSeq(this.journal.data)
    }
  }

  #journalIndex(): JournalIndex {
    return (this.#index = refreshJournalIndex(this.#index, this.journal.data.entries, this.meta.data.appliedThrough))
  }

  /** The saved copy of an annotation (the parts), before the journal. */
  #savedCopy(id: string): Annotation | undefined {
    const annotations = (this.parts[partOf(id)] as JsonStore<Part>).data.annotations
    return Object.hasOwn(annotations, id) ? annotations[id] : undefined
  }

  #live(id: string): Annotation | undefined {
    const e = this.#journalIndex().latest.get(id)
    if (e) return e.kind === 'put' ? e.annotation : undefined
    return this.#savedCopy(id)
  }

  /** The newest deleted copy of `id` that has not been put back since. */
  #trashed(id: string): Annotation | undefined {
    const e = this.#journalIndex().latest.get(id)
    if (e) return e.kind === 'delete' ? e.annotation : undefined
    const trash = this.meta.data.trash
    for (let i = trash.length - 1; i >= 0; i--) {
      const t = trash[i] as TrashEntry
      if (t.annotation.id === id) return t.annotation
    }
    return undefined
  }

  /**
   * Decides the entry from the current state inside the journal's mutator, so
   * a change replayed after an earlier failed write is checked again (an edit
   * of an annotation whose add failed is refused, not written).
   */
  async #append(decide: () => NewEntry): Promise<void> {
    let seq = 0
    await this.journal.append((draft) => {
      const entry = decide()
      seq = Math.max(draft.nextSeq, this.#journalIndex().maxSeq + 1, this.meta.data.appliedThrough + 1)
      return [{ ...entry, seq } as JournalEntry]
    })
    this.#durableSeq = Math.max(this.#durableSeq, seq + 1)
    if (this.#unfolded() > this.#checkpointAt) this.#startCheckpoint()
  }

  /** How many journal entries are not yet folded. */
  #unfolded(): number {
    return this.#journalIndex().unfolded
  }

  #startCheckpoint(): void {
    if (this.#checkpoint) return
    this.#checkpoint = this.checkpoint()
      .then(
        () => void (this.lastCheckpointError = null),
        (err: unknown) => void (this.lastCheckpointError = err)
      )
      .finally(() => (this.#checkpoint = null))
  }

  /** Folds every journal entry already on disk into the parts and meta, then trims the journal. */
  async checkpoint(): Promise<void> {
    // Started from a change or from open(): let that turn finish first.
    await nextSlice()
    await foldJournal(this, this.#durableSeq)
  }
}

const missing = (id: string): NotFoundError => new NotFoundError(`No annotation with id "${id}"; it may have been deleted.`)
