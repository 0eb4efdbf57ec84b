// Why: what main sends the .apkg export worker and what comes back, in one
// place both sides import, so the reply main checks is the one the worker sends.
// Main builds the notes (in slices) and sends them a few hundred at a time:
// cloning a whole 10,000-card pack into the worker in one message would
// itself stall main for a few hundred ms.
import type { AnkiExportCounts } from '../../../shared/domain/anki'
import type { ExportNote } from './export-notes'

export const EXPORT_TAG = 'revision-desk/anki-export'

export interface ExportJob {
  tag: typeof EXPORT_TAG
  title: string
  /** ISO time the collection is stamped with. */
  now: string
  counts: AnkiExportCounts
}

/** Main → worker after start: batches of notes, then the end. */
export type ExportBatch = { notes: ExportNote[] } | { done: true }

export type ExportReply = { tag: typeof EXPORT_TAG; ok: true; bytes: Uint8Array } | { tag: typeof EXPORT_TAG; ok: false; error: string }
