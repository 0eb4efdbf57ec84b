// Why: people who share packs build and check them outside the app. This runs
// the same notes importer the app runs, so a pack.json made here imports in
// the app exactly as the notes file would. Usage:
//   npm run pack -- build notes.md --out DIR     (writes DIR/pack.json; .docx works too)
//   npm run pack -- anki PACK.json --out deck.apkg   (an Anki deck of the pack's cards; .csv for Anki's text import)
//   npm run pack -- from-anki deck.apkg --out DIR    (DIR/pack.json from an Anki .apkg or CSV)
import { mkdir, readFile } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { buildNotesPack } from '../src/main/services/notes/build-pack'
import { docxToMarkdown } from '../src/main/services/notes/docx'
import type { NotesWarning } from '../src/shared/domain/notes'
import { ankiFromPack, packFromAnki } from './pack-anki'
import { writeAtomic } from './write-atomic'

const USAGE = [
  'usage: npm run pack -- build NOTES.md|NOTES.docx --out DIR',
  '       npm run pack -- anki PACK.json --out DECK.apkg|DECK.csv',
  '       npm run pack -- from-anki DECK.apkg|DECK.csv --out DIR'
].join('\n')

export async function runPackCli(args: string[], log: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
  const [command, ...rest] = args
  const outAt = rest.indexOf('--out')
  const out = outAt >= 0 ? rest[outAt + 1] : undefined
  const input = rest.find((a, i) => !a.startsWith('--') && i !== outAt + 1)
  if (!input || !out || (command !== 'build' && command !== 'anki' && command !== 'from-anki')) {
    err(USAGE)
    return 2
  }
  if (command === 'anki') return ankiFromPack(input, out, log, err)
  if (command === 'from-anki') return packFromAnki(input, out, log, err)
  const fileName = basename(input)
  let text: string
  let warnings: NotesWarning[] | undefined
  try {
    const bytes = await readFile(resolve(input))
    if (/\.docx$/i.test(fileName)) {
      const docx = await docxToMarkdown(bytes, fileName)
      if (!docx.ok) {
        err(`error: ${docx.error.message}`)
        return 1
      }
      text = docx.markdown
      warnings = docx.warnings
    } else text = bytes.toString('utf8')
  } catch (error) {
    err(`error: cannot read ${input}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
    return 1
  }
  const result = await buildNotesPack({ fileName, text, ...(warnings ? { warnings } : {}) })
  if (!result.ok) {
    err(`error${result.error.line ? ` (line ${result.error.line})` : ''}: ${result.error.message}`)
    return 1
  }
  const { pack, preview } = result
  for (const w of preview.warnings) err(`warning${w.line ? ` (line ${w.line})` : ''}: ${w.message}`)
  const dir = resolve(out)
  await mkdir(dir, { recursive: true })
  await writeAtomic(join(dir, 'pack.json'), `${JSON.stringify(pack, null, 2)}\n`)
  const cards = Object.entries(preview.cards)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ')
  log(
    `wrote ${join(dir, 'pack.json')}: “${pack.title}” (${pack.id}), ${pack.sections.length} sections, ${pack.tables.length} tables, cards: ${cards || 'none'}, ${preview.warnings.length} warnings`
  )
  return 0
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  runPackCli(process.argv.slice(2)).then((code) => process.exit(code))
}
