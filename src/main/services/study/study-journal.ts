// Why: study.json is only ever changed by folding journal entries into it
// (at a checkpoint, or replaying the month files after a restore), and the
// journal's next id is worked out the same way by every writer; both live
// here, with the files' names, so the store, its checkpoint and the history
// parts agree on them exactly.
import { emptyPackStudy, type JournalData, type LogEntry, type PackStudy, type SnapshotData } from './study-schema'

export const STUDY_STORE = { name: 'study', journal: 'study-journal', archivePrefix: 'study-log-', version: 1 } as const

/**
 * The next free id. An answer only appends its entry (nextId is not rewritten
 * then, so memory stays byte for byte what is on disk), so the next id is
 * past the newest entry when that is above nextId.
 */
export function journalNextId(journal: JournalData): number {
  let next = journal.nextId
  for (const e of journal.entries) if (e.id >= next) next = e.id + 1
  return next
}

export type Counts = { reviews: number; fresh: number }

/** Adds one review to its day's counts. */
export function bump(counts: Map<string, Counts>, e: LogEntry): void {
  const c = counts.get(e.day) ?? { reviews: 0, fresh: 0 }
  c.reviews += 1
  if (e.fresh && e.card) c.fresh += 1
  counts.set(e.day, c)
}

/** Applies entries (oldest first) to study.json's cards and daily counts, skipping those already applied. */
export function fold(draft: SnapshotData, entries: LogEntry[], through: number): void {
  for (const e of entries) {
    if (e.id <= draft.appliedThrough) continue
    if (!Object.hasOwn(draft.packs, e.packId)) draft.packs[e.packId] = emptyPackStudy()
    const pack = draft.packs[e.packId] as PackStudy
    if (e.card) pack.cards[e.itemId] = e.card
    const c = Object.hasOwn(pack.daily, e.day) ? (pack.daily[e.day] as Counts) : (pack.daily[e.day] = { reviews: 0, fresh: 0 })
    c.reviews += 1
    if (e.fresh && e.card) c.fresh += 1
  }
  draft.appliedThrough = Math.max(draft.appliedThrough, through)
}
