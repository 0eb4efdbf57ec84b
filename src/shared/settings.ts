// Why: one definition of what a valid setting is, used to check a stored file
// and every settings change that arrives over the bridge. The choices and the
// defaults are the zod-free rules in domain/settings.ts.
import * as z from 'zod'
import { Id } from './pack/schema'
import { FONT_SIZE_MAX, FONT_SIZE_MIN, LINE_WIDTHS, LOCALES, THEMES, type Settings } from './domain/settings'

export const SettingsSchema = z
  .object({
    theme: z.enum(THEMES),
    fontSize: z.number().int().min(FONT_SIZE_MIN).max(FONT_SIZE_MAX),
    lineWidth: z.enum(LINE_WIDTHS),
    // Optional: settings files written before packs could be switched have none.
    lastPackId: Id.optional(),
    // Optional: settings files written before the Hindi interface have none.
    locale: z.enum(LOCALES).optional(),
    hindiTerms: z.boolean().optional()
  })
  .strict() satisfies z.ZodType<Settings>

export const SettingsPatch = SettingsSchema.partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'nothing to change')
