// Why: the .apkg export worker is a bundle of its own, found by a path the
// build writes into the main bundle, and it loads sql.js and its .wasm at run
// time; this runs it from what electron-vite and vite.web.config.ts wrote to
// out/, as the app and the browser host start it, and opens the SQLite it made.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { exportNotes } from '../../src/main/services/anki/export-notes'
import { runExportWorker } from '../../src/main/services/anki/run-export'
import { loadSqlJs } from '../../src/main/services/anki/sql-wasm'
import { tinyPack } from '../unit/fixtures/tiny-pack'

const out = join(__dirname, '../../out')
const pause = async (): Promise<void> => undefined

async function mainWorkerPath(): Promise<string> {
  const dir = join(out, 'main/chunks')
  const index = readFileSync(join(out, 'main/index.js'), 'utf8')
  for (const file of readdirSync(dir).filter((f) => f.startsWith('export-worker-') && index.includes(`./chunks/${f}`))) {
    const { default: path } = (await import(pathToFileURL(join(dir, file)).href)) as { default?: unknown }
    if (typeof path === 'string') return path
  }
  throw new Error('out/main/index.js imports no Anki export worker path (build first: npx electron-vite build)')
}

async function notesIn(apkg: Uint8Array): Promise<string[]> {
  const SQL = await loadSqlJs()
  const db = new SQL.Database(unzipSync(apkg)['collection.anki2'])
  try {
    return (db.exec('select flds from notes order by id')[0]?.values ?? []).map((r) => String(r[0]).split('\u001f')[0]!)
  } finally {
    db.close()
  }
}

describe('the built Anki export worker', () => {
  it('runs from out/main and writes a collection with every note (build first: npx electron-vite build)', async () => {
    const path = await mainWorkerPath()
    expect(dirname(path)).toBe(join(out, 'main/chunks'))
    const deck = await exportNotes(tinyPack())
    const bytes = await runExportWorker(deck, new Date('2026-11-25T04:30:00Z'), path, pause)
    expect(await notesIn(bytes)).toEqual(deck.notes.map((n) => n.fields[0]))
  })

  it('runs from out/web, beside the browser host that points at it (build first: npm run build:web)', async () => {
    const worker = join(out, 'web/export-worker.js')
    expect(existsSync(worker), `${worker} is missing; run npm run build:web`).toBe(true)
    expect(readFileSync(join(out, 'web/server.js'), 'utf8')).toContain('"export-worker.js"')
    const deck = await exportNotes(tinyPack())
    expect(await notesIn(await runExportWorker(deck, new Date(), worker, pause))).toHaveLength(deck.notes.length)
  })
})
