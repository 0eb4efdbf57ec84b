// Why: the student's exam date and daily minutes, and the plan main works out
// from them. The form shows the plan only once main has saved the settings.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '@renderer/api'
import type { ExamPlan } from '@shared/domain/study'
import type { Outcome } from './study'
import { useNoticesStore } from './notices'

export const useExamStore = defineStore('exam', () => {
  const plan = ref<ExamPlan | null>(null)
  const loaded = ref(false)
  const saving = ref(false)

  async function load(packId: string): Promise<void> {
    try {
      plan.value = (await api['exam:plan']({ packId })) ?? null
      loaded.value = true
    } catch (err) {
      useNoticesStore().reportError(err, 'load your exam plan')
    }
  }

  async function save(packId: string, examDate: string, minutesPerDay: number): Promise<Outcome> {
    saving.value = true
    try {
      plan.value = await api['exam:set']({ packId, examDate, minutesPerDay })
      loaded.value = true
      return { ok: true }
    } catch (err) {
      const notice = useNoticesStore().reportError(err, 'save your exam date')
      return { ok: false, message: notice.detail ?? notice.message }
    } finally {
      saving.value = false
    }
  }

  return { plan, loaded, saving, load, save }
})
