// Why: card syntax must read the way Anki and Obsidian users already write
// it, a bad card must stay as text with a warning, and ids must not move when
// the content they name did not change, or reviews and highlights are lost.
import { describe, expect, it } from 'vitest'
import { buildNotesPack, type BuildInput } from '../../../src/main/services/notes/build-pack'
import { readCloze, readLineCards } from '../../../src/main/services/notes/card-syntax'
import { readQuiz } from '../../../src/main/services/notes/quiz-block'
import { describeSummary, reimportSummary } from '../../../src/main/services/notes/import-summary'

const clock = () => new Date('2026-11-25T00:00:00Z')
async function build(text: string, extra: Partial<BuildInput> = {}) {
  const result = await buildNotesPack({ fileName: 'n.md', text, clock, ...extra })
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result
}

describe('card syntax', () => {
  it('reads cloze numbers, repeats and hints, one card per blank', () => {
    const { plain, cards } = readCloze('{{c1::Delhi}} is the capital; {{c2::Mumbai::city}} is not; {{c1::Delhi}} again.')
    expect(plain).toBe('Delhi is the capital; Mumbai is not; Delhi again.')
    expect(cards.map((c) => [c.number, c.occurrence, c.text])).toEqual([
      [1, 1, '{{blank}} is the capital; Mumbai is not; Delhi again.'],
      [2, 1, 'Delhi is the capital; {{blank}} (hint: city) is not; Delhi again.'],
      [1, 2, 'Delhi is the capital; Mumbai is not; {{blank}} again.']
    ])
  })

  it('keeps one blank per card when the notes type {{blank}} or the text is long', () => {
    expect(readCloze('A {{blank}} and {{c1::x}}').cards[0]?.text).toBe('A {blank} and {{blank}}')
    const long = readCloze(`${'a'.repeat(600)} {{c1::x}} ${'word '.repeat(200)}`).cards[0]?.text ?? ''
    expect(long.length).toBeLessThanOrEqual(500)
    expect(long.split('{{blank}}')).toHaveLength(2)
  })

  it('reports a cloze that is never closed', () => {
    expect(readCloze('The {{c1::answer is lost').problems).toEqual([expect.stringMatching(/never closed/)])
  })

  it('reads Q::A, Q:::A and lone ? / ?? lines', () => {
    const line = (text: string, n = 1) => ({ text, line: n })
    expect(readLineCards([line('Capital of India::New Delhi'), line('Art. 80:::Rajya Sabha', 2), line('plain words', 3)]).cards).toEqual([
      { syntax: 'basic', front: 'Capital of India', back: 'New Delhi', line: 1 },
      { syntax: 'reversed', front: 'Art. 80', back: 'Rajya Sabha', line: 2 }
    ])
    expect(readLineCards([line('Q one'), line('??'), line('A one')]).cards).toEqual([{ syntax: 'multi-line-reversed', front: 'Q one', back: 'A one', line: 1 }])
    expect(readLineCards([line('Nothing::'), line('::nothing')]).cards).toEqual([])
  })

  it('reads a statement quiz and a single-answer quiz, and explains what is wrong with a bad one', () => {
    const statements = readQuiz('Consider:\n1. One\n2. Two\n3. Three\n(a) 1 only\n(b) 1 and 2\n(c) all\nAnswer: c')
    expect(statements).toEqual({
      ok: true,
      card: {
        kind: 'statements',
        stem: 'Consider:',
        statements: ['One', 'Two', 'Three'],
        ask: 'Which of the statements given above is/are correct?',
        options: ['1 only', '1 and 2', 'all'],
        answer: 2
      }
    })
    expect(readQuiz('Which?\na) x\nb) y\nAnswer: (b)\nExplanation: because\nit is')).toEqual({
      ok: true,
      card: { kind: 'mcq', prompt: 'Which?', options: ['x', 'y'], answer: 1, explanation: 'because it is' }
    })
    expect(readQuiz('Which?\n(a) x\n(b) y')).toEqual({ ok: false, reason: expect.stringMatching(/Answer: b/) })
    expect(readQuiz('Which?\n(a) x\n(b) y\nAnswer: d')).toEqual({ ok: false, reason: expect.stringMatching(/not one of the options/) })
  })

  it('keeps a bad quiz block as text with a warning on its line', async () => {
    const { pack, preview } = await build('# T\n\n## S\n\nIntro.\n\n```quiz\nWhich?\n(a) x\n```\n')
    expect(pack.questions).toEqual([])
    expect(pack.sections[0]?.blocks.map((b) => b.text)).toEqual(['Intro.', 'Which? (a) x'])
    expect(preview.warnings).toEqual([{ line: 7, message: expect.stringMatching(/quiz block cannot be read \(a quiz needs at least two options/) }])
  })

  it('makes list items with card syntax into cards', async () => {
    const { pack } = await build('# T\n\n## S\n\n- Capital::Delhi\n- The {{c1::Ganga}} is long\n- plain\n')
    expect(pack.sections[0]?.blocks[0]?.items).toEqual(['Capital — Delhi', 'The Ganga is long', 'plain'])
    expect(pack.questions.map((q) => q.kind)).toEqual(['flashcard', 'cloze'])
  })
})

describe('ids and re-import', () => {
  const v1 =
    '# Polity\n\n## Parliament\n\nFirst paragraph.\n\nSecond paragraph. ^second\n\nCapital::Delhi\n\n| Dim | A | B |\n|---|---|---|\n| Size | big | small |\n'
  it('come out the same for the same file, and from the heading path and content', async () => {
    const a = await build(v1)
    const b = await build(v1)
    expect(b.pack).toEqual(a.pack)
    const ids = a.pack.sections[0]?.blocks.map((x) => x.id)
    expect(ids?.[0]).toMatch(/^parliament-[a-z0-9]{10}$/)
    expect(ids?.[1]).toBe('second')
  })

  it('do not move when a paragraph is added above, and an edited ^id block is "changed"', async () => {
    const before = (await build(v1)).pack
    const edited = v1
      .replace('First paragraph.', 'A new opening.\n\nFirst paragraph.')
      .replace('Second paragraph.', 'Second paragraph, edited.')
      .replace('| big |', '| huge |')
    const after = (await build(edited)).pack
    const summary = reimportSummary(before, after)
    expect(summary.byKind.blocks).toEqual({ added: [after.sections[0]?.blocks[0]?.id], changed: ['second'], removed: [] })
    expect(summary.byKind.questions).toEqual({ added: [], changed: [], removed: [] })
    expect(summary.byKind.rows.changed).toHaveLength(1)
    expect(describeSummary(summary)).toBe('1 block added, 1 block changed, 1 table row changed')
    const removed = reimportSummary(after, before)
    expect(removed.byKind.blocks.removed).toEqual([after.sections[0]?.blocks[0]?.id])
  })

  it('refuses an ^id used twice, naming both lines', async () => {
    const result = await buildNotesPack({ fileName: 'n.md', text: '# T\n\n## S\n\nOne ^dup\n\nTwo ^dup\n' })
    expect(result).toEqual({
      ok: false,
      error: { code: 'duplicate-id', line: 7, message: 'The id ^dup is used on line 5 and again on line 7. Each ^id must be unique; rename one.' }
    })
  })
})
