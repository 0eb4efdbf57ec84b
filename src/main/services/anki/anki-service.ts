// Why: the main-process face of Anki. Export turns a pack (and the student's
// highlight cards) into an .apkg or CSV and hands the bytes back for
// files:save; nothing is written here. Preview reads a deck and writes
// nothing; import installs it through the ordinary pack import (or, given
// replacePackId, updates an imported pack in place), so an Anki pack behaves
// exactly like any imported pack.json.
import type { AnkiError, AnkiExportResult, AnkiFormat, AnkiPreview } from '../../../shared/domain/anki'
import { ANKI_CSV_MAX_BYTES } from '../../../shared/domain/anki'
import { megabytes } from '../../../shared/domain/data'
import type { HighlightCard } from '../../../shared/domain/study'
import type { Pack } from '../../../shared/pack/schema'
import type { AnkiImportResult } from '../../../shared/routes/anki'
import type { PackImporter } from '../data/pack-import'
import { ServiceError } from '../errors'
import type { PackService } from '../packs/pack-service'
import { nextSlice } from '../store/turns'
import { exportNotes } from './export-notes'
import { CollectionError, readCollection, type ReadNote } from './read-collection'
import { readAnkiCsv } from './read-csv'
import { readApkg } from './read-zip'
import { runExportWorker } from './run-export'
import { ankiToPack } from './to-pack'
import { writeApkg } from './write-apkg'
import { writeAnkiCsv } from './write-csv'

export interface AnkiFile {
  fileName: string
  /** base64 for .apkg/.colpkg; text for .csv/.txt. */
  content: string
  replacePackId?: string | undefined
  /** The id to give the new pack; refused if taken. Without it a free id is chosen from the deck's name. */
  packId?: string | undefined
}

export interface AnkiService {
  export(packId: string, format: AnkiFormat): Promise<AnkiExportResult>
  preview(file: AnkiFile): Promise<AnkiPreview>
  import(file: AnkiFile): Promise<AnkiImportResult>
}

export interface AnkiServiceOptions {
  packs: PackService
  importer: PackImporter
  highlights: (packId: string) => HighlightCard[]
  clock?: (() => Date) | undefined
  pause?: () => Promise<void>
  /** The built .apkg export worker; without one the export runs in slices on this thread. */
  exportWorker?: string | undefined
}

const refuse = (error: AnkiError): ServiceError => new ServiceError(error.code === 'id-taken' ? 'validation' : 'bad-pack', error.message)
const isBinary = (text: string): boolean => text.includes('\u0000') || (text.slice(0, 65_536).match(/\uFFFD/g)?.length ?? 0) > 4

/** Notes from an .apkg (base64) or an Anki CSV (text). */
async function readDeck(
  file: AnkiFile,
  pause: () => Promise<void>
): Promise<{ notes: ReadNote[]; source: string; mediaFiles: number; reviews: number; warnings: string[] }> {
  if (/\.(apkg|colpkg)$/i.test(file.fileName)) {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(file.content)) throw new ServiceError('validation', `${file.fileName} was not sent as base64.`)
    const zip = await readApkg(Buffer.from(file.content, 'base64'), file.fileName, { pause })
    if (!zip.ok) throw refuse(zip.error)
    try {
      const read = await readCollection(zip.sqlite, pause)
      return { notes: read.notes, source: zip.name, mediaFiles: zip.mediaFiles, reviews: read.reviews, warnings: [] }
    } catch (error) {
      if (error instanceof CollectionError) throw refuse({ code: 'corrupt', message: `${file.fileName} is a damaged Anki deck: ${error.message}.` })
      throw error
    }
  }
  const bytes = Buffer.byteLength(file.content, 'utf8')
  if (bytes > ANKI_CSV_MAX_BYTES)
    throw refuse({ code: 'too-large', message: `${file.fileName} is ${megabytes(bytes)}; an Anki text file can be at most ${megabytes(ANKI_CSV_MAX_BYTES)}.` })
  if (isBinary(file.content))
    throw refuse({
      code: 'not-anki',
      message: `${file.fileName} is not a text file (it holds binary data). Export the deck from Anki as Notes in Plain Text or as an .apkg.`
    })
  const csv = readAnkiCsv(file.content, file.fileName)
  return { notes: csv.notes, source: 'csv', mediaFiles: 0, reviews: 0, warnings: csv.warnings }
}

export function createAnkiService(opts: AnkiServiceOptions): AnkiService {
  const { packs } = opts
  const clock = opts.clock ?? (() => new Date())
  const pause = opts.pause ?? nextSlice

  function freeId(base: string): string {
    if (!packs.has(base)) return base
    const root = base.slice(0, 70)
    for (let n = 1; ; n++) {
      const id = n === 1 ? `${root}-anki` : `${root}-anki-${n}`
      if (!packs.has(id)) return id
    }
  }

  async function build(file: AnkiFile): Promise<{ pack: Pack; preview: AnkiPreview }> {
    if (file.replacePackId) {
      const source = packs.sourceOf(file.replacePackId)
      if (!source) throw new ServiceError('not-found', `No imported pack with id "${file.replacePackId}".`)
      if (source === 'bundled')
        throw new ServiceError('validation', `“${packs.get(file.replacePackId).title}” is built into the app and cannot be updated from a file.`)
    }
    if (file.packId && !file.replacePackId && packs.has(file.packId)) {
      throw refuse({
        code: 'id-taken',
        message: `A pack with the id "${file.packId}" (“${packs.get(file.packId).title}”) is already installed. Choose another id.`
      })
    }
    const deck = await readDeck(file, pause)
    await pause()
    const built = await ankiToPack({
      pause,
      ...deck,
      fileName: file.fileName,
      now: clock(),
      ...(file.replacePackId || file.packId ? { packId: file.replacePackId ?? file.packId } : {})
    })
    if (!built.ok) throw refuse(built.error)
    const { pack, preview } = built
    if (!file.replacePackId && !file.packId) {
      const id = freeId(pack.id)
      if (id !== pack.id) preview.warnings.push(`the id "${pack.id}" is taken by another pack, so this one is saved as "${id}"`)
      pack.id = id
      preview.packId = id
    }
    return { pack, preview }
  }

  return {
    async export(packId, format) {
      const pack = packs.get(packId)
      const deck = await exportNotes(pack, opts.highlights(packId), pause)
      if (deck.notes.length === 0) throw new ServiceError('validation', `“${pack.title}” has no cards to export.`)
      const counts = deck.counts
      if (format === 'csv') return { fileName: `${pack.id}-anki.csv`, mime: 'text/csv', encoding: 'utf8', content: writeAnkiCsv(deck), counts }
      const bytes = opts.exportWorker ? await runExportWorker(deck, clock(), opts.exportWorker, pause) : await writeApkg(deck, { now: clock(), pause })
      return { fileName: `${pack.id}.apkg`, mime: 'application/apkg', encoding: 'base64', content: Buffer.from(bytes).toString('base64'), counts }
    },
    preview: async (file) => (await build(file)).preview,
    async import(file) {
      const { pack, preview } = await build(file)
      const content = JSON.stringify(pack)
      const summary = file.replacePackId ? await opts.importer.replace(file.fileName, content, pack.id) : await opts.importer.import(file.fileName, content)
      return { pack: summary, preview }
    }
  }
}
