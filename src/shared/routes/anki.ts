// Why: cards travel to and from Anki. An export hands back the file's bytes
// (base64 for an .apkg, text for a CSV) for files:save; a preview reads a deck
// and writes nothing; an import installs it as a pack, or updates an imported
// pack in place. Main checks every field here, and the service checks size and
// content in its own words.
import * as z from 'zod'
import type { PackSummary } from '../domain/app'
import type { AnkiExportResult, AnkiPreview } from '../domain/anki'
import { Id } from '../pack/schema'
import { route } from '../route'

/** A transport cap above every real limit, so an oversized deck gets the service's own sentence (a 50 MB .apkg as base64 is ~67 MB). */
const Content = z.string().max(128 * 1024 * 1024)

export const AnkiFileName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^\P{Cc}+$/u, 'a file name without control characters')
  .regex(/\.(apkg|colpkg|csv|txt)$/i, 'an Anki file ends in .apkg, .colpkg, .csv or .txt')

export const AnkiFileInput = z
  .object({
    fileName: AnkiFileName,
    /** base64 for .apkg/.colpkg; text for .csv/.txt. */
    content: Content,
    /** Update an imported pack from the deck (its id is kept). */
    replacePackId: Id.optional(),
    /** The id the new pack gets; refused if taken. Without it a free id is made from the deck's name. */
    packId: Id.optional()
  })
  .strict()

export const AnkiExportInput = z.object({ packId: Id, format: z.enum(['apkg', 'csv']) }).strict()

export interface AnkiImportResult {
  pack: PackSummary
  preview: AnkiPreview
}

export const ankiRoutes = {
  'anki:export': route<AnkiExportResult>()(AnkiExportInput),
  'anki:preview': route<AnkiPreview>()(AnkiFileInput),
  'anki:import': route<AnkiImportResult>()(AnkiFileInput)
}
