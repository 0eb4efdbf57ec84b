// Why: the exam plan stays quick over 20,000 items by reading instants off
// their digits, ranking the sweep without a comparator, and reading each card
// once for the whole report. Each shortcut must give exactly what the plain
// way gives, or plans and forecasts would quietly drift.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { trackOf } from '../../../src/shared/domain/exam'
import { addDays, isoMs } from '../../../src/main/services/study/days'
import { readDeckCards } from '../../../src/main/services/study/exam-cards'
import { forecastExam } from '../../../src/main/services/study/exam-forecast'
import { planExam } from '../../../src/main/services/study/exam-plan'
import { byKeyDescending } from '../../../src/main/services/study/rank-by-key'
import { answerOfTheDay } from '../../../src/main/services/study/exam-report'
import { createScheduler, type StoredCard } from '../../../src/main/services/study/scheduler'
import type { Question } from '../../../src/shared/pack/schema'
import { cardsFor, deckOf } from './exam-helpers'
import { IST, T0 } from './helpers'

const TODAY = IST.dayOf(T0)
// Years 0000 to 9999: every instant toISOString writes with four year digits.
const FIRST_MS = Date.parse('0000-01-01T00:00:00.000Z')
const LAST_MS = Date.parse('9999-12-31T23:59:59.999Z')

describe('reading a stored instant', () => {
  it('equals Date.parse for every instant written by toISOString', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST_MS, max: LAST_MS }), (ms) => {
        const iso = new Date(ms).toISOString()
        expect(isoMs(iso)).toBe(Date.parse(iso))
      }),
      { numRuns: 5_000 }
    )
    for (const iso of [
      '0000-01-01T00:00:00.000Z',
      '0099-02-28T12:00:00.000Z',
      '2024-02-29T23:59:59.999Z',
      '2000-02-29T00:00:00.000Z',
      '1969-12-31T23:59:59.999Z'
    ])
      expect(isoMs(iso)).toBe(Date.parse(iso))
  })

  it('leaves any other text to Date.parse, whatever it makes of it', () => {
    const texts = fc.oneof(
      // The stored shape with any digits: out-of-range fields included (2026-02-30, 24:00, 13th month).
      fc.tuple(...[4, 2, 2, 2, 2, 2, 3].map((n) => fc.integer({ min: 0, max: 10 ** n - 1 }))).map(([y, mo, d, h, mi, s, ms]) => {
        const p = (v: number, n: number) => String(v).padStart(n, '0')
        return `${p(y!, 4)}-${p(mo!, 2)}-${p(d!, 2)}T${p(h!, 2)}:${p(mi!, 2)}:${p(s!, 2)}.${p(ms!, 3)}Z`
      }),
      fc.constantFrom(
        '2026-11-30T04:30:00Z',
        '2026-11-30T04:30:00.000+00:00',
        '2026-11-30T04:30:00.000z',
        '2026-11-30 04:30:00.000Z',
        '2026-1a-30T04:30:00.000Z',
        ''
      ),
      fc.string({ minLength: 24, maxLength: 24 })
    )
    fc.assert(
      fc.property(texts, (text) => {
        expect(isoMs(text)).toBe(Date.parse(text))
      }),
      { numRuns: 5_000 }
    )
  })
})

describe('ranking the sweep', () => {
  const stableSort = (items: number[], values: number[]) =>
    items
      .map((n, k) => ({ n, key: values[k]! }))
      .sort((a, b) => b.key - a.key)
      .map((r) => r.n)
  // Recall as the scheduler rounds it (whole hundred-millionths), with ties; 2 marks an item never met.
  const recallLike = fc.oneof(
    fc.constantFrom(0, 2, 0.5, 1e-8, 0.9),
    fc.integer({ min: 0, max: 2e8 }).map((u) => Math.round((u / 1e8) * 1e8) / 1e8)
  )
  const anyKey = fc.oneof(recallLike, fc.double({ min: 0, max: 2, noNaN: true }), fc.double({ min: -1e300, max: 1e300, noNaN: true }))

  for (const [name, keys] of [
    ['recall-like keys', recallLike],
    ['any keys', anyKey]
  ] as const) {
    it(`gives what a stable sort from the highest key gives, ties in the order given (${name})`, () => {
      fc.assert(
        fc.property(fc.array(keys, { maxLength: 300 }), (values) => {
          const items = values.map((_, k) => k * 3 + 1)
          expect(byKeyDescending(items, Float64Array.from(values))).toEqual(stableSort(items, values))
        }),
        { numRuns: 1_000 }
      )
    })
  }
})

describe('reading the cards once for the whole report', () => {
  const deck = deckOf(60, 20)
  const cards = cardsFor(deck, 70)
  // Varied stored forms: a card never reviewed, one without a last review, one whose due is written another way.
  const first = cards.get(deck[0]!.itemId)!
  cards.set(deck[0]!.itemId, { ...first, state: 0 })
  const { last_review: _dropped, ...noLast } = cards.get(deck[1]!.itemId)!
  cards.set(deck[1]!.itemId, noLast as StoredCard)
  const third = cards.get(deck[2]!.itemId)!
  cards.set(deck[2]!.itemId, { ...third, due: third.due.replace('.000Z', 'Z') })
  const scheduler = createScheduler()
  const planner = createScheduler({ shortTerm: false })
  const prelims = addDays(TODAY, 20)
  const mains = addDays(TODAY, 50)
  const peakOf = (item: (typeof deck)[number]) => (trackOf(item.ref) === 'mains' ? mains : prelims)
  const read = readDeckCards(deck, cards)

  it('gives the same forecast, plan and answer as each reading its own', () => {
    const sections = [
      { id: 's-even', title: 'Even' },
      { id: 's-odd', title: 'Odd' }
    ]
    const forecast = { deck, cards, sections, now: T0, calendar: IST, peakOf, recall: scheduler }
    expect(forecastExam({ ...forecast, read })).toEqual(forecastExam(forecast))
    const plan = {
      deck,
      cards,
      now: T0,
      today: TODAY,
      calendar: IST,
      until: prelims,
      peakOf,
      noNewDays: new Set([prelims, addDays(prelims, -1)]),
      minutesPerDay: 10,
      planner
    }
    expect(planExam({ ...plan, read })).toEqual(planExam(plan))
    const question = (id: string): Question => ({ id, kind: 'mains', tests: ['b'], prompt: `Discuss ${id}.`, outline: ['a', 'b', 'c'], explanation: 'x' })
    const questions = new Map(deck.slice(60).map((item) => [item.itemId.slice(2), question(item.itemId.slice(2))]))
    const later = addDays(TODAY, 40)
    expect(answerOfTheDay({ deck, cards, questions, calendar: IST, read }, later)).toEqual(answerOfTheDay({ deck, cards, questions, calendar: IST }, later))
  })

  it('keeps what each reader needs: studied cards, their last review and their due instant', () => {
    expect(read.studied[0]).toBeUndefined()
    expect(Number.isNaN(read.lastMs[0]!)).toBe(true)
    expect(read.studied[1]).toBe(cards.get(deck[1]!.itemId))
    expect(Number.isNaN(read.lastMs[1]!)).toBe(true)
    expect(read.dueMs[2]).toBe(Date.parse(third.due))
    expect(read.lastMs[3]).toBe(Date.parse(cards.get(deck[3]!.itemId)!.last_review!))
    expect(read.studied.slice(70).every((c) => c === undefined)).toBe(true)
  })
})
