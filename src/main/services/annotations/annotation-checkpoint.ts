// Why: a checkpoint folds the journal into the saved state in steps that are
// each atomic and repeatable (parts, then meta, then trimming the journal),
// so a crash between two steps loses nothing: an entry holds the whole
// annotation, and replaying it over a part that already has it changes nothing.
import type { AppendableJsonStore, JsonStore } from '../store/json-store'
import { journalNextSeq } from './annotation-journal'
import { partOf } from './annotation-parts'
import { TRASH_MAX, type Journal, type JournalEntry, type Meta, type Part } from './annotation-schema'

/** Folds every journal entry with seq below `durableSeq` (those on disk) into the parts and meta, then trims the journal. */
export async function foldJournal(
  files: { meta: JsonStore<Meta>; parts: readonly JsonStore<Part>[]; journal: AppendableJsonStore<Journal, 'entries'> },
  durableSeq: number
): Promise<void> {
  const { meta, parts, journal } = files
  const applied = meta.data.appliedThrough
  const folding = journal.data.entries.filter((e) => e.seq < durableSeq && e.seq > applied)
  const through = folding.reduce((max, e) => Math.max(max, e.seq), applied)
  if (through > applied) {
    // 1. Each part the entries touch, one write at a time; 2. trash and checkpoint.
    const byPart = new Map<number, JournalEntry[]>()
    for (const e of folding) byPart.get(partOf(e.annotation.id))?.push(e) ?? byPart.set(partOf(e.annotation.id), [e])
    for (const [n, entries] of [...byPart].sort((a, b) => a[0] - b[0])) {
      // Copies, so the part and the journal never share an object.
      const copies = entries.map((e) => structuredClone(e))
      await (parts[n] as JsonStore<Part>).update((draft) => {
        for (const e of copies) foldPart(draft, e)
      })
    }
    // The trash keeps whole annotations: copies of the deleted ones.
    const deleted = new Map(folding.filter((e) => e.kind === 'delete').map((e) => [e.seq, structuredClone(e)]))
    await meta.update((draft) => {
      for (const e of folding) if (e.seq > draft.appliedThrough) foldMeta(draft, deleted.get(e.seq) ?? e)
      draft.appliedThrough = Math.max(draft.appliedThrough, through)
    })
  }
  const done = meta.data.appliedThrough
  if (journal.data.entries.some((e) => e.seq <= done)) {
    await journal.update((draft) => {
      draft.nextSeq = journalNextSeq(draft)
      draft.entries = draft.entries.filter((e) => e.seq > done)
    })
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
