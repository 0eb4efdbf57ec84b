// Why: the student's display settings as main last confirmed them; a change is
// only shown as made once main has written it.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '@renderer/api'
import type { LineWidth, Settings, Theme } from '@shared/domain'
import { useNoticesStore } from './notices'

export const FONT_SIZE_MIN = 12
export const FONT_SIZE_MAX = 32
export const THEMES: readonly Theme[] = ['system', 'light', 'dark']
export const LINE_WIDTHS: readonly LineWidth[] = ['narrow', 'medium', 'wide']

/*
 * What the page shows until main answers. Main owns the real defaults
 * (shared/settings.ts); that module is not imported here because it would pull
 * the validator into the renderer bundle.
 */
const FALLBACK: Settings = { theme: 'system', fontSize: 18, lineWidth: 'medium' }

export type SaveResult = { ok: true } | { ok: false; message: string }

export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<Settings>({ ...FALLBACK })
  const loaded = ref(false)
  const saving = ref(false)

  async function load(): Promise<void> {
    try {
      settings.value = await api['settings:get']()
      loaded.value = true
    } catch (err) {
      useNoticesStore().reportError(err, 'load your settings')
    }
  }

  async function update(patch: Partial<Settings>): Promise<SaveResult> {
    saving.value = true
    try {
      settings.value = await api['settings:update'](patch)
      return { ok: true }
    } catch (err) {
      // The old value stays: main did not confirm the change.
      const notice = useNoticesStore().reportError(err, 'save your settings')
      return { ok: false, message: notice.detail ?? notice.message }
    } finally {
      saving.value = false
    }
  }

  return { settings, loaded, saving, load, update }
})
