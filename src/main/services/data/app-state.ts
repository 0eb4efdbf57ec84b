// Why: "all of a student's data" named once: every store file the services
// keep, with the schema and version it is saved under. A backup holds exactly
// these, a restore writes exactly these, and a reset writes their defaults, so
// nothing a service saves can be left out of a backup by accident.
import * as z from 'zod'
import type { Settings } from '../../../shared/domain'
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings'
import { SettingsSchema } from '../../../shared/settings'
import { ANNOTATIONS_STORE, JournalSchema as AnnotationJournalSchema, SnapshotSchema as AnnotationSnapshotSchema } from '../annotations/annotation-store'
import type { Journal as AnnotationJournal, Snapshot as AnnotationSnapshot } from '../annotations/annotation-store'
import { PROGRESS_STORE, ProgressSchema, type ProgressData } from '../progress-service'
import { SETTINGS_STORE } from '../settings-service'
import { MOCK_STORE, MockStoreSchema } from '../study/mock-service'
import { ArchiveSchema, JournalSchema as StudyJournalSchema, SnapshotSchema as StudySnapshotSchema } from '../study/study-schema'
import type { ArchiveData, JournalData as StudyJournal, SnapshotData as StudySnapshot } from '../study/study-schema'
import { STUDY_STORE } from '../study/study-store'
import type { Migrations } from '../store/migrations'
import { PRELIMS_STORE, PrelimsStoreSchema } from '../prelims/prelims-service'
import { defaultTuning, TUNING_STORE, TuningSchema, type TuningData } from '../tuning/tuning-store'
import { DraftStoreSchema, emptyDraftStore, emptyWritingJournal, emptyWritingSnapshot, WRITING_STORE } from '../writing/attempt-schema'
import { WritingJournalSchema, WritingSnapshotSchema } from '../writing/attempt-schema'
import type { DraftStore as WritingDraft, WritingJournal, WritingSnapshot } from '../writing/attempt-schema'

export type MockData = z.infer<typeof MockStoreSchema>
export type PrelimsData = z.infer<typeof PrelimsStoreSchema>

/** The whole state, one entry per store file; `logs` are the month files (study-log-YYYY-MM). */
export interface AppState {
  settings: Settings
  progress: ProgressData
  study: StudySnapshot
  'study-journal': StudyJournal
  'study-mocks': MockData
  annotations: AnnotationSnapshot
  'annotations-journal': AnnotationJournal
  writing: WritingSnapshot
  'writing-journal': WritingJournal
  'writing-draft': WritingDraft
  logs: Record<string, ArchiveData>
  'prelims-paper': PrelimsData
  tuning: TuningData
}

export type StoreKey = Exclude<keyof AppState, 'logs'>

export interface StoreSpec<T> {
  version: number
  schema: z.ZodType<T>
  /** What the service starts with; must equal the service's own defaults (the reset test checks this). */
  defaults: () => T
  /** Same as the store's own, so an older backup is upgraded exactly as an older file would be. */
  migrations?: Migrations
}

type Specs = { [K in StoreKey]: StoreSpec<AppState[K]> }

export const STORE_SPECS: Specs = {
  settings: { version: SETTINGS_STORE.version, schema: SettingsSchema, defaults: () => ({ ...DEFAULT_SETTINGS }) },
  progress: { version: PROGRESS_STORE.version, schema: ProgressSchema, defaults: () => ({ packs: {} }) },
  study: { version: STUDY_STORE.version, schema: StudySnapshotSchema, defaults: () => ({ appliedThrough: 0, packs: {} }) },
  'study-journal': { version: STUDY_STORE.version, schema: StudyJournalSchema, defaults: () => ({ nextId: 1, trimmedThrough: 0, entries: [] }) },
  'study-mocks': { version: MOCK_STORE.version, schema: MockStoreSchema, defaults: () => ({ active: {}, results: {} }) },
  annotations: { version: ANNOTATIONS_STORE.version, schema: AnnotationSnapshotSchema, defaults: () => ({ appliedThrough: 0, annotations: {}, trash: [] }) },
  'annotations-journal': { version: ANNOTATIONS_STORE.version, schema: AnnotationJournalSchema, defaults: () => ({ nextSeq: 1, entries: [] }) },
  'prelims-paper': { version: PRELIMS_STORE.version, schema: PrelimsStoreSchema, defaults: () => ({ active: null, results: [] }) },
  tuning: { version: TUNING_STORE.version, schema: TuningSchema, defaults: defaultTuning },
  writing: { version: WRITING_STORE.version, schema: WritingSnapshotSchema, defaults: emptyWritingSnapshot },
  'writing-journal': { version: WRITING_STORE.version, schema: WritingJournalSchema, defaults: emptyWritingJournal },
  'writing-draft': { version: WRITING_STORE.version, schema: DraftStoreSchema, defaults: emptyDraftStore }
}

export const STORE_KEYS = Object.keys(STORE_SPECS) as StoreKey[]

export const LOG_SPEC: StoreSpec<ArchiveData> = { version: STUDY_STORE.version, schema: ArchiveSchema, defaults: () => ({ entries: [] }) }
/** `study-log-2026-05` → `2026-05`. */
export const LOG_STORE = /^study-log-(\d{4}-(?:0[1-9]|1[0-2]))$/
export const logStoreName = (month: string): `study-log-${string}` => `study-log-${month}`

export function isStoreKey(name: string): name is StoreKey {
  return Object.hasOwn(STORE_SPECS, name)
}

/** Everything back to where a new student starts, except (by default) the display settings. */
export function defaultState(keep: Partial<Pick<AppState, 'settings'>> = {}): AppState {
  const out = Object.fromEntries(STORE_KEYS.map((key) => [key, STORE_SPECS[key].defaults()])) as Omit<AppState, 'logs'>
  return { ...out, ...keep, logs: {} }
}
