// Why: docs/sample-notes.md uses every syntax docs/notes-format.md describes,
// so importing it and checking what came out keeps the document and the
// importer saying the same thing.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PackSchema, type Question } from '../../../src/shared/pack/schema'
import { buildNotesPack } from '../../../src/main/services/notes/build-pack'

const root = resolve(__dirname, '../../..')
const sample = readFileSync(resolve(root, 'docs/sample-notes.md'), 'utf8')
const build = async () => {
  const result = await buildNotesPack({ fileName: 'sample-notes.md', text: sample, clock: () => new Date('2026-11-25T00:00:00Z') })
  if (!result.ok) throw new Error(result.error.message)
  return result
}
const byKind = <K extends Question['kind']>(qs: Question[], kind: K) => qs.filter((q): q is Extract<Question, { kind: K }> => q.kind === kind)

describe('the sample notes file', () => {
  it('becomes a valid pack named by its front matter', async () => {
    const { pack } = await build()
    expect(PackSchema.safeParse(pack).success).toBe(true)
    expect(pack).toMatchObject({ id: 'sample-parliament-notes', title: 'Parliament of India — sample notes', version: '1.2.0', asOf: '2026-11-01' })
    expect(pack.sections.map((s) => s.title)).toEqual(['Overview', 'Rajya Sabha', 'Lok Sabha'])
  })

  it('keeps ^ids, titles blocks with ### sub-headings and reads callouts', async () => {
    const { pack } = await build()
    const blocks = pack.sections.flatMap((s) => s.blocks)
    expect(blocks.find((b) => b.id === 'rs-permanent')?.text).toBe('The Rajya Sabha is a permanent body and is not subject to dissolution.')
    expect(blocks.find((b) => b.id === 'rs-facts')).toMatchObject({
      kind: 'bullets',
      items: ['Maximum strength: 250', 'Nominated by the President: 12', '– for art, literature, science and social service', 'Term of a member: six years']
    })
    expect(blocks.find((b) => b.title === 'Who chairs it')?.text).toBe('The Vice-President is the ex officio Chairman of the Rajya Sabha.')
    expect(blocks.filter((b) => b.kind === 'callout').map((b) => [b.title, b.text])).toEqual([
      ['Remember', 'The Chairman is not a member of the House.'],
      ['Warning', 'Do not confuse the Deputy Chairman (elected by members) with the Chairman.']
    ])
    expect(blocks.find((b) => b.kind === 'key-fact')?.text).toBe('A money bill can be introduced only in the Lok Sabha.')
  })

  it('makes every kind of card', async () => {
    const { pack, preview } = await build()
    const cloze = byKind(pack.questions, 'cloze')
    expect(cloze.map((q) => [q.text, q.answer])).toEqual([
      ['The {{blank}} is the ex officio Chairman of the Rajya Sabha.', 'Vice-President'],
      ['The Vice-President is the ex officio Chairman of the {{blank}} (hint: house).', 'Rajya Sabha']
    ])
    const cards = byKind(pack.questions, 'flashcard').map((q) => [q.front, q.back])
    expect(cards).toEqual([
      ['How many members does the President nominate to the Rajya Sabha?', '12'],
      ['Article 80', 'Composition of the Council of States'],
      ['Composition of the Council of States', 'Article 80'],
      ['What happens to the Rajya Sabha when the Lok Sabha is dissolved?', 'Nothing: the Rajya Sabha continues.\nIt is a permanent body.'],
      ['Who presides over a joint sitting?', 'The Speaker of the Lok Sabha'],
      ['The Speaker of the Lok Sabha', 'Who presides over a joint sitting?']
    ])
    const [statements] = byKind(pack.questions, 'statements')
    expect(statements).toMatchObject({
      id: 'rs-statements',
      statements: ['It is a permanent body.', 'All its members are directly elected.'],
      answer: 0,
      options: ['1 only', '2 only', 'Both 1 and 2', 'Neither 1 nor 2']
    })
    const [mcq] = byKind(pack.questions, 'mcq')
    expect(mcq).toMatchObject({ prompt: 'Who decides whether a bill is a money bill?', answer: 1, explanation: 'Answer: (b) The Speaker of the Lok Sabha' })
    expect(preview.cards).toEqual({ cloze: 2, flashcard: 6, statements: 1, mcq: 1 })
    expect(preview.cardSyntax).toEqual({ cloze: 2, basic: 1, reversed: 1, 'multi-line': 1, 'multi-line-reversed': 1, 'quiz-statements': 1, 'quiz-mcq': 1 })
  })

  it('turns the table into a compare table with its = / ≠ column', async () => {
    const { pack } = await build()
    const [table] = pack.tables
    expect(table?.columns.map((c) => c.label)).toEqual(['Lok Sabha', 'Rajya Sabha'])
    expect(table?.rows.map((r) => [r.dimension, r.relation])).toEqual([
      ['Maximum strength', 'differ'],
      ['Can be dissolved', 'differ'],
      ['Takes part in electing the President', 'alike'],
      ['Presiding officer', 'differ']
    ])
  })

  it('makes links and front-matter sources into sources, and keeps HTML as text with a warning', async () => {
    const { pack, preview } = await build()
    expect(pack.sources.map((s) => s.id)).toEqual(['notes-file', 'laxmikanth-ch22', expect.stringMatching(/^src-/)])
    const linked = pack.sections.flatMap((s) => s.blocks).find((b) => b.text?.startsWith('One-third'))
    expect(linked?.sourceIds).toEqual(['notes-file', pack.sources[2]?.id])
    const html = pack.sections.flatMap((s) => s.blocks).find((b) => b.text?.includes('<script>'))
    expect(html?.text).toBe('Typing <b>bold</b> or <script>alert(1)</script> in notes keeps it as text.')
    expect(preview.warnings.map((w) => w.line)).toEqual([93, 95])
  })
})
