// Why: the answer being written goes to main as it is typed, so a closed
// window or a crash costs no text. Saves are debounced (a burst of keys is one
// write) and chained (an older text can never land after a newer one), and the
// desk shows whether what is on screen is on disk.
import { ref, type Ref } from 'vue'
import { api } from '@renderer/api'
import { t } from '@renderer/i18n'
import type { WritingDraft } from '@shared/domain/writing'
import { useNoticesStore } from './notices'

/** Typing is saved this long after the last key. */
const DRAFT_DELAY_MS = 1000

export interface DraftSaver {
  /** 'failed': the text is only on screen until the next save works. */
  state: Ref<'saved' | 'saving' | 'failed'>
  /** Saves what `current()` gives now, or (later) a moment after the last call. */
  save(when?: 'now' | 'later'): Promise<void>
  /** Drops a pending 'later' save and waits for the saves already sent. */
  settle(): Promise<void>
}

export function createDraftSaver(current: () => WritingDraft | null): DraftSaver {
  const state = ref<'saved' | 'saving' | 'failed'>('saved')
  let chain: Promise<void> = Promise.resolve()
  let timer: ReturnType<typeof setTimeout> | undefined

  function save(when: 'now' | 'later' = 'now'): Promise<void> {
    clearTimeout(timer)
    state.value = 'saving'
    if (when === 'later') {
      timer = setTimeout(() => void save(), DRAFT_DELAY_MS)
      return chain
    }
    const snapshot = current()
    chain = chain.then(async () => {
      try {
        await api['writing:saveDraft']({ draft: snapshot })
        if (JSON.stringify(current()) === JSON.stringify(snapshot)) state.value = 'saved'
      } catch (err) {
        state.value = 'failed'
        useNoticesStore().reportError(err, () => t('write.actions.keepDraft'))
      }
    })
    return chain
  }

  async function settle(): Promise<void> {
    clearTimeout(timer)
    await chain
    state.value = 'saved'
  }

  return { state, save, settle }
}
