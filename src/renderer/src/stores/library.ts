// Why: the packs main found and the one being studied. Packs are read-only
// here; main validated them before the page ever sees one.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { api } from '@renderer/api'
import type { Pack, PackLoadError, PackSummary } from '@shared/domain'
import { useNoticesStore } from './notices'

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'failed'

export const useLibraryStore = defineStore('library', () => {
  const packs = ref<PackSummary[]>([])
  const errors = ref<PackLoadError[]>([])
  // Read-only and large: replaced whole, never changed in place, so no deep reactivity.
  const current = shallowRef<Pack | null>(null)
  const status = ref<LoadStatus>('idle')

  const currentSummary = computed(() => packs.value.find((p) => p.id === current.value?.id) ?? null)

  /**
   * Lists the packs and opens the first, so every mode has something to show.
   * `onChosen` hears the pack's id as soon as the list names it, so what
   * belongs to that pack can load while the pack itself does.
   */
  async function load(onChosen?: (packId: string) => Promise<void>): Promise<void> {
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
    await Promise.all([open(first.id), onChosen?.(first.id)])
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
