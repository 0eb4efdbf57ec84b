// Why: main names each automatic backup in English; the page names it in its
// own language from what the copy is (its kind, its store and, for a daily
// copy, the day in main's file name), and shows main's words for any copy it
// does not know, so a copy added later is still listed.
import { currentLocale, t, type MessageKey } from '@renderer/i18n'
import { formatDay } from '@renderer/i18n/format'
import type { AutomaticBackup, AutomaticBackupKind } from '@shared/domain/data'

const FULL: Record<Exclude<AutomaticBackupKind, 'daily'>, MessageKey> = {
  'before-restore': 'data.automatic.kinds.before-restore',
  'before-reset': 'data.automatic.kinds.before-reset',
  'before-delete': 'data.automatic.kinds.before-delete'
}

const STORES: Record<string, MessageKey> = {
  settings: 'data.automatic.stores.settings',
  progress: 'data.automatic.stores.progress',
  study: 'data.automatic.stores.study',
  'study-journal': 'data.automatic.stores.study-journal',
  'study-mocks': 'data.automatic.stores.study-mocks',
  annotations: 'data.automatic.stores.annotations',
  'annotations-journal': 'data.automatic.stores.annotations-journal',
  'prelims-paper': 'data.automatic.stores.prelims-paper',
  tuning: 'data.automatic.stores.tuning'
}

function storeName(store: string): string | null {
  const month = /^study-log-(\d{4}-\d{2})$/.exec(store)?.[1]
  if (month) return t('data.automatic.stores.studyLog', { month })
  const key = STORES[store]
  return key ? t(key) : null
}

export function backupLabel(backup: AutomaticBackup): string {
  if (backup.kind !== 'daily') return FULL[backup.kind] ? t(FULL[backup.kind]) : backup.label
  // A daily copy's file is "<store>-<YYYY-MM-DD>.json" (main's backups folder).
  const day = /-(\d{4}-\d{2}-\d{2})\.json$/.exec(backup.id)?.[1]
  const store = backup.store ? storeName(backup.store) : null
  if (!day || !store) return backup.label
  // English keeps main's ISO day, as it always read; Hindi names the month.
  return t('data.automatic.daily', { store, day: currentLocale() === 'en' ? day : formatDay(day) })
}
