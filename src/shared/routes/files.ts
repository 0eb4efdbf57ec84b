// Why: saving an export and opening the data folder differ by host (Electron
// shows a save dialog; the browser host answers "download it"), so they are
// channels the renderer calls the same way everywhere.
import * as z from 'zod'
import { SAVE_MIMES, type SaveFileResult } from '../domain/files'
import { NoInput, route } from '../route'

/** A plain file name: no folders, no dots at the start, a known extension. */
export const SafeFileName = z
  .string()
  .max(120)
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._()-]*\.(md|csv|json|apkg)$/, 'a plain file name ending in .md, .csv, .json or .apkg')

export const SaveFileInput = z
  .object({
    suggestedName: SafeFileName,
    content: z.string().max(50 * 1024 * 1024),
    mime: z.enum(SAVE_MIMES),
    /** base64 for a binary file (an .apkg); text otherwise. */
    encoding: z.enum(['utf8', 'base64']).optional()
  })
  .strict()
  .refine((r) => r.encoding !== 'base64' || /^[A-Za-z0-9+/]*={0,2}$/.test(r.content), { message: 'base64 content', path: ['content'] })

export const filesRoutes = {
  'files:save': route<SaveFileResult>()(SaveFileInput),
  'files:openDataFolder': route<{ opened: boolean }>()(NoInput)
}
