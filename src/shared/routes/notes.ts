// Why: a student's own notes (Markdown, or Word as base64) become a pack: the
// preview reads the file and writes nothing; the import installs it through
// the ordinary pack import, or updates an imported pack in place. Main checks
// every field here, and the services check size and content in their own words.
import * as z from 'zod'
import type { PackSummary } from '../domain/app'
import type { NotesPreview } from '../domain/notes'
import { Id } from '../pack/schema'
import { route } from '../route'

/** A transport cap above every real limit, so an oversized file gets the service's own sentence (a 20 MB .docx as base64 is ~27 MB). */
const Content = z.string().max(128 * 1024 * 1024)

/** The name of the student's file: its extension says how the content is sent (.docx as base64, the rest as text). */
export const NotesFileName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^\P{Cc}+$/u, 'a file name without control characters')
  .regex(/\.(md|markdown|txt|docx)$/i, 'a notes file ends in .md, .markdown, .txt or .docx')

export const NotesFileInput = z
  .object({
    fileName: NotesFileName,
    content: Content,
    /** Update from file: the imported pack this file updates (its id is kept). */
    replacePackId: Id.optional()
  })
  .strict()

export interface NotesImportResult {
  pack: PackSummary
  preview: NotesPreview
}

export const notesRoutes = {
  'notes:preview': route<NotesPreview>()(NotesFileInput),
  'notes:import': route<NotesImportResult>()(NotesFileInput)
}
