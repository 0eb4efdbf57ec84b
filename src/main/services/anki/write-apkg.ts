// Why: the .apkg itself: a schema-11 SQLite collection built with sql.js, then
// zipped with its empty media list. A 10,000-card pack must not hold up the
// main process, so rows go in a few hundred at a time and the zip is deflated
// in chunks, with a turn of the event loop between slices.
import { createHash } from 'node:crypto'
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate'
import { SCHEMA_11, colRow } from './collection-schema'
import type { ExportDeck } from './export-notes'
import { htmlToText } from './html-text'
import { loadSqlJs } from './sql-wasm'

export interface WriteOptions {
  now: Date
  /** Awaited between slices; the default gives the event loop a turn. */
  pause: () => Promise<void>
}

const ROWS_PER_SLICE = 200
const ZIP_CHUNK = 256 * 1024

/** Anki's duplicate check: the first 8 hex digits of the SHA-1 of the sort field's text. */
export function fieldChecksum(text: string): number {
  return parseInt(createHash('sha1').update(text).digest('hex').slice(0, 8), 16)
}

/** The collection as SQLite bytes. */
export async function writeCollection(deck: ExportDeck, opts: WriteOptions): Promise<Uint8Array> {
  const SQL = await loadSqlJs()
  const db = new SQL.Database()
  try {
    const nowMs = opts.now.getTime()
    const now = Math.floor(nowMs / 1000)
    // Ids in Anki are epoch milliseconds; these sit just before now, so they never collide with each other.
    const ids = { basicModel: nowMs - 3, clozeModel: nowMs - 2, deck: nowMs - 1, now }
    db.exec(SCHEMA_11)
    const row = colRow(deck.title, ids)
    db.run('insert into col values (?,?,?,?,?,?,?,?,?,?,?,?,?)', row)
    const base = nowMs - 1000 - deck.notes.length * 2
    const note = db.prepare('insert into notes values (?,?,?,?,?,?,?,?,?,?,?)')
    const card = db.prepare('insert into cards values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)')
    for (let start = 0; start < deck.notes.length; start += ROWS_PER_SLICE) {
      db.exec('begin')
      for (let i = start; i < Math.min(deck.notes.length, start + ROWS_PER_SLICE); i++) {
        const n = deck.notes[i]!
        const nid = base + i * 2
        const sort = htmlToText(n.fields[0])
        const tags = n.tags.length > 0 ? ` ${n.tags.join(' ')} ` : ''
        note.run([nid, n.guid, n.type === 'cloze' ? ids.clozeModel : ids.basicModel, now, -1, tags, n.fields.join('\u001f'), sort, fieldChecksum(sort), 0, ''])
        card.run([nid + 1, nid, ids.deck, 0, now, -1, 0, 0, i + 1, 0, 0, 0, 0, 0, 0, 0, 0, ''])
      }
      db.exec('commit')
      await opts.pause()
    }
    note.free()
    card.free()
    const conf = JSON.parse(row[8] as string) as Record<string, unknown>
    db.run('update col set conf = ?', [JSON.stringify({ ...conf, nextPos: deck.notes.length + 1 })])
    return db.export()
  } finally {
    db.close()
  }
}

/** The collection zipped as an .apkg: `collection.anki2` and `media` ("{}": no media). */
export async function zipApkg(collection: Uint8Array, pause: () => Promise<void>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  let failed: Error | null = null
  let done = false
  const zip = new Zip((error, data, final) => {
    if (error) failed = error
    else chunks.push(data)
    if (final) done = true
  })
  const entry = new ZipDeflate('collection.anki2', { level: 6 })
  zip.add(entry)
  for (let at = 0; at < collection.length; at += ZIP_CHUNK) {
    entry.push(collection.subarray(at, at + ZIP_CHUNK), at + ZIP_CHUNK >= collection.length)
    await pause()
  }
  if (collection.length === 0) entry.push(new Uint8Array(0), true)
  const media = new ZipPassThrough('media')
  zip.add(media)
  media.push(strToU8('{}'), true)
  zip.end()
  if (failed) throw failed
  if (!done) throw new Error('the zip did not finish')
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}

export async function writeApkg(deck: ExportDeck, opts: WriteOptions): Promise<Uint8Array> {
  const collection = await writeCollection(deck, opts)
  await opts.pause()
  return zipApkg(collection, opts.pause)
}
