// Why: what the store must know of its journal without reading it through
// each time: the next free seq, and the newest unfolded entry per id (the live
// copy of an annotation, before the parts), kept current as entries arrive.
import type { Journal, JournalEntry } from './annotation-schema'

/** The next free seq: an append does not rewrite nextSeq (memory stays what is on disk), so past the newest entry when that is above it. */
export function journalNextSeq(journal: Journal): number {
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
export interface JournalIndex {
  entries: JournalEntry[]
  applied: number
  /** Entries looked at so far (they are only ever appended to the same array). */
  seen: number
  /** Newest unfolded entry per annotation id. */
  latest: Map<string, JournalEntry>
  unfolded: number
  maxSeq: number
}

/** `index` brought up to date with `entries` (a new index when the entries array was replaced or the checkpoint moved). */
export function refreshJournalIndex(index: JournalIndex | null, entries: JournalEntry[], applied: number): JournalIndex {
  if (!index || index.entries !== entries || index.applied !== applied || index.seen > entries.length) {
    index = { entries, applied, seen: 0, latest: new Map(), unfolded: 0, maxSeq: 0 }
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
