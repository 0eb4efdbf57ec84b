// Why: the app-level shapes main returns to the renderer (app info, notices,
// the pack list, reading progress), shared so both sides agree.
import type { Pack } from '../pack/schema'
import type { PackSource } from './data'

export type { LineWidth, Settings, Theme } from './settings'

export interface StoreNotice {
  id: string
  /** recovered: a file was unreadable at start; write-failed: a start-up save failed; checkpoint-failed: folding saved changes into a store's files keeps failing (nothing is lost, the app retries). */
  kind: 'recovered' | 'write-failed' | 'checkpoint-failed'
  /** The store file the notice is about. */
  file: string
  /** Where the unreadable file was kept, byte for byte. */
  keptAs?: string
  /** What was loaded instead: a backup, the defaults, or the file's own content once repaired (a stray byte-order mark). */
  restoredFrom?: 'backup' | 'defaults' | 'repaired'
  backupFile?: string
  reason: string
  at: string
}

export interface AppInfo {
  name: string
  version: string
  host: 'electron' | 'web'
  dataDir: string
}

export interface PackSummary {
  id: string
  title: string
  /** The pack's Hindi title, when the pack has one. */
  titleHi?: string
  subtitle?: string
  version: string
  asOf: string
  counts: { sections: number; questions: number; tables: number; glossary: number }
  /** Shipped with the app, or imported by the student (only those can be removed). Main always sets it. */
  source?: PackSource
}

export interface PackLoadError {
  file: string
  message: string
  issues: { path: string; message: string }[]
}

export interface PackList {
  packs: PackSummary[]
  errors: PackLoadError[]
}

export interface ReadingLocation {
  sectionId: string
  /** Block the reader was on, if known. */
  blockId?: string
}

export interface PackProgress {
  packId: string
  readSections: string[]
  location: ReadingLocation | null
}

export type { Pack }
