// Why: one definition of what a valid setting is, used to check a stored file
// and every settings change that arrives over the bridge.
import * as z from 'zod'
import type { Settings } from './domain'

export const SettingsSchema = z
  .object({
    theme: z.enum(['system', 'light', 'dark']),
    fontSize: z.number().int().min(12).max(32),
    lineWidth: z.enum(['narrow', 'medium', 'wide'])
  })
  .strict() satisfies z.ZodType<Settings>

export const DEFAULT_SETTINGS: Settings = { theme: 'system', fontSize: 18, lineWidth: 'medium' }

export const SettingsPatch = SettingsSchema.partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'nothing to change')
