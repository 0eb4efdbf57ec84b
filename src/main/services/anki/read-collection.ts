// Why: the notes of an Anki collection, whichever schema wrote it. The classic
// schema (11) keeps note types and decks as JSON in the `col` row; the newer
// one (18, inside collection.anki21b) has `notetypes`, `templates` and `decks`
// tables with protobuf configs, of which only one fact is needed: whether a
// note type is Cloze (kind = 1, the first field of its config). A file that is
// not SQLite, or lacks Anki's tables, is refused as damaged.
import type { Database } from 'sql.js'
import { loadSqlJs } from './sql-wasm'

export type NoteKind = 'basic' | 'cloze'

export interface ReadNote {
  guid: string
  kind: NoteKind
  /** Raw field HTML, in field order. */
  fields: string[]
  tags: string[]
  /** The deck of the note's first card, components joined with "::". */
  deck: string
  /** Template ordinals of the note's cards (a Basic-and-reversed note has 0 and 1). */
  ords: number[]
}

export interface ReadCollection {
  notes: ReadNote[]
  reviews: number
}

export class CollectionError extends Error {}

interface NoteType {
  kind: NoteKind
}

type Row = (string | number | Uint8Array | null)[]

function rows(db: Database, sql: string, params: (string | number)[] = []): Row[] {
  const result = db.exec(sql, params)
  return (result[0]?.values ?? []) as Row[]
}

function tablesOf(db: Database): Set<string> {
  return new Set(rows(db, "select name from sqlite_master where type = 'table'").map((r) => String(r[0])))
}

function parseJson(text: unknown, what: string): Record<string, Record<string, unknown>> {
  try {
    const value = JSON.parse(String(text)) as unknown
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, Record<string, unknown>>
  } catch {
    // Falls through to the error below.
  }
  throw new CollectionError(`its ${what} are not readable`)
}

function schema11(db: Database): { types: Map<string, NoteType>; decks: Map<string, string> } {
  const col = rows(db, 'select models, decks from col limit 1')[0]
  if (!col) throw new CollectionError('it has no collection row')
  const types = new Map<string, NoteType>()
  for (const [id, m] of Object.entries(parseJson(col[0], 'note types'))) {
    const tmpls = Array.isArray(m.tmpls) ? (m.tmpls as { qfmt?: unknown }[]) : []
    const cloze = m.type === 1 || tmpls.some((t) => typeof t.qfmt === 'string' && t.qfmt.includes('{{cloze:'))
    types.set(id, { kind: cloze ? 'cloze' : 'basic' })
  }
  const decks = new Map<string, string>()
  for (const [id, d] of Object.entries(parseJson(col[1], 'decks'))) decks.set(id, typeof d.name === 'string' ? d.name : 'Default')
  return { types, decks }
}

function schema18(db: Database): { types: Map<string, NoteType>; decks: Map<string, string> } {
  const types = new Map<string, NoteType>()
  const clozeTemplates = new Set(
    rows(db, 'select ntid, config from templates')
      .filter((r) => r[1] instanceof Uint8Array && new TextDecoder().decode(r[1]).includes('{{cloze:'))
      .map((r) => String(r[0]))
  )
  for (const [id, config] of rows(db, 'select id, config from notetypes')) {
    // NotetypeConfig field 1 (kind) as a varint: 0x08 0x01 is Cloze; proto3 leaves out the default (Normal).
    const cloze = (config instanceof Uint8Array && config[0] === 0x08 && config[1] === 0x01) || clozeTemplates.has(String(id))
    types.set(String(id), { kind: cloze ? 'cloze' : 'basic' })
  }
  const decks = new Map<string, string>()
  for (const [id, name] of rows(db, 'select id, name from decks')) decks.set(String(id), String(name).split('\u001f').join('::'))
  return { types, decks }
}

/** The collection's notes; `pause` is awaited between pages of a large deck. */
export async function readCollection(sqlite: Uint8Array, pause: () => Promise<void> = async () => undefined): Promise<ReadCollection> {
  const SQL = await loadSqlJs()
  let db: Database
  try {
    db = new SQL.Database(sqlite)
  } catch (error) {
    throw new CollectionError(`its database cannot be opened (${error instanceof Error ? error.message : String(error)})`)
  }
  try {
    let tables: Set<string>
    try {
      tables = tablesOf(db)
    } catch (error) {
      throw new CollectionError(`its database is damaged (${error instanceof Error ? error.message : String(error)})`)
    }
    if (!tables.has('notes') || !tables.has('cards') || !tables.has('col')) throw new CollectionError('it is not an Anki collection (no notes or cards tables)')
    const { types, decks } = tables.has('notetypes') ? schema18(db) : schema11(db)
    const cardsOf = new Map<string, { did: string; ords: number[] }>()
    for (const [nid, did, ord] of rows(db, 'select nid, did, ord from cards order by nid, ord')) {
      const key = String(nid)
      const entry = cardsOf.get(key) ?? { did: String(did), ords: [] }
      entry.ords.push(Number(ord))
      cardsOf.set(key, entry)
    }
    const notes: ReadNote[] = []
    const PAGE = 500
    for (let lastId = -Infinity; ;) {
      await pause()
      const page = rows(db, `select id, guid, mid, tags, flds from notes where id > ${Number.isFinite(lastId) ? lastId : -9e18} order by id limit ${PAGE}`)
      if (page.length === 0) break
      lastId = Number(page[page.length - 1]![0])
      for (const [id, guid, mid, tags, flds] of page) {
        const cards = cardsOf.get(String(id))
        notes.push({
          guid: String(guid),
          kind: types.get(String(mid))?.kind ?? 'basic',
          fields: String(flds ?? '').split('\u001f'),
          tags: String(tags ?? '')
            .split(/\s+/)
            .filter(Boolean),
          deck: decks.get(cards?.did ?? '') ?? 'Default',
          ords: cards?.ords ?? [0]
        })
      }
      if (page.length < PAGE) break
    }
    const reviews = tables.has('revlog') ? Number(rows(db, 'select count(*) from revlog')[0]?.[0] ?? 0) : 0
    return { notes, reviews }
  } catch (error) {
    if (error instanceof CollectionError) throw error
    throw new CollectionError(`its database is damaged (${error instanceof Error ? error.message : String(error)})`)
  } finally {
    db.close()
  }
}
