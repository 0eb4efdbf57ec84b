// Why: a highlight must be on disk before it is confirmed, and a student with
// 5,000 highlights must not wait for a 2.5 MB rewrite each time. So a change
// rewrites only a small journal (annotations-journal.json: each entry carries
// the whole annotation it leaves behind); every `checkpointAt` changes a
// background checkpoint folds the journal into annotations.json and trims it.
// Current state = annotations.json + the journal entries past `appliedThrough`.
// Each step is atomic and repeatable: a crash between the fold and the trim
// loses nothing, because entries up to `appliedThrough` are skipped on replay.
import * as z from 'zod'
import { AnnotationSchema, type Annotation } from '../../../shared/annotations'
import { NotFoundError } from '../errors'
import { openJsonStore, type JsonStore, type JsonStoreOptions } from '../store/json-store'

export const ANNOTATIONS_STORE = { name: 'annotations', journal: 'annotations-journal', version: 1 } as const
/** Deleted annotations kept for undo; the oldest leave first. */
export const TRASH_MAX = 100

const IsoTime = z.iso.datetime()
const Seq = z.number().int().min(0)
const TrashEntrySchema = z.object({ annotation: AnnotationSchema, deletedAt: IsoTime }).strict()
export type TrashEntry = z.infer<typeof TrashEntrySchema>

export const SnapshotSchema = z
  .object({
    /** Journal entries with seq up to this are already folded in below. */
    appliedThrough: Seq,
    annotations: z.record(z.string(), AnnotationSchema),
    trash: z.array(TrashEntrySchema)
  })
  .strict()
export type Snapshot = z.infer<typeof SnapshotSchema>

const JournalEntrySchema = z.discriminatedUnion('kind', [
  /** The annotation as it now is (added, edited or restored). */
  z.object({ seq: Seq, kind: z.literal('put'), annotation: AnnotationSchema }).strict(),
  /** Moved to the trash, whole, so undo can put back exactly this. */
  z.object({ seq: Seq, kind: z.literal('delete'), annotation: AnnotationSchema, deletedAt: IsoTime }).strict()
])
export type JournalEntry = z.infer<typeof JournalEntrySchema>

export const JournalSchema = z.object({ nextSeq: Seq, entries: z.array(JournalEntrySchema) }).strict()
export type Journal = z.infer<typeof JournalSchema>

type NewEntry = { kind: 'put'; annotation: Annotation } | { kind: 'delete'; annotation: Annotation; deletedAt: string }

export interface AnnotationStoreOptions {
  dir: string
  clock?: () => Date
  /** Checkpoint once the journal holds more unfolded entries than this (default 100). */
  checkpointAt?: number
  /** Passed to both store files (tests inject failing writes; benches may turn off backups). */
  store?: Pick<JsonStoreOptions<unknown>, 'fsync' | 'fs' | 'keepBackups'>
}

export class AnnotationStore {
  readonly snapshot: JsonStore<Snapshot>
  readonly journal: JsonStore<Journal>
  readonly #checkpointAt: number
  /** Entries with seq below this are on disk in the journal; only they may be folded. */
  #durableSeq: number
  #checkpoint: Promise<void> | null = null
  /** The last background checkpoint's failure, if any (it is tried again after the next change). */
  lastCheckpointError: unknown = null

  private constructor(opts: AnnotationStoreOptions, snapshot: JsonStore<Snapshot>, journal: JsonStore<Journal>) {
    this.snapshot = snapshot
    this.journal = journal
    this.#checkpointAt = opts.checkpointAt ?? 100
    this.#durableSeq = journal.data.nextSeq
  }

  static async open(opts: AnnotationStoreOptions): Promise<AnnotationStore> {
    const common = { dir: opts.dir, version: ANNOTATIONS_STORE.version, ...(opts.clock ? { clock: opts.clock } : {}), ...opts.store }
    const [snapshot, journal] = await Promise.all([
      openJsonStore<Snapshot>({ ...common, name: ANNOTATIONS_STORE.name, schema: SnapshotSchema, defaults: () => ({ appliedThrough: 0, annotations: {}, trash: [] }) }),
      openJsonStore<Journal>({ ...common, name: ANNOTATIONS_STORE.journal, schema: JournalSchema, defaults: () => ({ nextSeq: 1, entries: [] }) })
    ])
    const store = new AnnotationStore(opts, snapshot, journal)
    // Finish a checkpoint a crash interrupted, or one that is simply due.
    if (journal.data.entries.some((e) => e.seq <= snapshot.data.appliedThrough) || store.#unfolded().length > store.#checkpointAt) store.#startCheckpoint()
    return store
  }

  get stores(): JsonStore<unknown>[] {
    return [this.snapshot, this.journal] as JsonStore<unknown>[]
  }

  /** The live annotation with this id, including changes whose write is still pending. */
  get(id: string): Annotation | undefined {
    return liveIn(this.snapshot.data, this.journal.data, id)
  }

  /** Every live annotation. */
  values(): Annotation[] {
    const overlay = overlayOf(this.snapshot.data, this.journal.data)
    const out: Annotation[] = []
    for (const [id, a] of Object.entries(this.snapshot.data.annotations)) if (!overlay.has(id)) out.push(a)
    for (const a of overlay.values()) if (a) out.push(a)
    return out
  }

  /** Adds a new annotation; resolves once on disk. */
  add(annotation: Annotation): Promise<void> {
    return this.#append((snap, journal) => {
      if (liveIn(snap, journal, annotation.id)) throw new Error(`annotation id collision: ${annotation.id}`)
      return { kind: 'put', annotation }
    })
  }

  /** Replaces a live annotation with `change(current)`; resolves with the result once on disk. */
  async edit(id: string, change: (current: Annotation) => Annotation): Promise<Annotation> {
    let result: Annotation | undefined
    await this.#append((snap, journal) => {
      const current = liveIn(snap, journal, id)
      if (!current) throw missing(id)
      result = change(current)
      return { kind: 'put', annotation: result }
    })
    return result as Annotation
  }

  /** Moves a live annotation to the trash; resolves with it once on disk. */
  async remove(id: string, deletedAt: string): Promise<Annotation> {
    let removed: Annotation | undefined
    await this.#append((snap, journal) => {
      removed = liveIn(snap, journal, id)
      if (!removed) throw missing(id)
      return { kind: 'delete', annotation: removed, deletedAt }
    })
    return removed as Annotation
  }

  /** Puts back the most recently deleted annotation with this id, unchanged. */
  async restore(id: string): Promise<Annotation> {
    let restored: Annotation | undefined
    await this.#append((snap, journal) => {
      if (liveIn(snap, journal, id)) throw new Error(`annotation ${id} is not deleted`)
      restored = trashedIn(snap, journal, id)
      if (!restored) throw new NotFoundError(`Annotation "${id}" is not in the trash, so it cannot be restored.`)
      return { kind: 'put', annotation: restored }
    })
    return restored as Annotation
  }

  /** Whether a deleted annotation with this id can still be restored. */
  isTrashed(id: string): boolean {
    return trashedIn(this.snapshot.data, this.journal.data, id) !== undefined
  }

  async flush(): Promise<void> {
    while (this.#checkpoint) await this.#checkpoint
    await Promise.all([this.snapshot.flush(), this.journal.flush()])
  }

  /** Both files' data as on disk, for a backup. */
  async exportAll(): Promise<{ snapshot: Snapshot; journal: Journal }> {
    await this.flush()
    return { snapshot: structuredClone(this.snapshot.data), journal: structuredClone(this.journal.data) }
  }

  /** Replaces the files given (restore, reset); resolves once on disk. */
  async replaceAll(next: { snapshot?: Snapshot; journal?: Journal }): Promise<void> {
    await this.flush()
    try {
      if (next.snapshot) await this.snapshot.replace(next.snapshot)
      if (next.journal) await this.journal.replace(next.journal)
    } finally {
      // Whatever landed: every entry now in the journal is on disk.
      this.#durableSeq = this.journal.data.nextSeq
    }
  }

  /**
   * Decides the entry from the current state inside the journal's mutator, so
   * a change replayed after an earlier failed write is checked again (an edit
   * of an annotation whose add failed is refused, not written).
   */
  async #append(decide: (snap: Snapshot, journal: Journal) => NewEntry): Promise<void> {
    let seq = 0
    await this.journal.update((draft) => {
      const entry = decide(this.snapshot.data, draft)
      seq = Math.max(draft.nextSeq, this.snapshot.data.appliedThrough + 1)
      draft.entries.push({ ...entry, seq } as JournalEntry)
      draft.nextSeq = seq + 1
    })
    this.#durableSeq = Math.max(this.#durableSeq, seq + 1)
    if (this.#unfolded().length > this.#checkpointAt) this.#startCheckpoint()
  }

  #unfolded(): JournalEntry[] {
    const through = this.snapshot.data.appliedThrough
    return this.journal.data.entries.filter((e) => e.seq > through)
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

  /** Folds every journal entry already on disk into annotations.json, then trims the journal. */
  async checkpoint(): Promise<void> {
    const folding = this.journal.data.entries.filter((e) => e.seq < this.#durableSeq).map((e) => structuredClone(e))
    const through = folding.reduce((max, e) => Math.max(max, e.seq), this.snapshot.data.appliedThrough)
    if (through > this.snapshot.data.appliedThrough) {
      await this.snapshot.update((draft) => {
        for (const e of folding) if (e.seq > draft.appliedThrough) fold(draft, e)
        draft.appliedThrough = Math.max(draft.appliedThrough, through)
      })
    }
    const applied = this.snapshot.data.appliedThrough
    if (this.journal.data.entries.some((e) => e.seq <= applied)) {
      await this.journal.update((draft) => {
        draft.entries = draft.entries.filter((e) => e.seq > applied)
      })
    }
  }
}

function fold(draft: Snapshot, e: JournalEntry): void {
  const id = e.annotation.id
  if (e.kind === 'put') {
    draft.annotations[id] = e.annotation
    draft.trash = draft.trash.filter((t) => t.annotation.id !== id)
  } else {
    delete draft.annotations[id]
    draft.trash.push({ annotation: e.annotation, deletedAt: e.deletedAt })
    if (draft.trash.length > TRASH_MAX) draft.trash.splice(0, draft.trash.length - TRASH_MAX)
  }
}

const missing = (id: string): NotFoundError => new NotFoundError(`No annotation with id "${id}"; it may have been deleted.`)

/** id → what the unfolded journal says about it (undefined: deleted). */
function overlayOf(snap: Snapshot, journal: Journal): Map<string, Annotation | undefined> {
  const overlay = new Map<string, Annotation | undefined>()
  for (const e of journal.entries) {
    if (e.seq <= snap.appliedThrough) continue
    overlay.set(e.annotation.id, e.kind === 'put' ? e.annotation : undefined)
  }
  return overlay
}

function liveIn(snap: Snapshot, journal: Journal, id: string): Annotation | undefined {
  for (let i = journal.entries.length - 1; i >= 0; i--) {
    const e = journal.entries[i] as JournalEntry
    if (e.seq <= snap.appliedThrough) break
    if (e.annotation.id === id) return e.kind === 'put' ? e.annotation : undefined
  }
  return Object.hasOwn(snap.annotations, id) ? snap.annotations[id] : undefined
}

/** The newest deleted copy of `id` that has not been put back since. */
function trashedIn(snap: Snapshot, journal: Journal, id: string): Annotation | undefined {
  for (let i = journal.entries.length - 1; i >= 0; i--) {
    const e = journal.entries[i] as JournalEntry
    if (e.seq <= snap.appliedThrough) break
    if (e.annotation.id === id) return e.kind === 'delete' ? e.annotation : undefined
  }
  for (let i = snap.trash.length - 1; i >= 0; i--) {
    const t = snap.trash[i] as TrashEntry
    if (t.annotation.id === id) return t.annotation
  }
  return undefined
}
