// Why: with several packs a student needs to see where each stands (studied, due, mastery) without
// opening them one by one; every row comes from main's study records for that pack. Reading progress
// belongs to the progress store, loaded there once per pack and read from it, not copied here.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '@renderer/api'
import { t } from '@renderer/i18n'
import { useNoticesStore } from './notices'
import { useProgressStore } from './progress'

export interface PackStanding {
  packId: string
  title: string
  sections: number
  items: number
  studied: number
  dueNow: number
  /** 0–1, as the dashboard's mastery. */
  mastery: number
}

export const usePacksOverviewStore = defineStore('packs-overview', () => {
  const rows = ref<PackStanding[]>([])
  const loading = ref(false)
  let latest = 0

  async function load(packs: readonly { id: string; title: string; counts: { sections: number } }[]): Promise<void> {
    const ask = ++latest
    loading.value = true
    try {
      const found = await Promise.all(
        packs.map(async (p): Promise<PackStanding> => {
          const [stats] = await Promise.all([api['study:stats']({ packId: p.id }), useProgressStore().ensureLoaded(p.id)])
          const { items, new: unseen, dueNow, mastery } = stats.totals
          return {
            packId: p.id,
            title: p.title,
            sections: p.counts.sections,
            items,
            studied: items - unseen,
            dueNow,
            mastery
          }
        })
      )
      if (ask === latest) rows.value = found
    } catch (err) {
      // The last rows main gave stay on screen.
      if (ask === latest) useNoticesStore().reportError(err, () => t('dashboard.exam.actions.overview'))
    } finally {
      if (ask === latest) loading.value = false
    }
  }

  return { rows, loading, load }
})
