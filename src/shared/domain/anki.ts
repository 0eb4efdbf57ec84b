// Why: what an Anki export hands back and what an Anki import shows before
// anything is saved, with the size limits both sides enforce, in one
// validator-free file the page can import.

const MB = 1024 * 1024
/** An .apkg as it sits on disk (zipped); a larger deck is refused before it is opened. */
export const ANKI_MAX_BYTES = 40 * MB
/** What an .apkg may unzip to, checked from the zip's records and again while inflating. */
export const ANKI_MAX_UNZIPPED_BYTES = 200 * MB
/** Entries in an .apkg zip: the collection, `media`, `meta` and one per media file. */
export const ANKI_MAX_ENTRIES = 20_000
/** An Anki CSV / text export. */
export const ANKI_CSV_MAX_BYTES = 16 * MB

export type AnkiFormat = 'apkg' | 'csv'

export interface AnkiExportCounts {
  /** Notes by where they came from in the pack. */
  questions: number
  flashcards: number
  cloze: number
  cells: number
  highlights: number
  /** Notes written, and the Anki cards they make. */
  notes: number
  cards: number
}

export interface AnkiExportResult {
  fileName: string
  mime: 'application/apkg' | 'text/csv'
  encoding: 'base64' | 'utf8'
  content: string
  counts: AnkiExportCounts
}

export type AnkiErrorCode = 'too-large' | 'not-anki' | 'zip-bomb' | 'corrupt' | 'empty' | 'too-many' | 'id-taken' | 'unreadable'

export interface AnkiError {
  code: AnkiErrorCode
  message: string
}

export interface AnkiPreview {
  packId: string
  title: string
  /** Which file inside the .apkg was read (collection.anki21b, collection.anki2…), or "csv". */
  source: string
  notes: number
  /** Cards the pack gets, by kind (a reversed note gives two flashcards; a cloze note one per deletion). */
  cards: { flashcard: number; cloze: number }
  sections: { id: string; title: string; cards: number }[]
  /** Media files the deck carried; they are left out. */
  mediaLeftOut: number
  /** Whether the deck's review history was carried over (it is not: cards start new). */
  historySeeded: boolean
  reviewsInDeck: number
  warnings: string[]
}
