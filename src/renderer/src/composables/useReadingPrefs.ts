// Why: font size and line width are reading settings, applied as CSS variables
// on <html> so every reading surface follows them without prop drilling.
import { watchEffect } from 'vue'
import { useSettingsStore } from '@renderer/stores/settings'

/** Call once, from the app shell. */
export function useReadingPrefs(): void {
  const store = useSettingsStore()
  watchEffect(() => {
    const root = document.documentElement
    // A CSSOM property, not a style attribute, so the strict style-src CSP allows it.
    root.style.setProperty('--reading-font-size', `${store.settings.fontSize}px`)
    root.dataset.lineWidth = store.settings.lineWidth
  })
}
