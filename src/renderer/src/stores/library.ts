// Why: the packs main found and the one being studied. Packs are read-only
// here; main validated them before the page ever sees one.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { api } from '@renderer/api'
import { t } from '@renderer/i18n'
import type { Pack, PackLoadError, PackSummary } from '@shared/domain'
import { useNoticesStore } from './notices'
import { useSettingsStore } from './settings'

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'failed'

export const useLibraryStore = defineStore('library', () => {
  const packs = ref<PackSummary[]>([])
  const errors = ref<PackLoadError[]>([])
  // Read-only and large: replaced whole, never changed in place, so no deep reactivity.
  const current = shallowRef<Pack | null>(null)
  const status = ref<LoadStatus>('idle')

  const currentSummary = computed(() => packs.value.find((p) => p.id === current.value?.id) ?? null)

  /**
   * Lists the packs and opens the one the student had open last (or the
   * first), so every mode has something to show. `preferred` is asked beside
   * the list, not after it. `onChosen` hears the pack's id as soon as it is
   * known, so what belongs to that pack can load while the pack itself does.
   */
  async function load(onChosen?: (packId: string) => Promise<void>, preferred?: Promise<string | undefined>): Promise<void> {
    status.value = 'loading'
    const notices = useNoticesStore()
    let wanted: string | undefined
    try {
      const [list, last] = await Promise.all([api['packs:list'](), preferred])
      packs.value = list.packs
      errors.value = list.errors
      wanted = last
      notices.reportPackErrors(list.errors)
    } catch (err) {
      notices.reportError(err, () => t('reading.actions.listPacks'))
      status.value = 'failed'
      return
    }
    const chosen = packs.value.find((p) => p.id === wanted) ?? packs.value[0]
    if (!chosen) {
      status.value = 'ready'
      return
    }
    await Promise.all([open(chosen.id), onChosen?.(chosen.id)])
  }

  /** Opens a pack the student picked, and remembers it for the next start. */
  async function choose(packId: string): Promise<void> {
    await open(packId)
    if (current.value?.id !== packId) return
    const settings = useSettingsStore()
    if (settings.settings.lastPackId !== packId) await settings.update({ lastPackId: packId })
  }

  // A keyboard user arrowing through the switcher asks for several packs in a row; only the last one asked for opens.
  let opening = 0

  async function open(packId: string): Promise<void> {
    const mine = ++opening
    status.value = 'loading'
    try {
      const pack = await api['packs:get']({ packId })
      if (mine !== opening) return
      current.value = pack
      status.value = 'ready'
    } catch (err) {
      if (mine !== opening) return
      useNoticesStore().reportError(err, () => t('reading.actions.openPack', { pack: packId }))
      status.value = current.value ? 'ready' : 'failed'
    }
  }

  /**
   * False once the student has moved to another pack (or is moving): an
   * answer that arrives for the pack they left must not start anything.
   * True where no pack is open at all, so nothing is refused for want of one.
   */
  function stillOpen(packId: string): boolean {
    if (!current.value) return true
    return current.value.id === packId && status.value !== 'loading'
  }

  return { packs, errors, current, currentSummary, status, load, open, choose, stillOpen }
})
