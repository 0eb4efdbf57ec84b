// Why: before a student replaces their data they should see what the file
// holds in their own terms (cards, reviews, highlights, which packs), and the
// same counts say what a restore brought back or a deletion took away.
import type { DataSummary } from '../../../shared/domain/data'
import type { AppState } from './app-state'

export interface PackInfo {
  title(packId: string): string | null
  installed(packId: string): boolean
}

/** Every pack id the state mentions, in first-seen order. */
export function packIdsOf(state: AppState): string[] {
  const ids = new Set<string>()
  for (const id of Object.keys(state.progress.packs)) ids.add(id)
  for (const id of Object.keys(state.study.packs)) ids.add(id)
  for (const e of state['study-journal'].entries) ids.add(e.packId)
  for (const log of Object.values(state.logs)) for (const e of log.entries) ids.add(e.packId)
  for (const id of Object.keys(state['study-mocks'].active)) ids.add(id)
  for (const id of Object.keys(state['study-mocks'].results)) ids.add(id)
  for (const a of Object.values(state.annotations.annotations)) ids.add(a.packId)
  for (const t of state.annotations.trash) ids.add(t.annotation.packId)
  for (const e of state['annotations-journal'].entries) ids.add(e.annotation.packId)
  for (const a of writingAttempts(state).values()) if (a.packId) ids.add(a.packId)
  return [...ids]
}

/** Every answer attempt by id: writing.json, then the journal past its checkpoint (a newer copy wins), as the store reads them. */
function writingAttempts(state: AppState): Map<string, AppState['writing']['attempts'][string]> {
  const out = new Map(Object.entries(state.writing.attempts))
  for (const e of state['writing-journal'].entries) if (e.seq > state.writing.appliedThrough) out.set(e.attempt.id, e.attempt)
  return out
}

/** Live annotations and trashed ids, replaying the journal past the checkpoint the way the store does. */
function annotationCounts(state: AppState): { live: number; trash: number } {
  const live = new Set(Object.keys(state.annotations.annotations))
  const trash = new Set(state.annotations.trash.map((t) => t.annotation.id))
  for (const e of state['annotations-journal'].entries) {
    if (e.seq <= state.annotations.appliedThrough) continue
    if (e.kind === 'put') {
      live.add(e.annotation.id)
      trash.delete(e.annotation.id)
    } else {
      live.delete(e.annotation.id)
      trash.add(e.annotation.id)
    }
  }
  return { live: live.size, trash: trash.size }
}

function studyCounts(state: AppState): DataSummary['study'] {
  const journal = state['study-journal']
  const cards = new Map<string, Set<string>>()
  const cardsOf = (packId: string): Set<string> => {
    let set = cards.get(packId)
    if (!set) cards.set(packId, (set = new Set()))
    return set
  }
  let highlightCards = 0
  let examDates = 0
  for (const [packId, pack] of Object.entries(state.study.packs)) {
    for (const itemId of Object.keys(pack.cards)) cardsOf(packId).add(itemId)
    highlightCards += Object.keys(pack.highlights).length
    if (pack.exam) examDates++
  }
  for (const e of journal.entries) if (e.id > state.study.appliedThrough && e.card) cardsOf(e.packId).add(e.itemId)

  // A review may be in the journal and, after a checkpoint, in its month file too: count ids once.
  const reviews = new Map<number, string>()
  for (const log of Object.values(state.logs)) for (const e of log.entries) reviews.set(e.id, e.at)
  for (const e of journal.entries) reviews.set(e.id, e.at)
  let first: string | null = null
  let last: string | null = null
  for (const at of reviews.values()) {
    if (first === null || at < first) first = at
    if (last === null || at > last) last = at
  }
  const mockTests = Object.values(state['study-mocks'].results).reduce((n, list) => n + list.length, 0)
  return {
    cards: [...cards.values()].reduce((n, set) => n + set.size, 0),
    reviews: reviews.size,
    highlightCards,
    examDates,
    mockTests,
    firstReview: first,
    lastReview: last
  }
}

function writingCounts(state: AppState): DataSummary['writing'] {
  const attempts = [...writingAttempts(state).values()]
  return { attempts: attempts.length, scored: attempts.filter((a) => a.score !== null).length }
}

export function summariseState(state: AppState, packs: PackInfo, settingsIncluded = true): DataSummary {
  return {
    settings: settingsIncluded,
    progress: {
      packs: Object.keys(state.progress.packs).length,
      sectionsRead: Object.values(state.progress.packs).reduce((n, p) => n + p.readSections.length, 0)
    },
    study: studyCounts(state),
    annotations: annotationCounts(state),
    writing: writingCounts(state),
    packs: packIdsOf(state).map((id) => ({ id, title: packs.title(id), installed: packs.installed(id) }))
  }
}

/** A copy of the state with everything about one pack taken out (the other packs' data untouched). */
export function withoutPack(state: AppState, packId: string): AppState {
  const next = structuredClone(state)
  const other = <T extends { packId: string }>(list: T[]): T[] => list.filter((x) => x.packId !== packId)
  delete next.progress.packs[packId]
  delete next.study.packs[packId]
  next['study-journal'].entries = other(next['study-journal'].entries)
  for (const log of Object.values(next.logs)) log.entries = other(log.entries)
  delete next['study-mocks'].active[packId]
  delete next['study-mocks'].results[packId]
  for (const [id, a] of Object.entries(next.annotations.annotations)) if (a.packId === packId) delete next.annotations.annotations[id]
  next.annotations.trash = next.annotations.trash.filter((t) => t.annotation.packId !== packId)
  next['annotations-journal'].entries = next['annotations-journal'].entries.filter((e) => e.annotation.packId !== packId)
  for (const [id, a] of Object.entries(next.writing.attempts)) if (a.packId === packId) delete next.writing.attempts[id]
  next['writing-journal'].entries = next['writing-journal'].entries.filter((e) => e.attempt.packId !== packId)
  const draft = next['writing-draft'].draft
  if (draft?.source.kind === 'pack' && draft.source.packId === packId) next['writing-draft'].draft = null
  return next
}
