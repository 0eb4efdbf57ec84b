// Why: which sections a student has read and where they stopped, per pack, as
// main last saved it, so the app can reopen where they left off.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '@renderer/api'
import { t } from '@renderer/i18n'
import type { PackProgress } from '@shared/domain'
import { useNoticesStore } from './notices'

export const useProgressStore = defineStore('progress', () => {
  const byPack = ref<Record<string, PackProgress>>({})
  // Lets the reader tell "not loaded yet" (wait) from "could not load" (start at the top).
  const loadState = ref<Record<string, 'loading' | 'ready' | 'failed'>>({})

  function set(progress: PackProgress): void {
    byPack.value = { ...byPack.value, [progress.packId]: progress }
  }

  function of(packId: string): PackProgress | undefined {
    return byPack.value[packId]
  }

  function isRead(packId: string, sectionId: string): boolean {
    return of(packId)?.readSections.includes(sectionId) ?? false
  }

  async function load(packId: string): Promise<void> {
    loadState.value = { ...loadState.value, [packId]: 'loading' }
    try {
      set(await api['progress:get']({ packId }))
      loadState.value = { ...loadState.value, [packId]: 'ready' }
    } catch (err) {
      loadState.value = { ...loadState.value, [packId]: 'failed' }
      useNoticesStore().reportError(err, () => t('reading.actions.loadProgress'))
    }
  }

  /** Loads once per pack; the shell and the reader may both ask at start-up. */
  async function ensureLoaded(packId: string): Promise<void> {
    if (loadState.value[packId] === undefined) await load(packId)
  }

  function isSettled(packId: string): boolean {
    const state = loadState.value[packId]
    return state === 'ready' || state === 'failed'
  }

  async function markRead(packId: string, sectionId: string, read: boolean): Promise<boolean> {
    try {
      set(await api['progress:markRead']({ packId, sectionId, read }))
      return true
    } catch (err) {
      useNoticesStore().reportError(err, () => t(read ? 'reading.actions.markRead' : 'reading.actions.markUnread'))
      return false
    }
  }

  async function setLocation(packId: string, sectionId: string, blockId?: string): Promise<void> {
    const saved = of(packId)?.location
    // Re-opening the saved section must not wipe a finer saved position inside it.
    if (saved && saved.sectionId === sectionId && (blockId === undefined || saved.blockId === blockId)) return
    try {
      set(await api['progress:setLocation'](blockId ? { packId, sectionId, blockId } : { packId, sectionId }))
    } catch (err) {
      useNoticesStore().reportError(err, () => t('reading.actions.rememberPlace'))
    }
  }

  return { byPack, loadState, of, isRead, isSettled, load, ensureLoaded, markRead, setLocation }
})
