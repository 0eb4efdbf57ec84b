// Why: the Anki CLI round trip the issue asks for: notes → pack.json → .apkg →
// pack.json. The .apkg is opened as Anki would open it (the zip, then the
// SQLite inside with sql.js) and its notes, cards, note types, deck and tags
// are checked; then the pack made back from it must hold the same cards.
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { unzipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runPackCli } from '../../../scripts/pack'
import { loadSqlJs } from '../../../src/main/services/anki/sql-wasm'
import { BLANK } from '../../../src/shared/domain/cloze'
import { PackSchema, type Pack } from '../../../src/shared/pack/schema'

const sample = resolve(__dirname, '../../../docs/sample-notes.md')
let work: string
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'rd-anki-cli-'))
})
afterEach(async () => {
  await rm(work, { recursive: true, force: true })
})

async function cli(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runPackCli(
    args,
    (l) => out.push(l),
    (l) => err.push(l)
  )
  return { code, out, err }
}

const rowsOf = (result: { values: unknown[][] }[]): unknown[][] => result[0]?.values ?? []

describe('npm run pack -- anki / from-anki', () => {
  it('round-trips the sample notes through an .apkg that holds a real Anki collection', async () => {
    expect((await cli(['build', sample, '--out', join(work, 'notes')])).code).toBe(0)
    const pack = PackSchema.parse(JSON.parse(await readFile(join(work, 'notes', 'pack.json'), 'utf8')))
    const anki = await cli(['anki', join(work, 'notes', 'pack.json'), '--out', join(work, 'deck.apkg')])
    expect(anki.code).toBe(0)
    expect(anki.out[0]).toMatch(/wrote .*deck\.apkg: “Parliament of India — sample notes”, 18 notes \(2 questions, 6 flashcards, 2 cloze, 8 table cells\)/)

    const zip = unzipSync(new Uint8Array(await readFile(join(work, 'deck.apkg'))))
    expect(Object.keys(zip).sort()).toEqual(['collection.anki2', 'media'])
    expect(new TextDecoder().decode(zip.media)).toBe('{}')
    const SQL = await loadSqlJs()
    const db = new SQL.Database(zip['collection.anki2'])
    try {
      const [ver, modelsJson, decksJson] = rowsOf(db.exec('select ver, models, decks from col'))[0] as [number, string, string]
      expect(ver).toBe(11)
      const models = Object.values(JSON.parse(modelsJson) as Record<string, { id: number; name: string; type: number; flds: { name: string }[] }>)
      expect(models.map((m) => [m.name, m.type, m.flds.map((f) => f.name)]).sort()).toEqual([
        ['Basic', 0, ['Front', 'Back']],
        ['Cloze', 1, ['Text', 'Back Extra']]
      ])
      const decks = Object.values(JSON.parse(decksJson) as Record<string, { id: number; name: string }>)
      const deck = decks.find((d) => d.name === pack.title)
      expect(deck).toBeDefined()
      const notes = rowsOf(db.exec('select id, guid, mid, tags, flds from notes order by id')) as [number, string, number, string, string][]
      expect(notes).toHaveLength(18)
      expect(new Set(notes.map((n) => n[1])).size).toBe(18)
      const cloze = models.find((m) => m.name === 'Cloze')!
      const clozeNotes = notes.filter((n) => n[2] === cloze.id)
      expect(clozeNotes.map((n) => n[4].split('\u001f')[0])).toEqual([
        'The {{c1::Vice-President}} is the ex officio Chairman of the Rajya Sabha.',
        'The Vice-President is the ex officio Chairman of the {{c1::Rajya Sabha::house}}.'
      ])
      // Tags are the section ids each card is about (a table cell drawn from no block has its table's id).
      const sectionIds = new Set([...pack.sections.map((s) => s.id), ...pack.tables.map((t) => t.id)])
      for (const n of notes)
        expect(
          n[3]
            .trim()
            .split(' ')
            .some((t) => sectionIds.has(t))
        ).toBe(true)
      // HTML in the notes reaches Anki escaped, never as markup.
      expect(notes.every((n) => !/<(?!br>|hr)/i.test(n[4]))).toBe(true)
      const cards = rowsOf(db.exec('select nid, did, ord, type, queue from cards')) as number[][]
      expect(cards).toHaveLength(18)
      expect(cards.every((c) => c[1] === deck!.id && c[2] === 0 && c[3] === 0 && c[4] === 0)).toBe(true)
      expect(new Set(cards.map((c) => c[0]))).toEqual(new Set(notes.map((n) => n[0])))
    } finally {
      db.close()
    }

    const back = await cli(['from-anki', join(work, 'deck.apkg'), '--out', join(work, 'back')])
    expect(back.code).toBe(0)
    const again: Pack = PackSchema.parse(JSON.parse(await readFile(join(work, 'back', 'pack.json'), 'utf8')))
    expect(again.title).toBe(pack.title)
    const flash = (p: Pack) => p.questions.flatMap((q) => (q.kind === 'flashcard' ? [[q.front, q.back]] : []))
    const clozes = (p: Pack) => p.questions.flatMap((q) => (q.kind === 'cloze' ? [[q.text, q.answer]] : []))
    // Every flashcard and cloze comes back as it was; questions and table cells come back as flashcards.
    for (const card of flash(pack)) expect(flash(again)).toContainEqual(card)
    expect(clozes(again)).toEqual(clozes(pack))
    expect(clozes(again)[1]?.[0]).toContain(`${BLANK} (hint: house)`)
    expect(flash(again)).toHaveLength(16)
    // Sections come back from the tags.
    expect(again.sections.map((s) => s.title)).toEqual(['Rajya sabha', 'Lok sabha', 'The two houses side by side table'])
  })

  it('a pack.json that is not a pack, or a damaged deck, exits 1 and writes nothing', async () => {
    await writeFile(join(work, 'bad.json'), '{"id": 3}')
    const bad = await cli(['anki', join(work, 'bad.json'), '--out', join(work, 'deck.apkg')])
    expect(bad.code).toBe(1)
    expect(bad.err[0]).toMatch(/is not a valid pack/)
    expect(existsSync(join(work, 'deck.apkg'))).toBe(false)
    await writeFile(join(work, 'junk.apkg'), 'not a zip at all')
    const junk = await cli(['from-anki', join(work, 'junk.apkg'), '--out', join(work, 'out')])
    expect(junk).toMatchObject({ code: 1, err: ['error: junk.apkg is not an Anki deck (it is not an .apkg zip).'] })
    expect(existsSync(join(work, 'out'))).toBe(false)
  })
})
