// Why: Settings → Data as main confirms it: back up, restore from a file
// (inspected first, replaced only on an explicit confirm), reset, and the
// automatic backups. A restore or reset changes what every other store holds
// (library, progress, study, annotations, …), so on success the page reloads
// and every store loads afresh from main; the success message survives the
// reload in sessionStorage and is shown once.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '@renderer/api'
import { t } from '@renderer/i18n'
import { backupLabel } from '@renderer/lib/backup-label'
import { oversize, readFileText, type FileStep } from '@renderer/lib/read-file'
import { saveTextFile } from '@renderer/lib/save-file'
import { BACKUP_MAX_BYTES, type AutomaticBackup, type BackupInfo, type DataSummary } from '@shared/domain/data'
import { ApiError } from '@shared/result'

export const MESSAGE_KEY = 'revision-desk:data-message'

/** Replaced in tests, where a real reload would end the test. */
export const page = { reload: (): void => window.location.reload() }

export interface DataMessage {
  tone: 'success' | 'error' | 'info'
  /** Which action it reports on, so the section that started it shows it. */
  action?: DataAction
  text: string
  /** The fields a bad file got wrong, e.g. "stores.progress.data: …". */
  details: string[]
  /** "en" when the details are main's own words, which stay as main wrote them. */
  detailsLang?: 'en'
}

export function failureMessage(err: unknown): DataMessage {
  const text = err instanceof Error ? err.message : String(err)
  const details = err instanceof ApiError ? err.issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`) : []
  // The message usually names the first field already; list the fields only when there are more.
  return { tone: 'error', text, details: details.length > 1 ? details : [] }
}

/**
 * A failed action in the page's language, with the reason underneath as it
 * came (main's words, or the page's own check), so nothing technical is lost.
 */
export function failedMessage(action: DataAction | 'load', err: unknown): DataMessage {
  const reason = err instanceof Error ? err.message : String(err)
  const issues = err instanceof ApiError ? err.issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`) : []
  return {
    tone: 'error',
    text: t(`data.failed.${action}`),
    // The reason usually names the first field already; list the fields only when there are more.
    details: [reason, ...(issues.length > 1 ? issues : [])],
    ...(err instanceof ApiError ? { detailsLang: 'en' as const } : {})
  }
}

/** A sentence naming the size and the limit, or null when the file fits (checked before a byte is read). */
function tooLarge(file: File): string | null {
  const sizes = oversize(file, BACKUP_MAX_BYTES)
  return sizes ? t('data.messages.tooLarge', { file: file.name, ...sizes }) : null
}

export type DataAction = 'backup' | 'inspect' | 'restore' | 'reset' | 'automatic' | 'folder' | 'delete-progress'

export const useDataStore = defineStore('data', () => {
  const host = ref<'electron' | 'web' | null>(null)
  const backups = ref<AutomaticBackup[]>([])
  const summary = ref<DataSummary | null>(null)
  const chosen = ref<{ fileName: string; content: string; info: BackupInfo } | null>(null)
  const busy = ref<DataAction | null>(null)
  const step = ref<FileStep | null>(null)
  const message = ref<DataMessage | null>(null)

  async function run(action: DataAction, task: () => Promise<void>): Promise<void> {
    if (busy.value) return
    busy.value = action
    message.value = null
    try {
      await task()
      // The task may have set a message (TS cannot see that through the await).
      const said = message.value as DataMessage | null
      if (said) message.value = { ...said, action }
    } catch (err) {
      message.value = { ...failedMessage(action, err), action }
    } finally {
      busy.value = null
      step.value = null
    }
  }

  /** Data changed everywhere: reload so every store reads it again, and say what happened after. */
  function finish(text: string): void {
    sessionStorage.setItem(MESSAGE_KEY, JSON.stringify({ text, action: busy.value }))
    page.reload()
  }

  // Both tolerate an empty answer (a test double of main that does not know these calls): the list stays a list.
  async function refreshBackups(): Promise<void> {
    const list = await api['data:listBackups']()
    backups.value = Array.isArray(list) ? list : []
  }

  async function refreshSummary(): Promise<void> {
    summary.value = (await api['data:summary']()) ?? null
  }

  async function load(): Promise<void> {
    const carried = sessionStorage.getItem(MESSAGE_KEY)
    if (carried) {
      sessionStorage.removeItem(MESSAGE_KEY)
      try {
        const { text, action } = JSON.parse(carried) as { text: string; action: DataAction | null }
        message.value = { tone: 'success', text, details: [], ...(action ? { action } : {}) }
      } catch {
        // Not ours, or from an older page: nothing to show.
      }
    }
    try {
      host.value = (await api['app:info']()).host
      await Promise.all([refreshBackups(), refreshSummary()])
    } catch (err) {
      message.value = failedMessage('load', err)
    }
  }

  const backupNow = () =>
    run('backup', async () => {
      const backup = await api['data:exportBackup']()
      const result = await saveTextFile(backup.fileName, backup.content, 'application/json')
      const text =
        result.mode === 'saved'
          ? t('data.messages.backupSaved', { path: result.path })
          : result.mode === 'download'
            ? t('data.messages.backupDownloaded', { file: backup.fileName })
            : t('data.messages.backupCancelled')
      message.value = { tone: result.mode === 'cancelled' ? 'info' : 'success', text, details: [] }
    })

  const chooseFile = (file: File) =>
    run('inspect', async () => {
      chosen.value = null
      const problem = tooLarge(file)
      if (problem) throw new Error(problem)
      step.value = { label: t('data.steps.reading'), percent: 0 }
      const content = await readFileText(file, (percent) => (step.value = { label: t('data.steps.reading'), percent }))
      step.value = { label: t('data.steps.checking'), percent: null }
      chosen.value = { fileName: file.name, content, info: await api['data:inspectBackup']({ content }) }
    })

  function clearChosen(): void {
    chosen.value = null
  }

  const restoreChosen = () =>
    run('restore', async () => {
      const file = chosen.value
      if (!file) return
      step.value = { label: t('data.steps.restoring'), percent: null }
      const result = await api['data:restoreBackup']({ content: file.content, confirm: true })
      finish(t('data.messages.restored', { file: file.fileName, safety: result.safetyBackup }))
    })

  const reset = () =>
    run('reset', async () => {
      const result = await api['data:reset']({ confirm: true })
      finish(t('data.messages.reset', { safety: result.safetyBackup }))
    })

  const restoreAutomatic = (backup: AutomaticBackup) =>
    run('automatic', async () => {
      const result = await api['data:restoreAutomatic']({ id: backup.id, confirm: true })
      finish(t('data.messages.restoredAutomatic', { label: backupLabel(backup), safety: result.safetyBackup }))
    })

  const deletePackProgress = (packId: string, title: string) =>
    run('delete-progress', async () => {
      const result = await api['data:deletePackProgress']({ packId, confirm: true })
      if (!result.safetyBackup) {
        message.value = { tone: 'info', text: t('data.messages.noProgress', { title }), details: [] }
        return
      }
      finish(t('data.messages.progressDeleted', { title, safety: result.safetyBackup }))
    })

  const openDataFolder = () =>
    run('folder', async () => {
      const { opened } = await api['files:openDataFolder']()
      if (!opened) message.value = { tone: 'error', text: t('data.messages.folderNotOpened'), details: [] }
    })

  return {
    host,
    backups,
    summary,
    chosen,
    busy,
    step,
    message,
    load,
    refreshBackups,
    refreshSummary,
    backupNow,
    chooseFile,
    clearChosen,
    restoreChosen,
    reset,
    restoreAutomatic,
    deletePackProgress,
    openDataFolder
  }
})
