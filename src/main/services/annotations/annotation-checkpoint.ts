// Why: how annotation changes fold into the saved state, for the journaled
// store's checkpoint (see store/journaled-store.ts): each part the entries
// touch, then the trash and appliedThrough in meta. Every step is atomic and
// repeatable: an entry holds the whole annotation, so folding it again over a
// part that already has it changes nothing, and meta skips what it has applied.
import type { FileShelf } from '../store/file-shelf'
import { groupBy } from '../store/file-shelf'
import type { Folding } from '../store/journaled-store'
import type { JsonStore } from '../store/json-store'
import { partKey, partOf } from './annotation-parts'
import { TRASH_MAX, type JournalEntry, type Meta, type Part } from './annotation-schema'

/** The live view: the newest unfolded entry per annotation id (what the journal says an annotation now is). */
export interface AnnotationView {
  latest: Map<string, JournalEntry>
}

export function annotationFolding(shelf: FileShelf<Part>, meta: JsonStore<Meta>): Folding<JournalEntry, AnnotationView> {
  return {
    appliedThrough: () => meta.data.appliedThrough,
    start: () => ({ latest: new Map() }),
    add: (view, e) => void view.latest.set(e.annotation.id, e),
    async fold(entries, through) {
      await shelf.fold(
        groupBy(entries, (e) => partKey(partOf(e.annotation.id))),
        (draft, group) => group.forEach((e) => foldPart(draft, e))
      )
      await meta.update((draft) => {
        for (const e of entries) if (e.seq > draft.appliedThrough) foldMeta(draft, e)
        draft.appliedThrough = Math.max(draft.appliedThrough, through)
      })
    }
  }
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
