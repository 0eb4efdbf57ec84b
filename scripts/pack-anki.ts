// Why: the Anki half of the pack CLI, running the app's own Anki export and
// import, so a deck made here imports into Anki as the app's export would and
// a pack.json made from a deck installs in the app as the app's import would.
import { mkdir, readFile } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { exportNotes } from '../src/main/services/anki/export-notes'
import { readCollection, CollectionError } from '../src/main/services/anki/read-collection'
import { readAnkiCsv } from '../src/main/services/anki/read-csv'
import { readApkg } from '../src/main/services/anki/read-zip'
import { ankiToPack } from '../src/main/services/anki/to-pack'
import { writeApkg } from '../src/main/services/anki/write-apkg'
import { writeAnkiCsv } from '../src/main/services/anki/write-csv'
import { PackSchema } from '../src/shared/pack/schema'
import { writeAtomic } from './write-atomic'

type Log = (line: string) => void
const pause = (): Promise<void> => Promise.resolve()

export async function ankiFromPack(input: string, out: string, log: Log, err: Log): Promise<number> {
  let raw: unknown
  try {
    raw = JSON.parse(await readFile(resolve(input), 'utf8'))
  } catch (error) {
    err(`error: cannot read ${input} as JSON: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  }
  const parsed = PackSchema.safeParse(raw)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    err(`error: ${input} is not a valid pack: ${first?.path.join('.') ?? ''}: ${first?.message ?? 'invalid'}`)
    return 1
  }
  const deck = await exportNotes(parsed.data)
  if (deck.notes.length === 0) {
    err(`error: ${input} has no cards to export.`)
    return 1
  }
  const csv = /\.(csv|txt)$/i.test(out)
  const content = csv ? writeAnkiCsv(deck) : await writeApkg(deck, { now: new Date(), pause })
  await writeAtomic(resolve(out), content)
  const c = deck.counts
  log(`wrote ${out}: “${deck.title}”, ${c.notes} notes (${c.questions} questions, ${c.flashcards} flashcards, ${c.cloze} cloze, ${c.cells} table cells)`)
  return 0
}

export async function packFromAnki(input: string, out: string, log: Log, err: Log): Promise<number> {
  const fileName = basename(input)
  let bytes: Buffer
  try {
    bytes = await readFile(resolve(input))
  } catch (error) {
    err(`error: cannot read ${input}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
    return 1
  }
  let deck
  if (/\.(apkg|colpkg)$/i.test(fileName)) {
    const zip = await readApkg(bytes, fileName)
    if (!zip.ok) {
      err(`error: ${zip.error.message}`)
      return 1
    }
    try {
      const read = await readCollection(zip.sqlite)
      deck = { notes: read.notes, source: zip.name, mediaFiles: zip.mediaFiles, reviews: read.reviews, warnings: [] }
    } catch (error) {
      if (!(error instanceof CollectionError)) throw error
      err(`error: ${fileName} is a damaged Anki deck: ${error.message}.`)
      return 1
    }
  } else {
    const csv = readAnkiCsv(bytes.toString('utf8'), fileName)
    deck = { notes: csv.notes, source: 'csv', mediaFiles: 0, reviews: 0, warnings: csv.warnings }
  }
  const built = await ankiToPack({ ...deck, fileName, now: new Date() })
  if (!built.ok) {
    err(`error: ${built.error.message}`)
    return 1
  }
  const { pack, preview } = built
  const checked = PackSchema.safeParse(pack)
  if (!checked.success) {
    err(`error: ${fileName} made a pack the app cannot use: ${checked.error.issues[0]?.message ?? 'invalid'}`)
    return 1
  }
  for (const w of preview.warnings) err(`warning: ${w}`)
  const dir = resolve(out)
  await mkdir(dir, { recursive: true })
  await writeAtomic(join(dir, 'pack.json'), `${JSON.stringify(pack, null, 2)}\n`)
  log(
    `wrote ${join(dir, 'pack.json')}: “${pack.title}” (${pack.id}), ${pack.sections.length} sections, ${preview.cards.flashcard} flashcards, ${preview.cards.cloze} cloze`
  )
  return 0
}
