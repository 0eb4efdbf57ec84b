// Why: one place for everything the student must be told but did not ask about:
// a store main had to recover, a pack that failed to load, a change that was not saved.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '@renderer/api'
import { t } from '@renderer/i18n'
import type { PackLoadError, StoreNotice } from '@shared/domain'
import { ApiError, type ApiErrorCode } from '@shared/result'

export interface Notice {
  id: string
  tone: 'warning' | 'error'
  message: string
  /** A second line with the technical reason, for a bug report. */
  detail?: string
  /** The ApiError code when the notice came from a failed call. */
  code?: ApiErrorCode
}

/** How often main's notices are asked for again: one can be raised after start (a save that keeps failing) and go away once fixed. */
export const NOTICE_POLL_MS = 20_000

/** Plain words for a notice main raised about one of its store files. */
export function describeStoreNotice(n: StoreNotice): Notice {
  // Getters, not strings: a notice on screen follows the interface language if the student changes it.
  if (n.kind === 'recovered') {
    const loaded = () =>
      n.restoredFrom === 'backup'
        ? t('common.notices.loadedBackup')
        : n.restoredFrom === 'repaired'
          ? t('common.notices.loadedRepaired')
          : t('common.notices.loadedDefaults')
    return {
      id: `store:${n.id}`,
      tone: 'warning',
      get message() {
        return n.keptAs
          ? t('common.notices.storeRecoveredKept', { file: n.file, keptAs: n.keptAs, loaded: loaded() })
          : t('common.notices.storeRecovered', { file: n.file, loaded: loaded() })
      },
      detail: n.reason
    }
  }
  if (n.kind === 'checkpoint-failed') {
    return {
      id: `store:${n.id}`,
      tone: 'warning',
      get message() {
        return t('common.notices.checkpointFailed', { file: n.file })
      },
      detail: n.reason
    }
  }
  return {
    id: `store:${n.id}`,
    tone: 'error',
    get message() {
      return t('common.notices.writeFailed', { file: n.file })
    },
    detail: n.reason,
    code: 'write-failed'
  }
}

export function describePackError(e: PackLoadError): Notice {
  const first = e.issues[0]
  return {
    id: `pack:${e.file}`,
    tone: 'error',
    get message() {
      return t('common.notices.packFailed', { file: e.file, message: e.message })
    },
    get detail() {
      return first ? t('common.notices.packFirstProblem', { path: first.path || t('common.notices.topLevel'), message: first.message }) : undefined
    },
    code: 'bad-pack'
  }
}

let sequence = 0

export const useNoticesStore = defineStore('notices', () => {
  const notices = ref<Notice[]>([])
  // Dismissed ids are remembered so a reload of main's list does not bring them back.
  const dismissed = new Set<string>()

  function add(notice: Notice): void {
    if (dismissed.has(notice.id) || notices.value.some((n) => n.id === notice.id)) return
    notices.value = [...notices.value, notice]
  }

  /** Brings main's notices in: new ones are added, and one main no longer reports (its cause was fixed) goes. */
  async function load(): Promise<void> {
    try {
      const fromMain = (await api['app:notices']()).map(describeStoreNotice)
      const current = new Set(fromMain.map((n) => n.id))
      notices.value = notices.value.filter((n) => !n.id.startsWith('store:') || current.has(n.id))
      fromMain.forEach(add)
    } catch (err) {
      reportError(err, () => t('common.notices.checkDataFiles'))
    }
  }

  /** Asks main again every `everyMs`; returns the function that stops it. */
  function follow(everyMs = NOTICE_POLL_MS): () => void {
    const timer = setInterval(() => void load(), everyMs)
    return () => clearInterval(timer)
  }

  function reportPackErrors(errors: PackLoadError[]): void {
    errors.map(describePackError).forEach(add)
  }

  /**
   * Called by the other stores when a call to main fails. `action` names what
   * failed, in the page's language: "save your settings" / "आपकी सेटिंग्स सहेजना".
   * Given as a function, it is asked again if the language changes while the notice shows.
   */
  function reportError(err: unknown, action: string | (() => string)): Notice {
    const code: ApiErrorCode = err instanceof ApiError ? err.code : 'internal'
    const reason = err instanceof Error ? err.message : String(err)
    const name = typeof action === 'function' ? action : () => action
    const notice: Notice = {
      id: `error:${++sequence}`,
      tone: 'error',
      get message() {
        return code === 'write-failed' ? t('common.notices.couldNotNothingChanged', { action: name() }) : t('common.notices.couldNot', { action: name() })
      },
      detail: reason,
      code
    }
    add(notice)
    return notice
  }

  function dismiss(id: string): void {
    dismissed.add(id)
    notices.value = notices.value.filter((n) => n.id !== id)
  }

  return { notices, load, follow, add, reportPackErrors, reportError, dismiss }
})
