// Why: a highlight must be on disk before it is confirmed, and a student with
// 5,000 highlights must not wait for a 2.5 MB rewrite each time. So a change
// is appended to a small journal (annotations-journal.json: each entry carries
// the whole annotation it leaves behind), and a checkpoint folds the journal
// into the saved state now and then; the journaled store (see
// store/journaled-store.ts) does both. The saved state is split so no write
// (or read) handles all of it at once: the annotations live in
// ANNOTATION_PARTS files (annotations-part-NN.json, each id always in the same
// part), the trash and `appliedThrough` in annotations-meta.json.
//   current state = the parts + meta + the journal entries past appliedThrough
import type { Annotation } from '../../../shared/annotations'
import type { StoreNotice } from '../../../shared/domain'
import { NotFoundError } from '../errors'
import type { FileShelf } from '../store/file-shelf'
import { JournaledStore, openJournal, type JournalSpec } from '../store/journaled-store'
import { openJsonStore, type AppendableJsonStore, type JsonStore, type StoreFileOptions } from '../store/json-store'
import { annotationFolding, type AnnotationView } from './annotation-checkpoint'
import { openParts, partOf, snapshotOf, writeSnapshot } from './annotation-parts'
import {
  ANNOTATIONS_STORE,
  JournalSchema,
  MetaSchema,
  type Journal,
  type JournalEntry,
  type Meta,
  type NewEntry,
  type Part,
  type Snapshot,
  type TrashEntry
} from './annotation-schema'

export { ANNOTATION_PARTS, partOf } from './annotation-parts'
export { ANNOTATIONS_STORE, JournalSchema, MetaSchema, PartSchema, SnapshotSchema, TRASH_MAX } from './annotation-schema'
export type { Journal, JournalEntry, Meta, Part, Snapshot, TrashEntry } from './annotation-schema'

const JOURNAL: JournalSpec<Journal> = {
  name: ANNOTATIONS_STORE.journal,
  version: ANNOTATIONS_STORE.version,
  schema: JournalSchema,
  defaults: () => ({ nextSeq: 1, entries: [] }),
  seq: 'seq',
  next: 'nextSeq'
}

export interface AnnotationStoreOptions {
  dir: string
  clock?: () => Date
  /** Checkpoint once the journal holds more unfolded entries than this (default 100). */
  checkpointAt?: number
  /** First retry delay after a failed checkpoint. */
  retryMs?: number
  /** Passed to every store file (tests inject failing writes; benches may turn off backups). */
  store?: Omit<StoreFileOptions, 'dir' | 'clock'>
}

export class AnnotationStore {
  readonly meta: JsonStore<Meta>
  readonly parts: readonly JsonStore<Part>[]
  readonly #shelf: FileShelf<Part>
  readonly #journaled: JournaledStore<Journal, JournalEntry, NewEntry, AnnotationView>

  private constructor(
    opts: AnnotationStoreOptions,
    meta: JsonStore<Meta>,
    shelf: FileShelf<Part>,
    parts: JsonStore<Part>[],
    journal: AppendableJsonStore<Journal, 'entries'>
  ) {
    this.meta = meta
    this.parts = parts
    this.#shelf = shelf
    this.#journaled = new JournaledStore(journal, JOURNAL, annotationFolding(shelf, meta), {
      what: 'older highlight changes',
      ...(opts.checkpointAt !== undefined ? { checkpointAt: opts.checkpointAt } : {}),
      ...(opts.retryMs !== undefined ? { retryMs: opts.retryMs } : {}),
      ...(opts.clock ? { clock: opts.clock } : {})
    })
  }

  static async open(opts: AnnotationStoreOptions): Promise<AnnotationStore> {
    const files: StoreFileOptions = { dir: opts.dir, ...(opts.clock ? { clock: opts.clock } : {}), ...opts.store }
    const [meta, journal, { shelf, parts }] = await Promise.all([
      openJsonStore<Meta>({
        ...files,
        name: ANNOTATIONS_STORE.meta,
        version: ANNOTATIONS_STORE.version,
        schema: MetaSchema,
        defaults: () => ({ appliedThrough: 0, trash: [] })
      }),
      openJournal(JOURNAL, files),
      openParts(files)
    ])
    const store = new AnnotationStore(opts, meta, shelf, parts, journal)
    store.#journaled.resume()
    return store
  }

  get journal(): AppendableJsonStore<Journal, 'entries'> {
    return this.#journaled.journal
  }

  /** Every file's recovery notice and, while checkpoints fail, the notice saying so. */
  get notices(): StoreNotice[] {
    return [...this.meta.notices, ...this.#shelf.notices, ...this.#journaled.notices]
  }

  /** The live annotation with this id, including changes whose write is still pending. */
  get(id: string): Annotation | undefined {
    return this.#live(id)
  }

  /** Every live annotation. */
  values(): Annotation[] {
    const overlay = this.#journaled.view().latest
    const out: Annotation[] = []
    for (const part of this.parts) for (const [id, a] of Object.entries(part.data.annotations)) if (!overlay.has(id)) out.push(a)
    for (const e of overlay.values()) if (e.kind === 'put') out.push(e.annotation)
    return out
  }

  /** Adds a new annotation; resolves once on disk. */
  async add(annotation: Annotation): Promise<void> {
    await this.#append(() => {
      if (this.#live(annotation.id)) throw new Error(`annotation id collision: ${annotation.id}`)
      return { kind: 'put', annotation }
    })
  }

  /** Replaces a live annotation with `change(current)`; resolves with the result once on disk. */
  async edit(id: string, change: (current: Annotation) => Annotation): Promise<Annotation> {
    const [entry] = await this.#append(() => {
      const current = this.#live(id)
      if (!current) throw missing(id)
      return { kind: 'put', annotation: change(current) }
    })
    return (entry as JournalEntry).annotation
  }

  /** Moves a live annotation to the trash; resolves with it once on disk. */
  async remove(id: string, deletedAt: string): Promise<Annotation> {
    const [entry] = await this.#append(() => {
      const removed = this.#live(id)
      if (!removed) throw missing(id)
      return { kind: 'delete', annotation: removed, deletedAt }
    })
    return (entry as JournalEntry).annotation
  }

  /** Puts back the most recently deleted annotation with this id, unchanged. */
  async restore(id: string): Promise<Annotation> {
    const [entry] = await this.#append(() => {
      if (this.#live(id)) throw new Error(`annotation ${id} is not deleted`)
      const restored = this.#trashed(id)
      if (!restored) throw new NotFoundError(`Annotation "${id}" is not in the trash, so it cannot be restored.`)
      return { kind: 'put', annotation: restored }
    })
    return (entry as JournalEntry).annotation
  }

  /** Whether a deleted annotation with this id can still be restored. */
  isTrashed(id: string): boolean {
    return this.#trashed(id) !== undefined
  }

  /** Folds every journal entry on disk into the parts and meta, then trims the journal. */
  checkpoint(): Promise<void> {
    return this.#journaled.checkpoint()
  }

  async flush(): Promise<void> {
    await this.#journaled.flush()
    await Promise.all([this.meta.flush(), this.#shelf.flush()])
  }

  /** The saved state and the journal as on disk, for a backup. */
  async exportAll(): Promise<{ snapshot: Snapshot; journal: Journal }> {
    return this.#journaled.hold(async () => {
      await this.flush()
      return { snapshot: structuredClone(snapshotOf(this.parts, this.meta)), journal: structuredClone(this.journal.data) }
    })
  }

  /**
   * Replaces the state given (restore, reset); resolves once on disk. Parts
   * that are empty before and after are not written, so a restore that puts
   * everything back leaves exactly the files that were there.
   */
  async replaceAll(next: { snapshot?: Snapshot; journal?: Journal }): Promise<void> {
    await this.#journaled.hold(async () => {
      await this.flush()
      try {
        if (next.snapshot) await writeSnapshot(this.parts, this.meta, next.snapshot)
        if (next.journal) await this.journal.replace(next.journal)
      } finally {
        // Whatever landed: every entry now in the journal is on disk.
        this.#journaled.reset()
      }
    })
  }

  /** Stops a scheduled checkpoint retry (the app is closing). */
  close(): void {
    this.#journaled.close()
  }

  /** Decides the entry inside the journal's append, so a change replayed after an earlier failed write is checked again. */
  #append(decide: () => NewEntry): Promise<JournalEntry[]> {
    return this.#journaled.append(() => [decide()])
  }

  /** The saved copy of an annotation (its part), before the journal. */
  #savedCopy(id: string): Annotation | undefined {
    const annotations = (this.parts[partOf(id)] as JsonStore<Part>).data.annotations
    return Object.hasOwn(annotations, id) ? annotations[id] : undefined
  }

  #live(id: string): Annotation | undefined {
    const e = this.#journaled.view().latest.get(id)
    if (e) return e.kind === 'put' ? e.annotation : undefined
    return this.#savedCopy(id)
  }

  /** The newest deleted copy of `id` that has not been put back since. */
  #trashed(id: string): Annotation | undefined {
    const e = this.#journaled.view().latest.get(id)
    if (e) return e.kind === 'delete' ? e.annotation : undefined
    const trash = this.meta.data.trash
    for (let i = trash.length - 1; i >= 0; i--) {
      const t = trash[i] as TrashEntry
      if (t.annotation.id === id) return t.annotation
    }
    return undefined
  }
}

const missing = (id: string): NotFoundError => new NotFoundError(`No annotation with id "${id}"; it may have been deleted.`)
