// Why: desired retention, its workload and the optimiser's before/after as
// main last reported them; every change is shown only once main has saved it.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '@renderer/api'
import { t, type MessageKey } from '@renderer/i18n'
import { ApiError } from '@shared/result'
import type { TuningState } from '@shared/domain/tuning'

/** `detail` is main's reason for a failure, as main wrote it. */
export type TuningMessage = { tone: 'success' | 'error'; text: string; detail?: string }
type Action = 'retention' | 'optimise' | 'keep' | 'revert'

const DONE: Record<Action, MessageKey> = {
  retention: 'tuning.done.retention',
  optimise: 'tuning.done.optimise',
  keep: 'tuning.done.keep',
  revert: 'tuning.done.revert'
}
const FAILED: Record<Action | 'load', MessageKey> = {
  load: 'tuning.failed.load',
  retention: 'tuning.failed.retention',
  optimise: 'tuning.failed.optimise',
  keep: 'tuning.failed.keep',
  revert: 'tuning.failed.revert'
}

export const useTuningStore = defineStore('tuning', () => {
  const state = ref<TuningState | null>(null)
  const busy = ref<Action | null>(null)
  const message = ref<TuningMessage | null>(null)

  // Main's reason is kept under the headline; anything else (a bug in the page) gets the plain words only.
  const failure = (action: Action | 'load', err: unknown): TuningMessage =>
    err instanceof ApiError ? { tone: 'error', text: t(FAILED[action]), detail: err.message } : { tone: 'error', text: t('tuning.failed.other') }

  async function load(): Promise<void> {
    try {
      state.value = await api['tuning:get']()
    } catch (err) {
      message.value = failure('load', err)
    }
  }

  async function run(action: Action, call: () => Promise<TuningState>): Promise<boolean> {
    busy.value = action
    message.value = null
    try {
      state.value = await call()
      message.value = { tone: 'success', text: t(DONE[action]) }
      return true
    } catch (err) {
      message.value = failure(action, err)
      return false
    } finally {
      busy.value = null
    }
  }

  const setRetention = (desiredRetention: number) => run('retention', () => api['tuning:setRetention']({ desiredRetention }))
  const optimise = () => run('optimise', () => api['tuning:optimise']())
  const keep = () => run('keep', () => api['tuning:keep']())
  const revert = () => run('revert', () => api['tuning:revert']())

  return { state, busy, message, load, setRetention, optimise, keep, revert }
})
