// Why: reads the whole state out of the running services and writes a whole
// (or partial) state back through them, so the services' own caches (cards in
// memory, the search index, undo positions) follow every restore, and every
// write keeps the store's guarantees (atomic, on disk before it resolves,
// daily backup of the file it replaces).
import type { AnnotationService } from '../annotations/annotation-service'
import type { ProgressService } from '../progress-service'
import type { SettingsService } from '../settings-service'
import type { StudyService } from '../study/study-service'
import type { ArchiveData } from '../study/study-schema'
import type { PrelimsService } from '../prelims/prelims-service'
import type { TuningService } from '../tuning/tuning-service'
import type { WritingService } from '../writing/writing-service'
import { LOG_STORE, logStoreName, STORE_KEYS, type AppState, type StoreKey } from './app-state'

export interface StateServices {
  settings: SettingsService
  progress: ProgressService
  study: StudyService
  annotations: AnnotationService
  prelims: PrelimsService
  tuning: TuningService
  writing: WritingService
}

/** A store key, or `study-log-YYYY-MM` for a month of review history. */
export type Part = StoreKey | `study-log-${string}`

const EMPTY_LOG: ArchiveData = { entries: [] }

/** The state on disk: every pending write (and checkpoint) is waited for first. */
export async function captureState(s: StateServices): Promise<AppState> {
  await Promise.all([
    s.settings.store.flush(),
    s.progress.store.flush(),
    s.study.flush(),
    s.prelims.store.flush(),
    s.writing.drafts.flush(),
    s.tuning.store.flush()
  ])
  const [study, annotations, writing] = await Promise.all([s.study.store.exportAll(), s.annotations.store.exportAll(), s.writing.store.exportAll()])
  return {
    settings: structuredClone(s.settings.store.data),
    progress: structuredClone(s.progress.store.data),
    study: study.snapshot,
    'study-journal': study.journal,
    'study-mocks': structuredClone(s.study.mocks.store.data),
    annotations: annotations.snapshot,
    'annotations-journal': annotations.journal,
    'prelims-paper': structuredClone(s.prelims.store.data),
    tuning: structuredClone(s.tuning.store.data),
    writing: writing.snapshot,
    'writing-journal': writing.journal,
    'writing-draft': structuredClone(s.writing.drafts.data),
    logs: study.logs
  }
}

/** The parts whose data differ; a month missing on one side counts as empty. */
export function changedParts(from: AppState, to: AppState): Part[] {
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)
  const parts: Part[] = STORE_KEYS.filter((key) => !same(from[key], to[key]))
  const months = new Set([...Object.keys(from.logs), ...Object.keys(to.logs)])
  for (const month of [...months].sort()) {
    if (!same(from.logs[month] ?? EMPTY_LOG, to.logs[month] ?? EMPTY_LOG)) parts.push(logStoreName(month))
  }
  return parts
}

/** Writes `parts` of `next`, one file at a time; throws at the first failed write (earlier ones stay written). */
export async function applyParts(s: StateServices, next: AppState, parts: readonly Part[]): Promise<void> {
  const has = (part: Part): boolean => parts.includes(part)
  if (has('settings')) await s.settings.store.replace(next.settings)
  if (has('progress')) await s.progress.store.replace(next.progress)
  const logs: Record<string, ArchiveData> = {}
  for (const part of parts) {
    const month = LOG_STORE.exec(part)?.[1]
    if (month) logs[month] = next.logs[month] ?? EMPTY_LOG
  }
  if (has('study') || has('study-journal') || Object.keys(logs).length > 0) {
    await s.study.store.replaceAll({
      ...(has('study') ? { snapshot: next.study } : {}),
      ...(has('study-journal') ? { journal: next['study-journal'] } : {}),
      logs
    })
  }
  if (has('study-mocks')) await s.study.mocks.store.replace(next['study-mocks'])
  if (has('prelims-paper')) await s.prelims.store.replace(next['prelims-paper'])
  if (has('tuning')) await s.tuning.replaceAll(next.tuning)
  if (has('annotations') || has('annotations-journal')) {
    await s.annotations.replaceAll({
      ...(has('annotations') ? { snapshot: next.annotations } : {}),
      ...(has('annotations-journal') ? { journal: next['annotations-journal'] } : {})
    })
  }
  if (has('writing') || has('writing-journal')) {
    await s.writing.store.replaceAll({
      ...(has('writing') ? { snapshot: next.writing } : {}),
      ...(has('writing-journal') ? { journal: next['writing-journal'] } : {})
    })
  }
  if (has('writing-draft')) await s.writing.drafts.replace(next['writing-draft'])
}
