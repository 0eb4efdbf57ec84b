// Why: the main-process face of notes import. Preview reads the file and
// writes nothing; import installs the pack through the ordinary pack import
// (so a notes pack behaves exactly like an imported pack.json), or, given
// replacePackId, updates that imported pack in place, keeping its id so every
// review and highlight keyed by an unchanged id carries over.
import type { Pack } from '../../../shared/pack/schema'
import type { NotesError, NotesPreview } from '../../../shared/domain/notes'
import type { NotesImportResult } from '../../../shared/routes/notes'
import type { PackImporter } from '../data/pack-import'
import { ServiceError } from '../errors'
import type { PackService } from '../packs/pack-service'
import { buildNotesPack } from './build-pack'
import { docxToMarkdown } from './docx'
import { reimportSummary } from './import-summary'

export interface NotesFile {
  fileName: string
  /** Text for .md/.markdown/.txt; base64 for .docx. */
  content: string
  replacePackId?: string | undefined
}

export interface NotesService {
  preview(file: NotesFile): Promise<NotesPreview>
  import(file: NotesFile): Promise<NotesImportResult>
}

export interface NotesServiceOptions {
  packs: PackService
  importer: PackImporter
  clock?: (() => Date) | undefined
}

const refuse = (error: NotesError): ServiceError =>
  new ServiceError('bad-pack', error.message, error.line ? [{ path: `line ${error.line}`, message: error.message }] : [])

/** "1.2.3" one patch up, so an update from file reads as a newer version. */
function nextVersion(old: string, proposed: string): string {
  const num = (v: string): number[] => v.split('.').map(Number)
  const [a, b, c] = num(old) as [number, number, number]
  const [x, y, z] = num(proposed) as [number, number, number]
  const newer = x > a || (x === a && (y > b || (y === b && z > c)))
  return newer ? proposed : `${a}.${b}.${c + 1}`
}

export function createNotesService(opts: NotesServiceOptions): NotesService {
  const { packs } = opts

  async function build(file: NotesFile): Promise<{ pack: Pack; preview: NotesPreview }> {
    let text = file.content
    let warnings
    if (/\.docx$/i.test(file.fileName)) {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(file.content)) throw new ServiceError('validation', `${file.fileName} was not sent as base64.`)
      const docx = await docxToMarkdown(Buffer.from(file.content, 'base64'), file.fileName)
      if (!docx.ok) throw refuse(docx.error)
      text = docx.markdown
      warnings = docx.warnings
    }
    if (file.replacePackId) {
      const source = packs.sourceOf(file.replacePackId)
      if (!source) throw new ServiceError('not-found', `No notes pack with id "${file.replacePackId}".`)
      if (source === 'bundled')
        throw new ServiceError('validation', `“${packs.get(file.replacePackId).title}” is built into the app and cannot be updated from a file.`)
    }
    const built = await buildNotesPack({
      fileName: file.fileName,
      text,
      ...(file.replacePackId ? { packId: file.replacePackId } : {}),
      ...(warnings ? { warnings } : {}),
      ...(opts.clock ? { clock: opts.clock } : {})
    })
    if (!built.ok) throw refuse(built.error)
    const { pack, preview } = built
    if (file.replacePackId) {
      const before = packs.get(file.replacePackId)
      pack.version = nextVersion(before.version, pack.version)
      preview.update = reimportSummary(before, pack)
    } else if (packs.has(pack.id)) {
      const title = packs.get(pack.id).title
      throw refuse({
        code: 'id-taken',
        message:
          packs.sourceOf(pack.id) === 'bundled'
            ? `The id "${pack.id}" belongs to the built-in pack “${title}”. Give your notes another id (id: in the front matter) or another # title.`
            : `A pack with the id "${pack.id}" (“${title}”) is already installed. Use Update from file to update it, or give these notes another id.`
      })
    }
    return { pack, preview }
  }

  return {
    preview: async (file) => (await build(file)).preview,
    async import(file) {
      const { pack, preview } = await build(file)
      const content = JSON.stringify(pack)
      const summary = file.replacePackId ? await opts.importer.replace(file.fileName, content, pack.id) : await opts.importer.import(file.fileName, content)
      return { pack: summary, preview }
    }
  }
}
