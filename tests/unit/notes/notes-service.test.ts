// Why: a notes file reaches the app through notes:preview and notes:import.
// A bad file must get a clear error and change nothing on disk; a good one
// must behave like an imported pack.json; and updating it from an edited file
// must keep the student's highlight and review on the unchanged content.
import { readdir } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { zipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../../src/main/dispatch'
import type { AppServices } from '../../../src/main/services/app-services'
import { DOCX_MAX_UNZIPPED_BYTES } from '../../../src/shared/domain/notes'
import { hashes, makeDirs, openApp, removeDirs, type Dirs } from '../data/helpers'
import { makeDocx } from './docx-fixture'

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
const NOTES = `---
id: my-polity
---
# My polity notes

## Parliament

The Rajya Sabha is a permanent body. ^rs-permanent

Its members serve six years.

Who chairs the Rajya Sabha?::The Vice-President
`

describe('notes:preview and notes:import refuse a bad file and change nothing', () => {
  it.each<[string, () => { fileName: string; content: string }, RegExp]>([
    [
      'a 50 MB file',
      () => ({ fileName: 'big.md', content: `# Big\n\n${'word '.repeat(10 * MB)}` }),
      /big\.md is 50\.0 MB; a notes file can be at most 8\.0 MB/
    ],
    ['binary garbage renamed .md', () => ({ fileName: 'photo.md', content: randomBytes(4096).toString('latin1') }), /photo\.md is not a text file/],
    [
      'lists nested 1,000 deep',
      () => ({ fileName: 'deep.md', content: `# Deep\n\n${Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')}\n` }),
      /Line 28 is nested too deeply \(more than 48 spaces of indent/
    ],
    [
      'a table of 10,000 rows',
      () => ({
        fileName: 'rows.md',
        content: `# Rows\n\n| Dim | A | B |\n|---|---|---|\n${Array.from({ length: 10_000 }, (_, i) => `| r${i} | a | b |`).join('\n')}\n`
      }),
      /The table at line 3 has more than 200 rows/
    ],
    [
      'a zip bomb .docx',
      () => ({
        fileName: 'bomb.docx',
        content: Buffer.from(zipSync({ 'word/document.xml': new Uint8Array(DOCX_MAX_UNZIPPED_BYTES + 1) }, { level: 1 })).toString('base64')
      }),
      /bomb\.docx unzips to more than 64\.0 MB/
    ],
    [
      'duplicate ^ids',
      () => ({ fileName: 'dup.md', content: '# D\n\n## S\n\nOne ^same\n\nTwo ^same\n' }),
      /The id \^same is used on line 5 and again on line 7/
    ],
    [
      'an id a built-in pack has',
      () => ({ fileName: 'tiny.md', content: '---\nid: tiny\n---\n# Mine\n\nText.\n' }),
      /The id "tiny" belongs to the built-in pack “Tiny pack”/
    ],
    ['quotes nested 1,000 deep on one line', () => ({ fileName: 'q.md', content: `# Q\n\n${'> '.repeat(1000)}deep\n` }), /Line 3 is nested too deeply/],
    ['a title and nothing else', () => ({ fileName: 'empty.md', content: '# Only a title\n' }), /has a title but no notes/]
  ])('%s', async (_name, input, message) => {
    const dispatch = createDispatcher((await open()).handlers)
    const files = await hashes(dirs.dataDir)
    for (const channel of ['notes:preview', 'notes:import'] as const) {
      const result = await dispatch(channel, input())
      expect(result.ok).toBe(false)
      if (!result.ok) {
        expect(result.error.code).toBe('bad-pack')
        expect(result.error.message).toMatch(message)
      }
    }
    expect(await hashes(dirs.dataDir)).toEqual(files)
    expect(await readdir(dirs.dataDir)).not.toContain('packs')
    expect((await app!.handlers['packs:list'](undefined)).packs.map((p) => p.id)).toEqual(['tiny'])
  })

  it('refuses a file name that is not notes, and an update of a built-in pack', async () => {
    const dispatch = createDispatcher((await open()).handlers)
    const wrong = await dispatch('notes:preview', { fileName: 'notes.exe', content: NOTES })
    expect(wrong.ok || wrong.error.code).toBe('validation')
    const bundled = await dispatch('notes:import', { fileName: 'n.md', content: NOTES, replacePackId: 'tiny' })
    expect(bundled.ok || bundled.error.message).toMatch(/built into the app and cannot be updated/)
  })

  it('refuses a second import with the id of an imported pack, pointing at Update from file', async () => {
    const h = (await open()).handlers
    await h['notes:import']({ fileName: 'n.md', content: NOTES })
    const files = await hashes(dirs.dataDir)
    await expect(h['notes:import']({ fileName: 'n.md', content: NOTES })).rejects.toMatchObject({
      code: 'bad-pack',
      message: expect.stringMatching(/already installed. Use Update from file/)
    })
    expect(await hashes(dirs.dataDir)).toEqual(files)
  })
})

describe('a notes pack', () => {
  it('previews without writing, then imports like a pack.json and survives a restart', async () => {
    const h = (await open()).handlers
    const files = await hashes(dirs.dataDir)
    const preview = await h['notes:preview']({ fileName: 'n.md', content: NOTES })
    expect(preview).toMatchObject({ packId: 'my-polity', title: 'My polity notes', cards: { flashcard: 1 }, tables: [], warnings: [] })
    expect(preview.sections).toEqual([{ id: 'parliament', title: 'Parliament', blocks: 3, cards: 1 }])
    expect(await hashes(dirs.dataDir)).toEqual(files)
    const { pack } = await h['notes:import']({ fileName: 'n.md', content: NOTES })
    expect(pack).toMatchObject({ id: 'my-polity', source: 'imported', counts: { sections: 1, questions: 1 } })
    await app!.close()
    const again = (await open()).handlers
    expect((await again['packs:get']({ packId: 'my-polity' })).sections[0]?.blocks[0]?.id).toBe('rs-permanent')
  })

  it('takes a Word file as base64 and refuses content that is not base64', async () => {
    const h = (await open()).handlers
    const docx = makeDocx([{ heading: 1, text: 'Word notes' }, { heading: 2, text: 'Part one' }, { para: 'Capital::Delhi' }])
    const preview = await h['notes:preview']({ fileName: 'w.docx', content: Buffer.from(docx).toString('base64') })
    expect(preview).toMatchObject({ packId: 'word-notes', title: 'Word notes', cards: { flashcard: 1 } })
    await expect(h['notes:preview']({ fileName: 'w.docx', content: 'not base64!' })).rejects.toMatchObject({ code: 'validation' })
  })

  it('keeps HTML and script as text', async () => {
    const h = (await open()).handlers
    await h['notes:import']({ fileName: 'h.md', content: '# H\n\n## S\n\nA <script>alert(1)</script> tag.\n\n<img src=x onerror=alert(1)>\n' })
    const texts = (await h['packs:get']({ packId: 'h' })).sections[0]?.blocks.map((b) => b.text)
    expect(texts).toEqual(['A <script>alert(1)</script> tag.', '<img src=x onerror=alert(1)>'])
  })

  it('updates from an edited file in place: the highlight and the review on unchanged content stay', async () => {
    const h = (await open()).handlers
    await h['notes:import']({ fileName: 'n.md', content: NOTES })
    const pack = await h['packs:get']({ packId: 'my-polity' })
    const card = pack.questions[0]!
    const highlight = await h['annotations:add']({ packId: 'my-polity', blockId: 'rs-permanent', selector: { exact: 'permanent body' }, color: 'yellow' })
    expect((await h['study:rate']({ packId: 'my-polity', itemId: `q:${card.id}`, rating: 3 })).reps).toBe(1)

    const edited =
      NOTES.replace('Its members serve six years.', 'Its members serve six-year terms.').replace('The Rajya Sabha is', 'The Rajya Sabha, the upper house, is') +
      '\nA new line.\n'
    const preview = await h['notes:preview']({ fileName: 'n.md', content: edited, replacePackId: 'my-polity' })
    expect(preview.update?.byKind.blocks).toMatchObject({ changed: ['rs-permanent'], removed: [expect.any(String)] })
    expect(preview.update?.byKind.blocks.added).toHaveLength(2)
    expect(preview.update?.byKind.questions).toEqual({ added: [], changed: [], removed: [] })

    const result = await h['notes:import']({ fileName: 'n.md', content: edited, replacePackId: 'my-polity' })
    expect(result.pack).toMatchObject({ id: 'my-polity', version: '1.0.1' })
    expect((await h['packs:list'](undefined)).packs.map((p) => p.id)).toEqual(['tiny', 'my-polity'])
    const [view] = await h['annotations:list']({ packId: 'my-polity' })
    expect(view).toMatchObject({ id: highlight.id, blockId: 'rs-permanent', status: expect.not.stringMatching(/orphan/) })
    expect((await h['study:rate']({ packId: 'my-polity', itemId: `q:${card.id}`, rating: 3 })).reps).toBe(2)
    expect((await readdir(`${dirs.dataDir}/packs`)).filter((n) => !n.startsWith('.'))).toEqual(['my-polity'])
  })
})
