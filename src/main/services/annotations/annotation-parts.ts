// Why: the annotations are spread over ANNOTATION_PARTS files so no write (or
// read) handles all 5,000 at once, and an id always lands in the same part,
// so a change touches one file. annotations.json, all in one file, is what
// older versions wrote; it is moved into the parts when found, then removed.
import { dirname } from 'node:path'
import type { Annotation } from '../../../shared/annotations'
import { errnoOf, storeFs } from '../store/fs-ops'
import { openAppendableJsonStore, openJsonStore, type AppendableJsonStore, type JsonStore, type JsonStoreOptions } from '../store/json-store'
import { ANNOTATIONS_STORE, emptySnapshot, JournalSchema, MetaSchema, PartSchema, SnapshotSchema, type Journal, type Meta, type Part, type Snapshot } from './annotation-schema'

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
export const partName = (n: number): string => `${ANNOTATIONS_STORE.part}${String(n).padStart(2, '0')}`

function isEmpty(record: Record<string, unknown>): boolean {
  for (const key in record) if (Object.hasOwn(record, key)) return false
  return true
}

/** What every file is opened with (tests inject failing writes; benches may turn off backups). */
export type FileOptions = { dir: string; clock?: () => Date } & Pick<JsonStoreOptions<unknown>, 'fsync' | 'fs' | 'keepBackups'>

/** Opens every annotations file at once: meta, the journal, the older annotations.json and the parts. */
export async function openAnnotationFiles(files: FileOptions): Promise<{
  meta: JsonStore<Meta>
  journal: AppendableJsonStore<Journal, 'entries'>
  legacy: JsonStore<Snapshot>
  parts: JsonStore<Part>[]
}> {
  const common = { ...files, version: ANNOTATIONS_STORE.version }
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
  return {
    meta: meta as JsonStore<Meta>,
    journal: journal as AppendableJsonStore<Journal, 'entries'>,
    legacy: legacy as JsonStore<Snapshot>,
    parts: parts as JsonStore<Part>[]
  }
}

/** The parts and meta as one saved state (shared with the stores: copy before handing out). */
export function snapshotOf(parts: readonly JsonStore<Part>[], meta: JsonStore<Meta>): Snapshot {
  const annotations: Record<string, Annotation> = {}
  for (const part of parts) Object.assign(annotations, part.data.annotations)
  return { appliedThrough: meta.data.appliedThrough, annotations, trash: meta.data.trash }
}

/**
 * Writes a saved state over the parts, then meta. Parts that are empty before
 * and after are not written, so a restore that puts everything back leaves
 * exactly the files that were there.
 */
export async function writeSnapshot(parts: readonly JsonStore<Part>[], meta: JsonStore<Meta>, snapshot: Snapshot): Promise<void> {
  const byPart = Array.from({ length: ANNOTATION_PARTS }, () => ({}) as Record<string, Annotation>)
  for (const [id, a] of Object.entries(snapshot.annotations)) (byPart[partOf(id)] as Record<string, Annotation>)[id] = a
  for (const [n, part] of parts.entries()) {
    const annotations = byPart[n] as Record<string, Annotation>
    if (isEmpty(annotations) && isEmpty(part.data.annotations)) continue
    await part.replace({ annotations })
  }
  await meta.replace({ appliedThrough: snapshot.appliedThrough, trash: snapshot.trash })
}

/**
 * annotations.json from an older version: its annotations go to their
 * parts (its copy wins), then its trash and checkpoint to meta, then it is
 * removed. A crash part-way repeats the move at the next start.
 */
export async function moveLegacy(legacy: JsonStore<Snapshot>, parts: readonly JsonStore<Part>[], meta: JsonStore<Meta>, fs: ReturnType<typeof storeFs>): Promise<void> {
  const old = legacy.data
  if (old.appliedThrough === 0 && isEmpty(old.annotations) && old.trash.length === 0) return
  const byPart = new Map<number, Annotation[]>()
  for (const [id, a] of Object.entries(old.annotations)) byPart.get(partOf(id))?.push(a) ?? byPart.set(partOf(id), [a])
  for (const [n, list] of byPart) {
    await (parts[n] as JsonStore<Part>).update((draft) => {
      for (const a of list) draft.annotations[a.id] = structuredClone(a)
    })
  }
  await meta.update((draft) => {
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
