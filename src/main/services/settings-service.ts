// Why: display preferences, kept in their own small file so a theme change
// never rewrites a student's study history.
import type { Settings } from '../../shared/domain'
import { DEFAULT_SETTINGS } from '../../shared/domain/settings'
import { SettingsSchema } from '../../shared/settings'
import type { JsonStore } from './store/json-store'
import { openJsonStore } from './store/json-store'

export const SETTINGS_STORE = { name: 'settings', version: 1 } as const

export interface SettingsService {
  get(): Settings
  update(patch: Partial<Settings>): Promise<Settings>
  readonly store: JsonStore<Settings>
}

export async function openSettingsService(dir: string, clock?: () => Date): Promise<SettingsService> {
  const store = await openJsonStore<Settings>({
    dir,
    name: SETTINGS_STORE.name,
    version: SETTINGS_STORE.version,
    schema: SettingsSchema,
    defaults: () => ({ ...DEFAULT_SETTINGS }),
    ...(clock ? { clock } : {})
  })
  return {
    store,
    get: () => ({ ...store.data }),
    async update(patch) {
      await store.update((draft) => Object.assign(draft, patch))
      return { ...store.data }
    }
  }
}
