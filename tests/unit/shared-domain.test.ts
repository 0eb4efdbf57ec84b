// Why: main and the page both run these rules (the page to show and mark,
// main to schedule and validate), so each must say exactly one thing: where a
// question sends the student to read, what an item id looks like to the
// validator, which option is right, and how a date reads.
import { describe, expect, it } from 'vitest'
import { formatDateTime, formatDay, formatLocalDay, isCalendarDay, localDay } from '../../src/shared/domain/dates'
import { cellItemId, highlightItemId, itemKindOf, itemTarget, questionItemId } from '../../src/shared/domain/ids'
import { blocksOfTest, findCell, firstBlockOf, sectionOfQuestion, sectionsOfQuestion } from '../../src/shared/domain/lookups'
import { choiceOptions, correctOption, isSingleChoice } from '../../src/shared/domain/questions'
import { clozeParts, hasOneBlank } from '../../src/shared/domain/cloze'
import { PackSchema, type Pack, type Question } from '../../src/shared/pack/schema'
import { ItemId } from '../../src/shared/routes/study'
import { tinyPack } from './fixtures/tiny-pack'

/** tinyPack with a second section, whose block a table cell cites. */
function twoSections(): Pack {
  const pack = tinyPack()
  pack.sections.push({ id: 'sec-two', title: 'Two', blocks: [{ id: 'blk-c', kind: 'paragraph', text: 'Moscow hosted the second.', sourceIds: ['src-a'] }] })
  const cells = pack.tables[0]!.rows[0]!.cells
  cells.us = { ...cells.us!, blockIds: ['blk-c'] }
  return PackSchema.parse(pack)
}

const question = (pack: Pack, tests: string[]): Question => ({ ...pack.questions[0]!, tests })

describe('pack lookups', () => {
  const pack = twoSections()

  it('sends "Read about this" to a block the question tests directly before one a cited cell draws on', () => {
    expect(firstBlockOf(pack, question(pack, ['row-first/us', 'blk-a']))).toBe('blk-a')
    expect(sectionOfQuestion(pack, question(pack, ['row-first/us', 'blk-a']))).toBe('sec-one')
    expect(firstBlockOf(pack, question(pack, ['row-first/us']))).toBe('blk-c')
    expect(sectionOfQuestion(pack, question(pack, ['row-first/us']))).toBe('sec-two')
  })

  it('puts a question in every section it tests, through cells too, in pack order', () => {
    expect(sectionsOfQuestion(pack, question(pack, ['row-first/us', 'blk-a']))).toEqual(['sec-one', 'sec-two'])
    expect(blocksOfTest(pack, 'row-first/russia')).toEqual(['blk-a'])
    expect(blocksOfTest(pack, 'row-first/nowhere')).toEqual([])
  })

  it('finds a cell by row and column, and not under another table or an inherited key', () => {
    expect(findCell(pack, 'row-first', 'us')?.cell.text).toBe('2018')
    expect(findCell(pack, 'row-first', 'us', 'tbl')?.column.label).toBe('India–US')
    expect(findCell(pack, 'row-first', 'us', 'other')).toBeUndefined()
    expect(findCell(pack, 'row-first', 'constructor')).toBeUndefined()
  })
})

describe('item ids', () => {
  it('are built and read back the way the validator accepts them', () => {
    const ids = [questionItemId('q-1'), cellItemId('row-first', 'us'), highlightItemId('ann-1')]
    expect(ids).toEqual(['q:q-1', 'cell:row-first/us', 'hl:ann-1'])
    expect(ids.map(itemKindOf)).toEqual(['question', 'cell', 'highlight'])
    expect(ids.map(itemTarget)).toEqual(['q-1', 'row-first/us', 'ann-1'])
    for (const id of ids) expect(ItemId.safeParse(id).success, id).toBe(true)
    for (const bad of ['q:Q-1', 'cell:row-first', 'hl:', 'x:q-1']) expect(ItemId.safeParse(bad).success, bad).toBe(false)
  })
})

describe('single-choice questions', () => {
  const base = { id: 'q', tests: ['blk-a'], explanation: 'Because.' }

  it('show true/false as two options, 0 = True, and mark the right one', () => {
    const tf: Question = { ...base, kind: 'true-false', statement: 'Delhi hosted it.', answer: false }
    expect(isSingleChoice(tf) && [choiceOptions(tf), correctOption(tf)]).toEqual([['True', 'False'], 1])
    const mcq: Question = { ...base, kind: 'mcq', prompt: 'Where?', options: ['Delhi', 'Moscow'], answer: 1 }
    expect(isSingleChoice(mcq) && correctOption(mcq)).toBe(1)
    const cloze: Question = { ...base, kind: 'cloze', text: 'Held in {{blank}}.', answer: 'Delhi' }
    expect([isSingleChoice(cloze), choiceOptions(cloze)]).toEqual([false, []])
  })

  it('split a cloze at its one blank', () => {
    expect(hasOneBlank('a {{blank}} b')).toBe(true)
    expect(hasOneBlank('{{blank}} {{blank}}')).toBe(false)
    expect(clozeParts('Held in {{blank}}.')).toEqual(['Held in ', '.'])
  })
})

describe('dates', () => {
  it('read day-month-year whatever the machine locale, and leave what is not a date as written', () => {
    expect(formatDay('2021-12-06')).toBe('6 Dec 2021')
    expect(formatDay('2021-12-06', { year: false })).toBe('6 Dec')
    expect(formatDay('2018-11')).toBe('Nov 2018')
    expect(formatDay('2026-02-30')).toBe('2026-02-30')
    expect(formatDay('soon')).toBe('soon')
  })

  it('know a real calendar day', () => {
    expect(['2028-02-29', '2027-12-31', '0099-01-01'].map(isCalendarDay)).toEqual([true, true, true])
    expect(['2027-02-29', '2027-13-01', '2027-5-24', '24/05/2027', ''].map(isCalendarDay)).toEqual([false, false, false, false, false])
  })

  it('show an instant on the machine clock, hours 00–23', () => {
    const at = new Date(2026, 10, 2, 14, 5)
    expect(localDay(at)).toBe('2026-11-02')
    expect(formatLocalDay(at)).toBe('2 Nov')
    expect(formatDateTime(at)).toBe('2 Nov 2026, 14:05')
    expect(formatDateTime(new Date(2026, 10, 2, 0, 30))).toBe('2 Nov 2026, 00:30')
  })
})
