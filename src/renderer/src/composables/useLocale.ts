// Why: the page's language follows the student's choice, or the system's
// language until they have made one; <html lang> moves with it, so screen
// readers and the Devanagari typeface switch with the words.
import { watch } from 'vue'
import type { Locale } from '@shared/domain/settings'
import { applyLocale, systemLocale, t } from '@renderer/i18n'
import { useNoticesStore } from '@renderer/stores/notices'
import { useSettingsStore } from '@renderer/stores/settings'

export function effectiveLocale(chosen: Locale | undefined, system: Locale): Locale {
  return chosen ?? system
}

/** Keeps the page's language in step with the settings; call once, from the app shell. */
export function useLocaleAttribute(): void {
  const store = useSettingsStore()
  const system = systemLocale()
  watch(
    () => effectiveLocale(store.settings.locale, system),
    (locale) => applyLocale(locale).catch((err: unknown) => useNoticesStore().reportError(err, () => t('settings.actions.language'))),
    { immediate: true }
  )
}
