// Why: the annotations are spread over ANNOTATION_PARTS files so no write (or
// read) handles all 5,000 at once, and an id always lands in the same part,
// so a change touches one file. This names the parts, and turns them (with
// annotations-meta.json) into one saved state and back, for backups.
import type { Annotation } from '../../../shared/annotations'
import { FileShelf } from '../store/file-shelf'
import type { JsonStore, StoreFileOptions } from '../store/json-store'
import { ANNOTATIONS_STORE, PartSchema, type Meta, type Part, type Snapshot } from './annotation-schema'

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

/** The shelf key of part `n`: annotations-part-NN.json. */
export const partKey = (n: number): string => String(n).padStart(2, '0')

/** Opens every part at once: reads answer from all of them without waiting. */
export async function openParts(files: StoreFileOptions): Promise<{ shelf: FileShelf<Part>; parts: JsonStore<Part>[] }> {
  const shelf = new FileShelf<Part>(
    { prefix: ANNOTATIONS_STORE.part, key: /^\d\d$/, schema: PartSchema, version: ANNOTATIONS_STORE.version, defaults: () => ({ annotations: {} }) },
    files
  )
  const parts = await Promise.all(Array.from({ length: ANNOTATION_PARTS }, (_, n) => shelf.open(partKey(n))))
  return { shelf, parts }
}

function isEmpty(record: Record<string, unknown>): boolean {
  for (const key in record) if (Object.hasOwn(record, key)) return false
  return true
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
