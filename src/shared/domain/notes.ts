// Why: what a notes import shows before anything is saved (the preview) and
// what an update from an edited file changed, plus the size limits both sides
// enforce, in one validator-free file the page can import.
import type { QuestionKind } from '../pack/schema'

const MB = 1024 * 1024
/** A Markdown notes file: 150,000 words is about 1 MB. */
export const NOTES_MAX_BYTES = 8 * MB
/** A Word file as it sits on disk (zipped). */
export const DOCX_MAX_BYTES = 20 * MB
/** What a Word file may unzip to, checked before any of it is read. */
export const DOCX_MAX_UNZIPPED_BYTES = 64 * MB
export const DOCX_MAX_ENTRIES = 2000
/** Lists or quotes nested deeper than this are refused before parsing (the parser slows sharply with depth). */
export const NOTES_MAX_NESTING = 12
/** A compare table holds at most this many rows (the pack schema's limit). */
export const NOTES_MAX_TABLE_ROWS = 200

export interface NotesWarning {
  /** 1-based line in the notes file; 0 when the warning is about the whole file (e.g. a .docx). */
  line: number
  message: string
}

export type NotesErrorCode =
  | 'too-large'
  | 'not-text'
  | 'too-deep'
  | 'table-too-large'
  | 'duplicate-id'
  | 'id-taken'
  | 'too-many'
  | 'empty'
  | 'bad-docx'
  | 'invalid-pack'
  /** The importer failed on something it did not foresee; the message says what. */
  | 'unreadable'

export interface NotesError {
  code: NotesErrorCode
  message: string
  /** 1-based line, when the error is about one place in the file. */
  line?: number
}

export type CardKindCounts = Partial<Record<QuestionKind, number>>

export interface NotesPreview {
  packId: string
  title: string
  asOf: string
  sections: { id: string; title: string; blocks: number; cards: number }[]
  /** Cards by the kind they become in the pack (a reverse card counts as a second flashcard). */
  cards: CardKindCounts
  /** Cards by the syntax they were written in, for the student's own check. */
  cardSyntax: Partial<Record<CardSyntax, number>>
  tables: { id: string; title: string; rows: number; columns: number }[]
  sources: number
  warnings: NotesWarning[]
  /** When updating an installed pack: what the update adds, changes and removes. */
  update?: ReimportSummary
}

export type CardSyntax = 'cloze' | 'basic' | 'reversed' | 'multi-line' | 'multi-line-reversed' | 'quiz-mcq' | 'quiz-statements'

export type DiffKind = 'sections' | 'blocks' | 'tables' | 'rows' | 'questions' | 'sources'

export interface DiffLists {
  added: string[]
  changed: string[]
  removed: string[]
}

export interface ReimportSummary {
  byKind: Record<DiffKind, DiffLists>
  /** Ids present before and after with the same content: their highlights and reviews carry over as they are. */
  unchanged: number
}
