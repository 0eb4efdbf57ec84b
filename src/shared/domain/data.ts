// Why: what backups, restores and pack imports return, and the size limits
// both sides enforce, in one validator-free file so the renderer can refuse a
// file that is too large before sending it and say exactly what main would say.

export const BACKUP_FORMAT = 'revision-desk-backup'
export const BACKUP_FORMAT_VERSION = 1

const MB = 1024 * 1024
/** A notes pack file; the bundled one is well under 1 MB. */
export const PACK_MAX_BYTES = 20 * MB
/** A backup file: ~20,000 reviews with their history is ~10 MB. */
export const BACKUP_MAX_BYTES = 64 * MB
/** Objects and arrays nested deeper than this are refused before they reach a schema. */
export const MAX_JSON_DEPTH = 64

/** "50.0 MB": one decimal, so a file just over a limit does not read as equal to it. */
export function megabytes(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`
}

export function tooLargeMessage(fileName: string, bytes: number, limit: number): string {
  return `${fileName} is too large (${megabytes(bytes)}; the limit is ${Math.round(limit / MB)} MB).`
}

/** How much of a student's work a backup (or the current data) holds. */
export interface DataSummary {
  settings: boolean
  progress: { packs: number; sectionsRead: number }
  study: {
    cards: number
    reviews: number
    highlightCards: number
    examDates: number
    mockTests: number
    firstReview: string | null
    lastReview: string | null
  }
  annotations: { live: number; trash: number }
  /** Mains answer attempts, and how many of them were self-scored. */
  writing: { attempts: number; scored: number }
  /** Every pack the data mentions, and whether it is installed here. */
  packs: { id: string; title: string | null; installed: boolean }[]
}

export interface BackupInfo {
  createdAt: string
  appVersion: string
  formatVersion: number
  summary: DataSummary
}

export interface BackupExport {
  fileName: string
  content: string
}

export type AutomaticBackupKind = 'daily' | 'before-restore' | 'before-reset' | 'before-delete'

export interface AutomaticBackup {
  /** An opaque name, only ever looked up in the backups folder's own listing. */
  id: string
  kind: AutomaticBackupKind
  createdAt: string
  sizeBytes: number
  label: string
  /** For a daily copy: the one store it restores. */
  store?: string
}

export interface RestoreResult {
  summary: DataSummary
  /** File name of the copy of the data as it was just before, inside the backups folder. */
  safetyBackup: string
}

export interface PackProgressDeletion {
  packId: string
  removed: { sectionsRead: number; cards: number; reviews: number; highlightCards: number; mockTests: number; annotations: number; answers: number }
  safetyBackup: string | null
}

export type PackSource = 'bundled' | 'imported'

/**
 * The browser host reads request bodies up to 8 MB. Calls that carry a whole
 * file get room for the largest file allowed, JSON-escaped (quotes and line
 * breaks double), so the service can say "too large" in its own words.
 */
export function fileBodyLimit(channel: string): number | undefined {
  if (channel === 'packs:import') return PACK_MAX_BYTES * 3
  // A Word file travels as base64 (4/3 of its size); Markdown as JSON-escaped text.
  if (channel === 'notes:preview' || channel === 'notes:import') return PACK_MAX_BYTES * 3
  if (channel === 'data:inspectBackup' || channel === 'data:restoreBackup') return BACKUP_MAX_BYTES * 3
  // An Anki deck travels as base64 (4/3); room for one past the 40 MB cap, so it hears the service's sentence.
  if (channel === 'anki:preview' || channel === 'anki:import') return 96 * 1024 * 1024
  return undefined
}
