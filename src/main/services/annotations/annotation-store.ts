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
import { dirname } from 'node:path'
import * as z from 'zod'
import { AnnotationSchema, type Annotation } from '../../../shared/annotations'
import { NotFoundError } from '../errors'
import { errnoOf, storeFs } from '../store/fs-ops'
import { openAppendableJsonStore, openJsonStore, type AppendableJsonStore, type JsonStore, type JsonStoreOptions } from '../store/json-store'
import { nextSlice } from '../store/turns'

export const ANNOTATIONS_STORE = { name: 'annotations', journal: 'annotations-journal', meta: 'annotations-meta', part: 'annotations-part-', version: 1 } as const
/** Deleted annotations kept for undo; the oldest leave first. */
export const TRASH_MAX = 100
/** Files the annotations are spread over: 5,000 highlights make ~150 kB parts. Never change: an id's part is fixed by it. */
export const ANNOTATION_PARTS = 16

/** The part an annotation id is kept in (FNV-1a of the id). */
export function partOf(id: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0) % ANNOTATION_PARTS
}
const partName = (n: number): string => `${ANNOTATIONS_STORE.part}${String(n).padStart(2, '0')}`

const IsoTime = z.iso.datetime()
const Seq = z.number().int().min(0)
const TrashEntrySchema = z.object({ annotation: AnnotationSchema, deletedAt: IsoTime }).strict()
export type TrashEntry = z.infer<typeof TrashEntrySchema>

/** The whole saved state as one value: what a backup holds, and what annotations.json held. */
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

export const MetaSchema = z.object({ appliedThrough: Seq, trash: z.array(TrashEntrySchema) }).strict()
export type Meta = z.infer<typeof MetaSchema>
export const PartSchema = z.object({ annotations: z.record(z.string(), AnnotationSchema) }).strict()
export type Part = z.infer<typeof PartSchema>

type NewEntry = { kind: 'put'; annotation: Annotation } | { kind: 'delete'; annotation: Annotation; deletedAt: string }

/** The next free seq: an append does not rewrite nextSeq (memory stays what is on disk), so past the newest entry when that is above it. */
function journalNextSeq(journal: Journal): number {
  let next = journal.nextSeq
  for (const e of journal.entries) if (e.seq >= next) next = e.seq + 1
  return next
}

/**
 * The unfolded journal by annotation id, kept up to date as entries are
 * appended (perf: a lookup per change must not scan thousands of entries
 * while a slow checkpoint lets the journal grow). Rebuilt whenever the
 * entries array is replaced (a trim, a restore, a rollback) or the
 * checkpoint moves.
 */
interface JournalIndex {
  entries: JournalEntry[]
  applied: number
  /** Entries looked at so far (they are only ever appended to the same array). */
  seen: number
  /** Newest unfolded entry per annotation id. */
  latest: Map<string, JournalEntry>
  unfolded: number
  maxSeq: number
}

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
    const common = { dir: opts.dir, version: ANNOTATIONS_STORE.version, ...(opts.clock ? { clock: opts.clock } : {}), ...opts.store }
    const [meta, journal, legacy, ...parts] = await Promise.all([
      openJsonStore<Meta>({ ...common, name: ANNOTATIONS_STORE.meta, schema: MetaSchema, defaults: () => ({ appliedThrough: 0, trash: [] }) }),
      openAppendableJsonStore<Journal, 'entries'>({
        ...common,
        name: ANNOTATIONS_STORE.journal,
        schema: JournalSchema,
        defaults: () => ({ nextSeq: 1, entries: [] }),
        appendTo: 'entries'
      }),
      openJsonStore<Snapshot>({ ...common, name: ANNOTATIONS_STORE.name, schema: SnapshotSchema, defaults: emptySnapshot }),
      ...Array.from({ length: ANNOTATION_PARTS }, (_, n) => openJsonStore<Part>({ ...common, name: partName(n), schema: PartSchema, defaults: () => ({ annotations: {} }) }))
    ])
    const store = new AnnotationStore(
      opts,
      meta as JsonStore<Meta>,
      parts as JsonStore<Part>[],
      journal as AppendableJsonStore<Journal, 'entries'>,
      legacy.notices.length > 0 ? (legacy as JsonStore<Snapshot>) : null
    )
    await store.#moveLegacy(legacy as JsonStore<Snapshot>, storeFs(opts.store?.fs))
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
    const annotations: Record<string, Annotation> = {}
    for (const part of this.parts) Object.assign(annotations, part.data.annotations)
    const snapshot: Snapshot = { appliedThrough: this.meta.data.appliedThrough, annotations, trash: this.meta.data.trash }
    return { snapshot: structuredClone(snapshot), journal: structuredClone(this.journal.data) }
  }

  /**
   * Replaces the state given (restore, reset); resolves once on disk. Parts
   * that are empty before and after are not written, so a restore that puts
   * everything back leaves exactly the files that were there.
   */
  async replaceAll(next: { snapshot?: Snapshot; journal?: Journal }): Promise<void> {
    await this.flush()
    try {
      if (next.snapshot) {
        const byPart = Array.from({ length: ANNOTATION_PARTS }, () => ({}) as Record<string, Annotation>)
        for (const [id, a] of Object.entries(next.snapshot.annotations)) (byPart[partOf(id)] as Record<string, Annotation>)[id] = a
        for (const [n, part] of this.parts.entries()) {
          const annotations = byPart[n] as Record<string, Annotation>
          if (isEmpty(annotations) && isEmpty(part.data.annotations)) continue
          await part.replace({ annotations })
        }
        await this.meta.replace({ appliedThrough: next.snapshot.appliedThrough, trash: next.snapshot.trash })
      }
      if (next.journal) await this.journal.replace(next.journal)
    } finally {
      // Whatever landed: every entry now in the journal is on disk.
      this.#durableSeq = journalNextSeq(this.journal.data)
    }
  }

  #journalIndex(): JournalIndex {
    const entries = this.journal.data.entries
    const applied = this.meta.data.appliedThrough
    let index = this.#index
    if (!index || index.entries !== entries || index.applied !== applied || index.seen > entries.length) {
      index = this.#index = { entries, applied, seen: 0, latest: new Map(), unfolded: 0, maxSeq: 0 }
    }
    for (; index.seen < entries.length; index.seen++) {
      const e = entries[index.seen] as JournalEntry
      if (e.seq > index.maxSeq) index.maxSeq = e.seq
      if (e.seq <= applied) continue
      index.unfolded++
      index.latest.set(e.annotation.id, e)
    }
    return index
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
   * annotations.json from an older version: its annotations go to their
   * parts (its copy wins), then its trash and checkpoint to meta, then it is
   * removed. A crash part-way repeats the move at the next start.
   */
  async #moveLegacy(legacy: JsonStore<Snapshot>, fs: ReturnType<typeof storeFs>): Promise<void> {
    const old = legacy.data
    if (old.appliedThrough === 0 && isEmpty(old.annotations) && old.trash.length === 0) return
    const byPart = new Map<number, Annotation[]>()
    for (const [id, a] of Object.entries(old.annotations)) byPart.get(partOf(id))?.push(a) ?? byPart.set(partOf(id), [a])
    for (const [n, list] of byPart) {
      await (this.parts[n] as JsonStore<Part>).update((draft) => {
        for (const a of list) draft.annotations[a.id] = structuredClone(a)
      })
    }
    await this.meta.update((draft) => {
      draft.appliedThrough = Math.max(draft.appliedThrough, old.appliedThrough)
      draft.trash = structuredClone(old.trash)
    })
    try {
      await fs.unlink(legacy.path)
      await fs.syncDir(dirname(legacy.path))
    } catch (err) {
      if (errnoOf(err) !== 'ENOENT') throw err
    }
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
    const applied = this.meta.data.appliedThrough
    const folding = this.journal.data.entries.filter((e) => e.seq < this.#durableSeq && e.seq > applied)
    const through = folding.reduce((max, e) => Math.max(max, e.seq), applied)
    if (through > applied) {
      // 1. Each part the entries touch, one write at a time; 2. trash and checkpoint.
      const byPart = new Map<number, JournalEntry[]>()
      for (const e of folding) byPart.get(partOf(e.annotation.id))?.push(e) ?? byPart.set(partOf(e.annotation.id), [e])
      for (const [n, entries] of [...byPart].sort((a, b) => a[0] - b[0])) {
        // Copies, so the part and the journal never share an object.
        const copies = entries.map((e) => structuredClone(e))
        await (this.parts[n] as JsonStore<Part>).update((draft) => {
          for (const e of copies) foldPart(draft, e)
        })
      }
      // The trash keeps whole annotations: copies of the deleted ones.
      const deleted = new Map(folding.filter((e) => e.kind === 'delete').map((e) => [e.seq, structuredClone(e)]))
      await this.meta.update((draft) => {
        for (const e of folding) if (e.seq > draft.appliedThrough) foldMeta(draft, deleted.get(e.seq) ?? e)
        draft.appliedThrough = Math.max(draft.appliedThrough, through)
      })
    }
    const done = this.meta.data.appliedThrough
    if (this.journal.data.entries.some((e) => e.seq <= done)) {
      await this.journal.update((draft) => {
        draft.nextSeq = journalNextSeq(draft)
        draft.entries = draft.entries.filter((e) => e.seq > done)
      })
    }
  }
}

const emptySnapshot = (): Snapshot => ({ appliedThrough: 0, annotations: {}, trash: [] })

function isEmpty(record: Record<string, unknown>): boolean {
  for (const key in record) if (Object.hasOwn(record, key)) return false
  return true
}

function foldPart(draft: Part, e: JournalEntry): void {
  if (e.kind === 'put') draft.annotations[e.annotation.id] = e.annotation
  else delete draft.annotations[e.annotation.id]
}

function foldMeta(draft: Meta, e: JournalEntry): void {
  const id = e.annotation.id
  if (e.kind === 'put') {
    draft.trash = draft.trash.filter((t) => t.annotation.id !== id)
  } else {
    draft.trash.push({ annotation: e.annotation, deletedAt: e.deletedAt })
    if (draft.trash.length > TRASH_MAX) draft.trash.splice(0, draft.trash.length - TRASH_MAX)
  }
}

const missing = (id: string): NotFoundError => new NotFoundError(`No annotation with id "${id}"; it may have been deleted.`)
