// Why: a handed-in Prelims paper is also practice, so its answers rate their
// cards exactly as a mock test's do (wrong → Again, right → Good, a blank left
// alone, since skipping says nothing about memory). A paper spans packs and
// each pack's cards live in that pack's journal, so the ratings go as one
// journal write per pack, and a pack that fails does not stop the others.
import { ratingForAnswer } from '../../../shared/domain/grading'
import { questionItemId } from '../../../shared/domain/ids'
import type { PrelimsResult } from '../../../shared/domain/prelims'
import type { StudyRating } from '../../../shared/domain/study'
import { ServiceError } from '../errors'

export interface CardRating {
  itemId: string
  rating: StudyRating
}

/** The study service's hook for marked papers: one pack's ratings as one journal write, tagged with the paper's id. */
export type RateAnswers = (packId: string, ratings: CardRating[], paperId: string) => Promise<void>

/** Answered questions' ratings grouped by pack, in the order each pack first appears on the paper. */
export function ratingsByPack(result: PrelimsResult): Map<string, CardRating[]> {
  const byPack = new Map<string, CardRating[]>()
  for (const item of result.items) {
    if (item.outcome === 'unanswered') continue
    // A match question is marked by its coded option, so its outcome is already right or wrong as a whole.
    const rating = { itemId: questionItemId(item.questionId), rating: ratingForAnswer(item.outcome === 'right') }
    const list = byPack.get(item.packId)
    if (list) list.push(rating)
    else byPack.set(item.packId, [rating])
  }
  return byPack
}

/** Rates every pack it can; if any failed, says which, and that the marks are kept. */
export async function rateCards(result: PrelimsResult, rate: RateAnswers): Promise<void> {
  const failed: { packId: string; error: unknown }[] = []
  for (const [packId, ratings] of ratingsByPack(result)) {
    try {
      await rate(packId, ratings, result.paperId)
    } catch (error) {
      failed.push({ packId, error })
    }
  }
  if (!failed.length) return
  const title = (packId: string) => result.items.find((i) => i.packId === packId)?.packTitle ?? packId
  const reason = (e: unknown) => (e instanceof Error ? e.message : String(e))
  throw new ServiceError(
    'write-failed',
    `Your paper was handed in and its marks are kept, but its answers could not rate the study cards of ${failed.map((f) => `"${title(f.packId)}"`).join(', ')}: ${reason(failed[0]?.error)}`,
    failed.map((f) => ({ path: `packs.${f.packId}`, message: reason(f.error) })),
    { cause: failed[0]?.error }
  )
}
