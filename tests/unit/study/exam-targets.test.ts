// Why: which exam each item is revised for decides the whole plan: objective
// items for Prelims, prompts for Mains, and the switch to Mains the day after
// Prelims with nobody pressing anything. The forecast and the answer of the
// day follow the same rule.
import { describe, expect, it } from 'vitest'
import { answerMinutes, trackOf, type ExamSettings } from '../../../src/shared/domain/exam'
import { addDays } from '../../../src/main/services/study/days'
import { examMoment, forecastExam } from '../../../src/main/services/study/exam-forecast'
import { answerOfTheDay } from '../../../src/main/services/study/exam-report'
import { examTargets, pastDates } from '../../../src/main/services/study/exam-targets'
import { createScheduler } from '../../../src/main/services/study/scheduler'
import type { Question } from '../../../src/shared/pack/schema'
import { cardsFor, deckOf } from './exam-helpers'
import { IST, T0 } from './helpers'

const scheduler = createScheduler()
const TODAY = IST.dayOf(T0)
const NO_MAINS = { gs1: null, gs2: null, gs3: null, gs4: null, essay: null }
const settings = (prelims: string | null, mains: Partial<ExamSettings['mains']> = {}): ExamSettings => ({
  prelims,
  mains: { ...NO_MAINS, ...mains },
  minutesPerDay: 60
})

describe('exam targets', () => {
  const s = settings('2027-05-24', { essay: '2027-08-20', gs1: '2027-08-21', gs2: '2027-08-21', gs3: '2027-08-22', gs4: '2027-08-22' })

  it('peaks objective items at Prelims and prompts at the first Mains paper, up to and on Prelims day', () => {
    for (const today of ['2026-11-25', '2027-05-23', '2027-05-24']) {
      expect(examTargets(s, today)).toMatchObject({
        phase: 'prelims',
        peaks: { prelims: '2027-05-24', mains: '2027-08-20' },
        nextExam: { date: '2027-05-24', name: 'Prelims' }
      })
    }
    expect(examTargets(s, '2027-05-24').nextExam?.daysLeft).toBe(0)
  })

  it('switches to Mains on its own the day after Prelims, then moves paper by paper', () => {
    expect(examTargets(s, '2027-05-25')).toMatchObject({
      phase: 'mains',
      peaks: { prelims: '2027-08-20', mains: '2027-08-20' },
      nextExam: { date: '2027-08-20', name: 'Essay', daysLeft: 87 }
    })
    expect(examTargets(s, '2027-08-21').nextExam).toMatchObject({ date: '2027-08-21', name: 'GS-I' })
    expect(examTargets(s, '2027-08-23')).toMatchObject({ phase: 'done', nextExam: null, peaks: { prelims: null, mains: null } })
  })

  it('lets a track without a date of its own peak at the other exam', () => {
    expect(examTargets(settings('2027-05-24'), TODAY).peaks).toEqual({ prelims: '2027-05-24', mains: '2027-05-24' })
    expect(examTargets(settings(null, { gs3: '2027-08-22' }), TODAY)).toMatchObject({ phase: 'mains', peaks: { prelims: '2027-08-22', mains: '2027-08-22' } })
  })

  it('blocks new items on every exam day and its eve', () => {
    expect([...examTargets(s, TODAY).noNewDays].sort()).toEqual(['2027-05-23', '2027-05-24', '2027-08-19', '2027-08-20', '2027-08-21', '2027-08-22'])
  })

  it('sorts cards, cells and highlight cards to Prelims and only written prompts to Mains', () => {
    expect(trackOf({ kind: 'question', questionId: 'a', questionKind: 'mains' })).toBe('mains')
    for (const questionKind of ['mcq', 'statements', 'true-false', 'cloze', 'match', 'flashcard'] as const) {
      expect(trackOf({ kind: 'question', questionId: 'a', questionKind })).toBe('prelims')
    }
    expect(trackOf({ kind: 'cell', tableId: 't', rowId: 'r', columnId: 'c' })).toBe('prelims')
    expect(trackOf({ kind: 'highlight', id: 'h', text: '{{blank}}', answer: 'a', blockId: 'b', createdAt: T0.toISOString() })).toBe('prelims')
  })

  it('refuses a newly typed past date but keeps one saved before', () => {
    const saved = settings('2026-11-20').prelims
    expect(pastDates({ prelims: '2026-11-20', mains: NO_MAINS }, { prelims: saved, mains: NO_MAINS }, TODAY)).toEqual([])
    expect(pastDates({ prelims: '2026-11-21', mains: { ...NO_MAINS, gs2: '2026-11-01' } }, { prelims: saved, mains: NO_MAINS }, TODAY)).toEqual([
      { path: 'dates.prelims', message: 'the Prelims date 2026-11-21 has already passed' },
      { path: 'dates.mains.gs2', message: 'the GS-II date 2026-11-01 has already passed' }
    ])
  })
})

describe('exam-morning forecast', () => {
  const deck = deckOf(30, 10)
  const cards = cardsFor(deck, 40)
  const sections = [
    { id: 's-even', title: 'Even' },
    { id: 's-odd', title: 'Odd' },
    { id: 's-empty', title: 'Nothing here' }
  ]
  const forecast = (peak: (track: 'prelims' | 'mains') => string | null) =>
    forecastExam({ deck, cards, sections, now: T0, calendar: IST, peakOf: (item) => peak(trackOf(item.ref)), recall: scheduler })

  it('is each card’s ts-fsrs recall on the morning of its own exam', () => {
    const prelims = addDays(TODAY, 30)
    const mains = addDays(TODAY, 120)
    const f = forecast((t) => (t === 'mains' ? mains : prelims))
    const expected = deck.map((item) => scheduler.recall(cards.get(item.itemId), examMoment(trackOf(item.ref) === 'mains' ? mains : prelims, IST))!)
    expect(f.overallAll).toBeCloseTo(expected.reduce((a, b) => a + b, 0) / deck.length, 12)
    // Later exams, lower recall.
    expect(forecast(() => mains).overallAll).toBeLessThan(forecast(() => prelims).overallAll)
  })

  it('counts unseen items as 0 and names the weakest sections, leaving out empty ones', () => {
    const half = cardsFor(deck, 20)
    const f = forecastExam({ deck, cards: half, sections, now: T0, calendar: IST, peakOf: () => addDays(TODAY, 30), recall: scheduler })
    expect(f.unseen).toBe(20)
    expect(f.sections.find((s) => s.sectionId === 's-empty')).toMatchObject({ items: 0, recallSeen: null, recallAll: 0 })
    const ranked = f.sections.filter((s) => s.items > 0).sort((a, b) => a.recallAll - b.recallAll)
    expect(f.weakest).toEqual(ranked.map((s) => s.sectionId))
    expect(f.overallAll).toBeCloseTo((f.overallSeen! * 20) / 40, 12)
    const fresh = forecastExam({ deck, cards: new Map(), sections, now: T0, calendar: IST, peakOf: () => addDays(TODAY, 30), recall: scheduler })
    expect(fresh).toMatchObject({ overallSeen: null, overallAll: 0, unseen: 40, weakest: [] })
  })
})

describe('the answer to write today', () => {
  const deck = deckOf(2, 3)
  const question = (id: string, wordLimit?: number): Question => ({
    id,
    kind: 'mains',
    tests: ['blk-a'],
    prompt: `Discuss ${id}.`,
    outline: ['one', 'two', 'three'],
    explanation: 'Because.',
    ...(wordLimit ? { wordLimit } : {})
  })
  const questions = new Map([
    ['x2', question('x2', 150)],
    ['x3', question('x3', 250)],
    ['x4', question('x4')]
  ])

  it('takes the prompts in turn, a different one each day, with the minutes its length needs', () => {
    const picks = [0, 1, 2, 3].map((d) => answerOfTheDay({ deck, cards: new Map(), questions, calendar: IST }, addDays(TODAY, d))!)
    expect(new Set(picks.slice(0, 3).map((p) => p.questionId))).toEqual(new Set(['x2', 'x3', 'x4']))
    expect(picks[3]!.questionId).toBe(picks[0]!.questionId)
    const byId = Object.fromEntries(picks.map((p) => [p.questionId, p]))
    expect(byId.x2).toMatchObject({ prompt: 'Discuss x2.', wordLimit: 150, minutes: 7 })
    expect(byId.x4).toMatchObject({ wordLimit: null, minutes: answerMinutes(undefined) })
    expect(answerMinutes(250)).toBe(11)
  })

  it('takes the most overdue prompt when one is due, and none without prompts', () => {
    const cards = cardsFor(deck, 5)
    const due = [...cards].filter(([id]) => ['q:x2', 'q:x3', 'q:x4'].includes(id)).sort((a, b) => Date.parse(a[1].due) - Date.parse(b[1].due))
    const later = addDays(TODAY, 400)
    expect(answerOfTheDay({ deck, cards, questions, calendar: IST }, later)?.questionId).toBe(due[0]![0].slice(2))
    expect(answerOfTheDay({ deck: deckOf(3), cards, questions, calendar: IST }, TODAY)).toBeNull()
  })
})
