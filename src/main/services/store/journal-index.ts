// Why: a journaled store answers every read (a card, an annotation, today's
// counts) from its saved files plus the journal entries not yet folded in.
// Scanning the journal per read would cost more the longer a checkpoint is
// overdue, so the unfolded entries are folded into a live view as they
// arrive, and the view is rebuilt only when the entries array is replaced (a
// trim, a restore, a rolled-back write) or the checkpoint moves.

/** How a store builds its live view: from the saved files, then each unfolded entry in journal order. */
export interface LiveView<E, V> {
  start(): V
  add(view: V, entry: E): void
}

export interface JournalIndex<E, V> {
  /** The entries array this index was built over (an append pushes onto it; anything else replaces it). */
  entries: E[]
  applied: number
  generation: number
  /** Entries looked at so far. */
  seen: number
  view: V
  /** Entries past `applied`, pending ones included. */
  unfolded: number
  /** Highest position of any entry seen, folded or not. */
  maxSeq: number
}

/** `index` brought up to date with `entries`: a new one when the array was replaced, the checkpoint moved or the store was reset. */
export function refreshIndex<E, V>(
  index: JournalIndex<E, V> | null,
  at: { entries: E[]; applied: number; generation: number },
  seqOf: (entry: E) => number,
  live: LiveView<E, V>
): JournalIndex<E, V> {
  const { entries, applied, generation } = at
  if (!index || index.entries !== entries || index.applied !== applied || index.generation !== generation || index.seen > entries.length) {
    index = { entries, applied, generation, seen: 0, view: live.start(), unfolded: 0, maxSeq: 0 }
  }
  for (; index.seen < entries.length; index.seen++) {
    const entry = entries[index.seen] as E
    const seq = seqOf(entry)
    if (seq > index.maxSeq) index.maxSeq = seq
    if (seq <= applied) continue
    index.unfolded++
    live.add(index.view, entry)
  }
  return index
}
