// Why: the packs main found and the one being studied. Packs are read-only
// here; main validated them before the page ever sees one.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api } from '@renderer/api'
import type { Pack, PackLoadError, PackSummary } from '@shared/domain'
import { useNoticesStore } from './notices'

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'failed'

export const useLibraryStore = defineStore('library', () => {
  const packs = ref<PackSummary[]>([])
  const errors = ref<PackLoadError[]>([])
  const current = ref<Pack | null>(null)
  const status = ref<LoadStatus>('idle')

  const currentSummary = computed(() => packs.value.find((p) => p.id === current.value?.id) ?? null)

  /** Lists the packs and opens the first, so every mode has something to show. */
  async function load(): Promise<void> {
    status.value = 'loading'
    const notices = useNoticesStore()
    try {
      const list = await api['packs:list']()
      packs.value = list.packs
      errors.value = list.errors
      notices.reportPackErrors(list.errors)
    } catch (err) {
      notices.reportError(err, 'list your notes packs')
      status.value = 'failed'
      return
    }
    const first = packs.value[0]
    if (!first) {
      status.value = 'ready'
      return
    }
    await open(first.id)
  }

  async function open(packId: string): Promise<void> {
    status.value = 'loading'
    try {
      current.value = await api['packs:get']({ packId })
      status.value = 'ready'
    } catch (err) {
      useNoticesStore().reportError(err, `open the notes pack “${packId}”`)
      status.value = current.value ? 'ready' : 'failed'
    }
  }

  return { packs, errors, current, currentSummary, status, load, open }
})
