// Why: desired retention, its workload and the optimiser's before/after as
// main last reported them; every change is shown only once main has saved it.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '@renderer/api'
import { ApiError } from '@shared/result'
import type { TuningState } from '@shared/domain/tuning'

export type TuningMessage = { tone: 'success' | 'error'; text: string }
type Action = 'retention' | 'optimise' | 'keep' | 'revert'

const DONE: Record<Action, string> = {
  retention: 'Saved: the next answers are scheduled for this retention.',
  optimise: 'Optimised: your own parameters are in use. Keep them, or revert to the ones before.',
  keep: 'Kept: your own parameters stay in use.',
  revert: 'Reverted: the parameters from before the optimisation are back in use.'
}

export const useTuningStore = defineStore('tuning', () => {
  const state = ref<TuningState | null>(null)
  const busy = ref<Action | null>(null)
  const message = ref<TuningMessage | null>(null)

  const failure = (err: unknown): TuningMessage => ({
    tone: 'error',
    text: err instanceof ApiError ? err.message : 'Something went wrong; nothing was changed.'
  })

  async function load(): Promise<void> {
    try {
      state.value = await api['tuning:get']()
    } catch (err) {
      message.value = failure(err)
    }
  }

  async function run(action: Action, call: () => Promise<TuningState>): Promise<boolean> {
    busy.value = action
    message.value = null
    try {
      state.value = await call()
      message.value = { tone: 'success', text: DONE[action] }
      return true
    } catch (err) {
      message.value = failure(err)
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
