// Why: cards reach Anki and come back through anki:export, anki:preview and
// anki:import. An export must import back as the same cards; a newer Anki
// file (zstd collection.anki21b) must read; and every bad file must get a
// clear error and change nothing on disk.
import { randomBytes } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../../src/main/dispatch'
import type { AppServices } from '../../../src/main/services/app-services'
import { writeCollection } from '../../../src/main/services/anki/write-apkg'
import { writeChosenFile } from '../../../src/main/services/platform'
import { exportNotes } from '../../../src/main/services/anki/export-notes'
import { BLANK } from '../../../src/shared/domain/cloze'
import { hashes, makeDirs, openApp, removeDirs, type Dirs } from '../data/helpers'
import { tinyPack } from '../fixtures/tiny-pack'
import { readApkg } from '../../../src/main/services/anki/read-zip'
import { claimSizes, newStyleApkg, zstdStored } from './anki-fixtures'

let dirs: Dirs
let app: AppServices | null = null
const open = async (): Promise<AppServices> => (app = await openApp(dirs))
beforeEach(async () => {
  dirs = await makeDirs()
})
afterEach(async () => {
  await app?.close()
  app = null
  await removeDirs(dirs)
})

const MB = 1024 * 1024
const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64')

describe('anki:export then anki:import', () => {
  it('exports a pack and its highlight card as an .apkg that imports back as the same cards, with stable guids', async () => {
    const h = (await open()).handlers
    await h['study:addCustomCard']({
      packId: 'tiny',
      id: 'hl-one',
      kind: 'highlight-cloze',
      text: `India and Russia met in ${BLANK}.`,
      answer: 'New Delhi',
      blockId: 'blk-a'
    })
    const first = await h['anki:export']({ packId: 'tiny', format: 'apkg' })
    expect(first).toMatchObject({ fileName: 'tiny.apkg', mime: 'application/apkg', encoding: 'base64' })
    expect(first.counts).toMatchObject({ questions: 1, cells: 2, highlights: 1, notes: 4 })
    const preview = await h['anki:preview']({ fileName: 'tiny.apkg', content: first.content })
    expect(preview).toMatchObject({
      packId: 'tiny-pack',
      title: 'Tiny pack',
      source: 'collection.anki2',
      notes: 4,
      cards: { flashcard: 3, cloze: 1 },
      mediaLeftOut: 0,
      historySeeded: false
    })
    expect(await readdir(dirs.dataDir)).not.toContain('packs')
    const { pack } = await h['anki:import']({ fileName: 'tiny.apkg', content: first.content })
    expect(pack.id).toBe('tiny-pack')
    const imported = await h['packs:get']({ packId: 'tiny-pack' })
    expect(imported.questions).toContainEqual(expect.objectContaining({ kind: 'cloze', text: `India and Russia met in ${BLANK}.`, answer: 'New Delhi' }))
    expect(imported.questions).toContainEqual(
      expect.objectContaining({ kind: 'flashcard', front: 'Where?\n(a) Delhi\n(b) Moscow', back: '(a) Delhi\n\nIt was Delhi.' })
    )
    // Importing the same deck again makes a second pack under a free id, and says so.
    const again = await h['anki:preview']({ fileName: 'tiny.apkg', content: first.content })
    expect(again.packId).toBe('tiny-pack-anki')
    expect(again.warnings).toContain('the id "tiny-pack" is taken by another pack, so this one is saved as "tiny-pack-anki"')
    // Updating the imported pack from the deck keeps every card id, so reviews carry over.
    const update = await h['anki:import']({ fileName: 'tiny.apkg', content: first.content, replacePackId: 'tiny-pack' })
    expect(update.pack.id).toBe('tiny-pack')
    expect((await h['packs:get']({ packId: 'tiny-pack' })).questions.map((q) => q.id)).toEqual(imported.questions.map((q) => q.id))
  })

  it('gives each note the same guid on every export, so Anki updates instead of duplicating', async () => {
    const pack = tinyPack()
    const a = (await exportNotes(pack)).notes.map((n) => n.guid)
    const b = (await exportNotes({ ...pack, title: 'Renamed' })).notes.map((n) => n.guid)
    expect(a).toEqual(b)
    expect(new Set(a).size).toBe(a.length)
  })

  it('exports CSV with Anki header lines, and the CSV imports back', async () => {
    const h = (await open()).handlers
    const csv = await h['anki:export']({ packId: 'tiny', format: 'csv' })
    expect(csv).toMatchObject({ fileName: 'tiny-anki.csv', mime: 'text/csv', encoding: 'utf8' })
    expect(csv.content.split('\n').slice(0, 5)).toEqual(['#separator:tab', '#html:true', '#notetype column:1', '#deck column:2', '#tags column:5'])
    expect(csv.content).toContain('Basic\tTiny pack\tWhere?<br>(a) Delhi<br>(b) Moscow\t(a) Delhi<br><br>It was Delhi.\tsec-one\t')
    const preview = await h['anki:preview']({ fileName: 'tiny-anki.csv', content: csv.content })
    expect(preview).toMatchObject({ source: 'csv', notes: 3, cards: { flashcard: 3, cloze: 0 } })
  })

  it('reads a newer .apkg (zstd collection.anki21b), leaves media out and says the history was not carried over', async () => {
    const h = (await open()).handlers
    const content = b64(await newStyleApkg())
    const preview = await h['anki:preview']({ fileName: 'polity.apkg', content })
    expect(preview).toMatchObject({
      title: 'Polity',
      source: 'collection.anki21b',
      notes: 3,
      cards: { flashcard: 3, cloze: 2 },
      mediaLeftOut: 1,
      historySeeded: false,
      reviewsInDeck: 3
    })
    expect(preview.sections.map((s) => s.title)).toEqual(['Parliament', 'Judiciary'])
    expect(preview.warnings).toEqual(
      expect.arrayContaining([
        '1 picture or sound file(s) are left out: the app imports text only',
        "the deck's 3 past review(s) are not carried over: its cards start as new"
      ])
    )
    await h['anki:import']({ fileName: 'polity.apkg', content })
    const pack = await h['packs:get']({ packId: 'polity' })
    const cards = pack.questions.map((q) => (q.kind === 'flashcard' ? [q.front, q.back] : q.kind === 'cloze' ? [q.text, q.answer] : []))
    expect(cards).toEqual([
      ['Who chairs the Rajya Sabha?', 'The Vice-President'],
      ['The Vice-President', 'Who chairs the Rajya Sabha?'],
      [`The ${BLANK} sits in New Delhi.`, 'Supreme Court'],
      [`The Supreme Court sits in ${BLANK} (hint: city).`, 'New Delhi'],
      // HTML and script stay text: an escaped tag is shown as its letters, a real script element is dropped.
      ['<script>alert(1)</script> Plain front & more', 'Back']
    ])
  })
})

describe('anki:preview and anki:import refuse a bad file and change nothing', () => {
  it.each<[string, () => Promise<{ fileName: string; content: string; packId?: string }>, RegExp]>([
    ['a 50 MB file', async () => ({ fileName: 'big.apkg', content: b64(randomBytes(50 * MB)) }), /big\.apkg is 50\.0 MB; an Anki deck can be at most 40\.0 MB/],
    [
      'binary garbage renamed .apkg',
      async () => ({ fileName: 'photo.apkg', content: b64(randomBytes(4096)) }),
      /photo\.apkg is not an Anki deck \(it is not an \.apkg zip\)/
    ],
    [
      'binary garbage renamed .csv',
      async () => ({ fileName: 'photo.csv', content: randomBytes(4096).toString('latin1') + '\u0000' }),
      /photo\.csv is not a text file/
    ],
    [
      'a zip bomb that says so in its directory',
      async () => ({ fileName: 'bomb.apkg', content: b64(claimSizes(zipSync({ 'collection.anki2': strToU8('x') }, { level: 0 }), 300 * MB)) }),
      /bomb\.apkg unzips to more than 200\.0 MB \(300\.0 MB or more\); it is refused as a possible zip bomb/
    ],
    [
      'a zip of 20,001 entries',
      async () => ({
        fileName: 'many.apkg',
        content: b64(zipSync(Object.fromEntries(Array.from({ length: 20_001 }, (_, i) => [String(i), new Uint8Array(0)])), { level: 0 }))
      }),
      /many\.apkg holds 20001 files; an Anki deck is refused above 20000/
    ],
    [
      'a zip with no collection',
      async () => ({ fileName: 'other.apkg', content: b64(zipSync({ 'readme.txt': strToU8('hi') })) }),
      /other\.apkg is a zip but not an Anki deck/
    ],
    [
      'an .apkg whose SQLite is garbage',
      async () => ({ fileName: 'junk.apkg', content: b64(zipSync({ 'collection.anki2': randomBytes(8192) })) }),
      /junk\.apkg is a damaged Anki deck: its database/
    ],
    [
      'an .apkg whose SQLite is cut short',
      async () => {
        const sqlite = await writeCollection(await exportNotes(tinyPack()), { now: new Date('2026-01-01T00:00:00Z'), pause: async () => undefined })
        return { fileName: 'cut.apkg', content: b64(zipSync({ 'collection.anki2': sqlite.subarray(0, 6000) })) }
      },
      /cut\.apkg is a damaged Anki deck: its database is damaged/
    ],
    [
      'an id already taken',
      async () => ({ fileName: 'deck.csv', content: '#separator:tab\nFront\tBack\n', packId: 'tiny' }),
      /A pack with the id "tiny" \(“Tiny pack”\) is already installed/
    ],
    ['a CSV with no cards', async () => ({ fileName: 'empty.csv', content: '#separator:tab\nonly-one-field\n' }), /empty\.csv has no cards the app can use/]
  ])('%s', async (_name, input, message) => {
    const dispatch = createDispatcher((await open()).handlers)
    const files = await hashes(dirs.dataDir)
    const request = await input()
    for (const channel of ['anki:preview', 'anki:import'] as const) {
      const result = await dispatch(channel, request)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.message).toMatch(message)
    }
    expect(await hashes(dirs.dataDir)).toEqual(files)
    expect(await readdir(dirs.dataDir)).not.toContain('packs')
  })

  it('stops inflating a zip bomb that lies about its sizes, and a zstd collection that unpacks past the cap', async () => {
    const liar = claimSizes(zipSync({ 'collection.anki2': new Uint8Array(8 * MB) }, { level: 1 }), 1000)
    expect(await readApkg(liar, 'liar.apkg', { unzippedCap: MB })).toEqual({
      ok: false,
      error: {
        code: 'zip-bomb',
        message: expect.stringMatching(/^liar\.apkg unzips to more than 1\.0 MB \(\d+\.\d MB or more\); it is refused as a possible zip bomb\.$/)
      }
    })
    const zstd = zipSync({ 'collection.anki21b': zstdStored(new Uint8Array(3 * MB)) }, { level: 1 })
    const read = await readApkg(claimSizes(zstd, 1000), 'z.apkg', { unzippedCap: 2 * MB })
    expect(read.ok || read.error.code).toBe('zip-bomb')
  })

  it('files:save takes an .apkg as base64 (the browser host downloads it; the desktop writes its bytes)', async () => {
    const dispatch = createDispatcher((await open()).handlers)
    const apkg = b64(zipSync({ media: strToU8('{}') }))
    expect(await dispatch('files:save', { suggestedName: 'tiny.apkg', content: apkg, mime: 'application/apkg', encoding: 'base64' })).toEqual({
      ok: true,
      value: { mode: 'download' }
    })
    const bad = await dispatch('files:save', { suggestedName: 'tiny.apkg', content: 'not base64!', mime: 'application/apkg', encoding: 'base64' })
    expect(bad.ok || bad.error.code).toBe('validation')
    const path = join(dirs.dataDir, 'chosen.apkg')
    await writeChosenFile(path, apkg, 'base64')
    expect(Buffer.from(await readFile(path)).toString('base64')).toBe(apkg)
  })

  it('refuses a file name that is not Anki, an update of a built-in pack, and a pack that does not exist', async () => {
    const dispatch = createDispatcher((await open()).handlers)
    const wrong = await dispatch('anki:preview', { fileName: 'deck.exe', content: 'x' })
    expect(wrong.ok || wrong.error.code).toBe('validation')
    const bundled = await dispatch('anki:import', { fileName: 'd.csv', content: 'a\tb\n', replacePackId: 'tiny' })
    expect(bundled.ok || bundled.error.message).toMatch(/built into the app and cannot be updated/)
    const missing = await dispatch('anki:export', { packId: 'nope', format: 'apkg' })
    expect(missing.ok || missing.error.code).toBe('not-found')
  })
})
