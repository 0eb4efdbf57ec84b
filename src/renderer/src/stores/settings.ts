// Why: the student's display settings as main last confirmed them; a change is
// only shown as made once main has written it.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '@renderer/api'
import { t } from '@renderer/i18n'
import { DEFAULT_SETTINGS, type Settings } from '@shared/domain/settings'
import { useNoticesStore } from './notices'

export type SaveResult = { ok: true } | { ok: false; message: string }

export const useSettingsStore = defineStore('settings', () => {
  // Shown until main answers: the same defaults main starts a new settings file with.
  const settings = ref<Settings>({ ...DEFAULT_SETTINGS })
  const loaded = ref(false)
  const saving = ref(false)

  async function load(): Promise<void> {
    try {
      settings.value = await api['settings:get']()
      loaded.value = true
    } catch (err) {
      useNoticesStore().reportError(err, () => t('settings.actions.load'))
    }
  }

  async function update(patch: Partial<Settings>): Promise<SaveResult> {
    saving.value = true
    try {
      settings.value = await api['settings:update'](patch)
      return { ok: true }
    } catch (err) {
      // The old value stays: main did not confirm the change.
      const notice = useNoticesStore().reportError(err, () => t('settings.actions.save'))
      return { ok: false, message: notice.detail ?? notice.message }
    } finally {
      saving.value = false
    }
  }

  return { settings, loaded, saving, load, update }
})
