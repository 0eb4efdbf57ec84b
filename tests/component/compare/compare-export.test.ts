// Why: an export is opened in a spreadsheet or a Markdown viewer the app does not control, so quoting, the formula guard and escaping are pinned here.
import { describe, expect, it } from 'vitest'
import { csvField, exportFileName, guardFormula, markdownCell, tableToCsv, tableToMarkdown } from '@renderer/lib/compare-export'
import { HOSTILE } from '../fixtures/pack'
import { comparePack } from './setup'

const table = () => comparePack().tables[0]!

describe('CSV', () => {
  it('guards cells a spreadsheet would run as a formula', () => {
    for (const text of ['=SUM(A1)', '+1', '-5', '@cmd', '\tx', '\rx']) expect(guardFormula(text)).toBe(`'${text}`)
    for (const text of ['India', '2+2', 'a=b', ' =1']) expect(guardFormula(text)).toBe(text)
  })

  it('quotes fields with commas, quotes or line breaks, doubling the quotes', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a, b')).toBe('"a, b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    // Guard first, then quote: the apostrophe is inside the quotes.
    expect(csvField('-5 degrees, "cold"')).toBe(`"'-5 degrees, ""cold"""`)
  })

  it('writes a header, one CRLF record per row, and a BOM for Excel', () => {
    const csv = tableToCsv(table())
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const records = csv.slice(1).split('\r\n')
    expect(records[0]).toBe('Dimension,Group,Relation,India–US,India–Russia')
    expect(records[1]).toBe('First held,Format,Differ,September 2018,December 2021')
    expect(records).toContain(`Formula-looking,Outlook,Differ,'=1+1,"'-5 degrees, ""cold"""`)
    expect(records.at(-1)).toBe('')
    expect(records).toHaveLength(table().rows.length + 2)
  })

  it('exports only the rows given', () => {
    const t = table()
    const csv = tableToCsv(t, { rows: t.rows.filter((r) => r.group === 'Defence') })
    expect(
      csv
        .slice(1)
        .trim()
        .split('\r\n')
        .map((r) => r.split(',')[0])
    ).toEqual(['Dimension', 'Flagship deal', 'Sanctions'])
  })
})

describe('Markdown', () => {
  it('escapes what would break a table cell or become HTML or formatting', () => {
    expect(markdownCell('a | b')).toBe('a \\| b')
    expect(markdownCell(HOSTILE)).toBe('\\<img src=x onerror=alert(1)\\>')
    expect(markdownCell('*bold* _it_ [link](x) `code`')).toBe('\\*bold\\* \\_it\\_ \\[link\\](x) \\`code\\`')
    expect(markdownCell('line\r\nbreak')).toBe('line break')
  })

  it('writes the title, caption, a header row and one row per dimension, then the cited sources', () => {
    const pack = comparePack()
    const md = tableToMarkdown(pack.tables[0]!, { sources: pack.sources })
    const lines = md.split('\n')
    expect(lines[0]).toBe('## India–US vs India–Russia 2+2')
    expect(lines).toContain('How the two dialogues differ.')
    expect(lines).toContain('| Dimension | Group | Relation | India–US | India–Russia |')
    expect(lines).toContain('| --- | --- | --- | --- | --- |')
    expect(lines).toContain('| First held | Format | Differ | September 2018 | December 2021 |')
    expect(lines).toContain('| Level | Format | Alike | Ministerial | Ministerial |')
    expect(lines).toContain('- MEA joint statement — <https://www.mea.gov.in/a>')
    expect(lines).toContain('- Class notes (notes.pdf)')
  })

  it('says when the export is filtered, and lists only the sources those rows cite', () => {
    const pack = comparePack()
    const t = pack.tables[0]!
    const md = tableToMarkdown(t, { rows: t.rows.slice(0, 1), sources: pack.sources, note: 'Filtered: 1 of 6 rows' })
    expect(md).toContain('_Filtered: 1 of 6 rows_')
    expect(md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Dimension') && !l.startsWith('| ---'))).toHaveLength(1)
    expect(md).not.toContain('Class notes')
  })
})

it('names files the save channel accepts', () => {
  expect(exportFileName(table(), 'csv', false)).toBe('tbl-compare.csv')
  expect(exportFileName(table(), 'md', true)).toBe('tbl-compare-filtered.md')
  for (const name of [exportFileName(table(), 'csv', true), exportFileName(table(), 'md', false)]) {
    expect(name).toMatch(/^[A-Za-z0-9][A-Za-z0-9 ._()-]*\.(md|csv|json)$/)
  }
})
