// Why: the theme the student sees depends on their setting and, while that is
// 'system', on the operating system's preference, which can change at any time.
import { computed, onScopeDispose, ref, watchEffect, type ComputedRef } from 'vue'
import type { Theme } from '@shared/domain'
import { useSettingsStore, type SaveResult } from '@renderer/stores/settings'

export type EffectiveTheme = 'light' | 'dark'

export function resolveTheme(setting: Theme, systemPrefersDark: boolean): EffectiveTheme {
  if (setting === 'system') return systemPrefersDark ? 'dark' : 'light'
  return setting
}

function useSystemPrefersDark() {
  const prefersDark = ref(false)
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return prefersDark
  const query = window.matchMedia('(prefers-color-scheme: dark)')
  prefersDark.value = query.matches
  const onChange = (event: MediaQueryListEvent): void => {
    prefersDark.value = event.matches
  }
  query.addEventListener('change', onChange)
  onScopeDispose(() => query.removeEventListener('change', onChange))
  return prefersDark
}

export function useTheme(): { effective: ComputedRef<EffectiveTheme>; toggle: () => Promise<SaveResult> } {
  const store = useSettingsStore()
  const systemDark = useSystemPrefersDark()
  const effective = computed(() => resolveTheme(store.settings.theme, systemDark.value))

  /** Flips what the student sees now; this leaves 'system' for an explicit choice. */
  function toggle(): Promise<SaveResult> {
    return store.update({ theme: effective.value === 'dark' ? 'light' : 'dark' })
  }

  return { effective, toggle }
}

/** Keeps `data-theme` on <html> in step; call once, from the app shell. */
export function useThemeAttribute(): void {
  const { effective } = useTheme()
  watchEffect(() => {
    document.documentElement.dataset.theme = effective.value
  })
}
