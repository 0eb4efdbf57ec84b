// Why: the student's Prelims and Mains dates and daily minutes, and the plan
// main works out from them. The form shows the plan only once main has saved the settings.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '@renderer/api'
import { t } from '@renderer/i18n'
import type { ExamDates, ExamPlan } from '@shared/domain/exam'
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
      useNoticesStore().reportError(err, () => t('dashboard.exam.actions.load'))
    }
  }

  async function save(packId: string, dates: ExamDates, minutesPerDay: number): Promise<Outcome> {
    saving.value = true
    try {
      plan.value = await api['exam:set']({ packId, dates, minutesPerDay })
      loaded.value = true
      return { ok: true }
    } catch (err) {
      const notice = useNoticesStore().reportError(err, () => t('dashboard.exam.actions.save'))
      return { ok: false, message: notice.detail ?? notice.message }
    } finally {
      saving.value = false
    }
  }

  return { plan, loaded, saving, load, save }
})
