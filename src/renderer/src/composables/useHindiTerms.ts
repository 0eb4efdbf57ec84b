// Why: Hindi-medium students read English notes with the Hindi terms they will
// write in the exam. One switch puts the packs' Hindi glossary terms and
// section titles beside the English; until it is touched it follows the
// interface language, and once touched the student's choice is kept.
import { computed, type ComputedRef } from 'vue'
import { currentLocale } from '@renderer/i18n'
import { useSettingsStore, type SaveResult } from '@renderer/stores/settings'

export function useHindiTerms(): { shown: ComputedRef<boolean>; set: (on: boolean) => Promise<SaveResult> } {
  const store = useSettingsStore()
  const shown = computed(() => store.settings.hindiTerms ?? currentLocale() === 'hi')
  return { shown, set: (on) => store.update({ hindiTerms: on }) }
}
