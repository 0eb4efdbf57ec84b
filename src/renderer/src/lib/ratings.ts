// Why: the four FSRS ratings keep their keys (1–4) in every language, but their
// names are interface text; a Record so a rating cannot go unnamed.
import { t, type MessageKey } from '@renderer/i18n'
import type { StudyRating } from '@shared/domain/study'

const RATING_LABELS: Record<StudyRating, MessageKey> = {
  1: 'selftest.ratings.again',
  2: 'selftest.ratings.hard',
  3: 'selftest.ratings.good',
  4: 'selftest.ratings.easy'
}

/** "Again", "Hard", "Good", "Easy" in the page's language. */
export function ratingName(rating: StudyRating): string {
  return t(RATING_LABELS[rating])
}
