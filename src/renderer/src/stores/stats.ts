// Why: the dashboard's study numbers (mastery, reviews, forecast, mocks,
// streak) exactly as main computed them from the review journal.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '@renderer/api'
import { t } from '@renderer/i18n'
import type { StudyStats } from '@shared/domain/study'
import { useNoticesStore } from './notices'

export const useStatsStore = defineStore('stats', () => {
  const stats = ref<StudyStats | null>(null)
  const loading = ref(false)

  async function load(packId: string): Promise<void> {
    loading.value = true
    try {
      stats.value = (await api['study:stats']({ packId })) ?? null
    } catch (err) {
      // The last numbers main gave stay on screen.
      useNoticesStore().reportError(err, () => t('selftest.actions.loadStats'))
    } finally {
      loading.value = false
    }
  }

  return { stats, loading, load }
})
