// Why: Word notes go through mammoth to the same Markdown path, and a .docx
// is a zip, so a zip bomb must be refused before mammoth reads any of it.
import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { buildNotesPack } from '../../../src/main/services/notes/build-pack'
import { checkZipCaps, docxToMarkdown } from '../../../src/main/services/notes/docx'
import { DOCX_MAX_ENTRIES, DOCX_MAX_UNZIPPED_BYTES } from '../../../src/shared/domain/notes'
import { makeDocx } from './docx-fixture'

describe('a Word file', () => {
  it('becomes the same pack content as the notes would in Markdown', async () => {
    const docx = makeDocx([
      { heading: 1, text: 'Polity from Word' },
      { heading: 2, text: 'Parliament' },
      { para: 'The {{c1::Rajya Sabha}} is permanent. Stars *stay* stars and <b>tags</b> stay text.' },
      { para: 'Capital of India::New Delhi' },
      { bullet: 'Lok Sabha: 552' },
      { bullet: 'Rajya Sabha: 250', level: 1 },
      { link: 'The Constitution', href: 'https://legislative.gov.in/constitution-of-india/' },
      {
        table: [
          ['Dimension', 'Lok Sabha', 'Rajya Sabha'],
          ['Dissolved', 'Yes', 'No']
        ]
      }
    ])
    const converted = await docxToMarkdown(docx, 'polity.docx')
    if (!converted.ok) throw new Error(converted.error.message)
    const result = await buildNotesPack({ fileName: 'polity.docx', text: converted.markdown, warnings: converted.warnings })
    if (!result.ok) throw new Error(result.error.message)
    const { pack } = result
    expect(pack.title).toBe('Polity from Word')
    expect(pack.sections.map((s) => s.title)).toEqual(['Parliament'])
    const blocks = pack.sections[0]?.blocks ?? []
    expect(blocks[0]?.text).toBe('The Rajya Sabha is permanent. Stars *stay* stars and <b>tags</b> stay text.')
    expect(blocks.find((b) => b.kind === 'bullets')?.items).toEqual(['Lok Sabha: 552', '– Rajya Sabha: 250'])
    expect(pack.questions.map((q) => q.kind)).toEqual(['cloze', 'flashcard'])
    expect(pack.sources.some((s) => s.address === 'https://legislative.gov.in/constitution-of-india/')).toBe(true)
    expect(pack.tables[0]?.rows[0]).toMatchObject({ dimension: 'Dissolved', relation: 'differ' })
  })

  it('is refused as a zip bomb before mammoth reads it (declared size, real size, entry count)', async () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(DOCX_MAX_UNZIPPED_BYTES + 1024) }, { level: 9 })
    expect(bomb.length).toBeLessThan(1024 * 1024)
    expect(await docxToMarkdown(bomb, 'bomb.docx')).toEqual({
      ok: false,
      error: { code: 'bad-docx', message: expect.stringMatching(/bomb\.docx unzips to more than 64\.0 MB.*zip bomb/) }
    })

    // A zip whose records claim a small size: only really inflating it tells.
    const liar = zipSync({ 'a.xml': new Uint8Array(DOCX_MAX_UNZIPPED_BYTES + 1024) }, { level: 9 })
    const view = new DataView(liar.buffer, liar.byteOffset, liar.byteLength)
    for (let at = 0; at + 4 <= liar.length; at++) {
      const sig = view.getUint32(at, true)
      if (sig === 0x04034b50) view.setUint32(at + 22, 100, true)
      if (sig === 0x02014b50) view.setUint32(at + 24, 100, true)
    }
    expect(checkZipCaps(liar, 'liar.docx')).toMatch(/liar\.docx unzips to more than 64\.0 MB.*zip bomb/)

    const many = zipSync(Object.fromEntries(Array.from({ length: DOCX_MAX_ENTRIES + 1 }, (_, i) => [`f${i}.xml`, new Uint8Array(1)])))
    expect(checkZipCaps(many, 'many.docx')).toMatch(/holds 2001 files/)
  })

  it('that is not a zip, or not a Word document, gets a clear error', async () => {
    expect(await docxToMarkdown(new TextEncoder().encode('just text'), 'x.docx')).toEqual({
      ok: false,
      error: { code: 'bad-docx', message: 'x.docx is not a Word document (it is not a .docx zip).' }
    })
    const notWord = await docxToMarkdown(zipSync({ 'readme.txt': new Uint8Array([65]) }), 'y.docx')
    expect(notWord.ok).toBe(false)
    if (!notWord.ok) expect(notWord.error.message).toMatch(/y\.docx could not be read as a Word document/)
  })
})
