// Why: whatever a notes file holds, the importer must answer with a valid
// pack or a typed error: never throw, never hand the app a pack the schema
// would refuse. Inputs mix every syntax the importer reads, broken halves of
// it, and arbitrary text; 1,000 runs.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PackSchema } from '../../../src/shared/pack/schema'
import { buildNotesPack } from '../../../src/main/services/notes/build-pack'

// Not 'invalid-pack' or 'unreadable': those would mean the importer built something the schema refuses, or failed.
const CODES = ['too-large', 'not-text', 'too-deep', 'table-too-large', 'duplicate-id', 'too-many', 'empty']

const word = fc.constantFrom(
  'Rajya',
  'Sabha',
  'Art. 80',
  '::',
  ':::',
  '?',
  '??',
  '{{c1::',
  '}}',
  '{{c2::x::hint}}',
  '{{blank}}',
  '^id-1',
  '^A',
  '[!note]',
  '|',
  '=',
  '≠',
  '<script>',
  '&amp;',
  '\\',
  '*',
  '_',
  '`',
  '[x](https://example.org/a)',
  '[y](http://x)',
  '[z][ref]',
  '#',
  '>',
  '-',
  '1.',
  '---',
  '```',
  'é',
  '😀',
  '\u200b',
  '\t'
)
const line = fc.oneof(
  fc.array(word, { maxLength: 8 }).map((w) => w.join(' ')),
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '| Dim | A | B |\n|---|---|---|\n| x | y | z |',
    '| D | A | B | = |\n| - | - | - | - |\n| r | 1 | 1 | = |\n| s | 1 | 2 | ≠ |',
    '| only |\n|---|\n| one |'
  ),
  fc.constantFrom(
    '# Title',
    '## Section',
    '### Sub',
    '#### Deep',
    '?',
    '??',
    '```quiz',
    '```',
    'Answer: a',
    'Answer: z',
    '(a) one',
    '(b) two',
    '1. first',
    '2. second',
    'Explanation: why',
    '| A | B | C |',
    '|---|---|---|',
    '| x | y | = |',
    '> [!warning] Careful',
    '> quoted',
    '- item',
    '  - nested',
    '- [ ] task',
    '[ref]: https://example.org/r',
    '[^1]: foot',
    '---',
    'id: x',
    'title: T',
    '',
    '',
    ''
  )
)
const notes = fc.array(line, { maxLength: 40 }).map((lines) => lines.join('\n'))

describe('the Markdown importer', () => {
  it('returns a valid pack or a typed error for any input (1,000 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(notes, fc.boolean(), async (text, withFrontMatter) => {
        const input = withFrontMatter ? `---\ntitle: Prop\nsources:\n  - https://example.org/s\n---\n${text}` : text
        const result = await buildNotesPack({ fileName: 'prop.md', text: input, pause: async () => undefined })
        if (result.ok) {
          const checked = PackSchema.safeParse(result.pack)
          expect(checked.success, JSON.stringify(checked.error?.issues[0])).toBe(true)
          expect(result.preview.warnings.every((w) => Number.isInteger(w.line) && w.line >= 0 && w.line <= input.split('\n').length + 1)).toBe(true)
        } else {
          expect(CODES).toContain(result.error.code)
          expect(result.error.message.length).toBeGreaterThan(10)
        }
      }),
      // Inputs that once broke it: a hard line break before a lone `??`.
      { numRuns: 1000, examples: [['\\\n??\nRajya', false]] }
    )
  })
})
