// Why: how answers fold into the saved study state, for the journaled store's
// checkpoint (see store/journaled-store.ts): the review history parts first
// (merged by id, so a repeat is harmless), then study.json's cards and daily
// counts, moving appliedThrough last (entries already applied are skipped). The
// live view (cards, today's counts, the newest answer per pack) is built the
// same way from study.json plus the answers not yet folded, so a read never
// waits for a checkpoint and never sees a card twice.
import type { Folding } from '../store/journaled-store'
import type { JsonStore } from '../store/json-store'
import type { StoredCard } from './scheduler'
import type { StudyArchive } from './study-archive'
import { emptyPackStudy, type LogEntry, type PackStudy, type SnapshotData } from './study-schema'

export type Counts = { reviews: number; fresh: number }

export interface StudyView {
  /** Every pack's cards: study.json's, then each unfolded answer's. */
  cards: Map<string, Map<string, StoredCard>>
  /** Reviews and first-time items per pack and day, from the unfolded answers only. */
  daily: Map<string, Map<string, Counts>>
  /** The newest unfolded answer per pack (what undo takes back). */
  last: Map<string, LogEntry>
}

/** Adds one review to its day's counts. */
export function bump(counts: Map<string, Counts>, e: LogEntry): void {
  const c = counts.get(e.day) ?? { reviews: 0, fresh: 0 }
  c.reviews += 1
  if (e.fresh && e.card) c.fresh += 1
  counts.set(e.day, c)
}

/** Applies entries (oldest first) to study.json's cards and daily counts, skipping those already applied. */
export function foldSnapshot(draft: SnapshotData, entries: readonly LogEntry[], through: number): void {
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

export function studyFolding(snapshot: JsonStore<SnapshotData>, history: StudyArchive): Folding<LogEntry, StudyView> {
  return {
    appliedThrough: () => snapshot.data.appliedThrough,
    start: () => ({
      cards: new Map(Object.entries(snapshot.data.packs).map(([packId, pack]) => [packId, new Map(Object.entries(pack.cards))])),
      daily: new Map(),
      last: new Map()
    }),
    add(view, e) {
      if (e.card) {
        const cards = view.cards.get(e.packId)
        if (cards) cards.set(e.itemId, e.card)
        else view.cards.set(e.packId, new Map([[e.itemId, e.card]]))
      }
      const daily = view.daily.get(e.packId)
      if (daily) bump(daily, e)
      else view.daily.set(e.packId, new Map([[e.day, { reviews: 1, fresh: e.fresh && e.card ? 1 : 0 }]]))
      view.last.set(e.packId, e)
    },
    async fold(entries, through) {
      await history.merge(entries)
      await snapshot.update((draft) => foldSnapshot(draft, entries, through))
    }
  }
}
