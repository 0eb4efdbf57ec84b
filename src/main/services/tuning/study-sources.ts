// Why: the optimiser and the workload estimate look at every pack's history
// and cards together, since one student's memory is fitted once for all packs.
import type { PackService } from '../packs/pack-service'
import type { StoredCard } from '../study/scheduler'
import type { StudyService } from '../study/study-service'
import type { ReviewRecord } from './review-sequences'

export async function allReviews(packs: PackService, study: StudyService): Promise<ReviewRecord[]> {
  const out: ReviewRecord[] = []
  for (const { id } of packs.list().packs) {
    for (const e of await study.history(id)) out.push({ packId: e.packId, itemId: e.itemId, day: e.day, rating: e.rating })
  }
  return out
}

export function* allCards(packs: PackService, study: StudyService): Iterable<StoredCard> {
  for (const { id } of packs.list().packs) yield* study.store.cards(id).values()
}
