// Why: a mock score is a number students compare week to week, so UPSC's
// negative marking must add up exactly, and a paper must outlive a restart.
import { afterEach, describe, expect, it } from 'vitest'
import { marks } from '../../../src/shared/domain/mock'
import { pickQuestions, scoreMock } from '../../../src/main/services/study/mock-test'
import { harness, type Harness } from './helpers'

const answers = (right: number, wrong: number, blank: number) => [
  ...Array.from({ length: right }, (_, i) => ({ questionId: `r${i}`, correct: 1, chosen: 1 })),
  ...Array.from({ length: wrong }, (_, i) => ({ questionId: `w${i}`, correct: 1, chosen: 0 })),
  ...Array.from({ length: blank }, (_, i) => ({ questionId: `b${i}`, correct: 1, chosen: null }))
]
const total = (r: number, w: number, b: number) => marks(scoreMock(answers(r, w, b)).hundredths)

describe('UPSC marking', () => {
  it('adds +2 / −0.66 / 0 in hundredths, with no float drift', () => {
    expect(total(0, 3, 0)).toBe(-1.98)
    expect(total(25, 0, 0)).toBe(50)
    expect(total(0, 0, 25)).toBe(0)
    expect(total(18, 5, 2)).toBe(32.7)
    expect(total(1, 1, 0)).toBe(1.34)
    expect(total(0, 100, 0)).toBe(-66)
    expect(total(67, 33, 0)).toBe(112.22)
    // Summing -0.66 a hundred times in floats would not give -66 exactly.
    expect(Array.from({ length: 100 }, () => -0.66).reduce((a, b) => a + b, 0)).not.toBe(-66)
    const s = scoreMock(answers(2, 1, 1))
    expect(s).toMatchObject({ right: 2, wrong: 1, unanswered: 1, hundredths: 334, maxHundredths: 800 })
  })

  it('picks distinct questions, no more than exist', () => {
    let x = 1
    const rnd = () => (x = (x * 48271) % 2147483647) / 2147483647
    const ids = Array.from({ length: 30 }, (_, i) => `q${i}`)
    const picked = pickQuestions(ids, 25, rnd)
    expect(new Set(picked).size).toBe(25)
    expect(pickQuestions(ids.slice(0, 4), 25, rnd).sort()).toEqual(ids.slice(0, 4).sort())
  })
})

describe('mock channels', () => {
  let h: Harness
  afterEach(async () => h?.close())

  it('starts a paper of auto-markable questions that survives a restart, scores it and rates the cards', async () => {
    h = await harness()
    const paper = await h.service.mocks.start({ packId: 'polity', count: 25 })
    // statements, mcq and true-false only: not the flashcard.
    expect([...paper.questionIds].sort()).toEqual(['q-1', 'q-2', 'q-3', 'q-st', 'q-tf'])
    expect(paper).toMatchObject({ packId: 'polity', startedAt: h.now.toISOString(), suggestedMinutes: 6, answers: {} })
    const again = await h.reopen()
    expect(again.mocks.active('polity')).toEqual(paper)
    h.advance(5 * 60_000)
    const result = await again.mocks.submit({ mockId: paper.mockId, answers: { 'q-1': 0, 'q-2': 0, 'q-tf': 0, 'q-st': null } })
    expect(result).toMatchObject({ right: 2, wrong: 1, unanswered: 2, score: 3.34, maxScore: 10 })
    const byId = Object.fromEntries(result.items.map((i) => [i.questionId, i]))
    expect(byId['q-2']).toMatchObject({ chosen: 0, correct: 1, outcome: 'wrong', marks: -0.66, explanation: 'Because q-2.', blockId: 'blk-b' })
    expect(byId['q-tf']).toMatchObject({ chosen: 0, correct: 0, outcome: 'right', marks: 2 })
    // Wrong → Again, right → Good, unanswered → untouched.
    expect(again.store.card('polity', 'q:q-2')).toMatchObject({ state: 1, lapses: 0 })
    expect((await again.history('polity')).map((e) => [e.itemId, e.rating, e.source]).sort()).toEqual([
      ['q:q-1', 3, 'mock'],
      ['q:q-2', 1, 'mock'],
      ['q:q-tf', 3, 'mock']
    ])
    expect(again.store.card('polity', 'q:q-st')).toBeUndefined()
    expect(again.mocks.active('polity')).toBeNull()
    // Kept, in history and on the dashboard.
    const later = await h.reopen()
    expect(later.mocks.history('polity')).toEqual([result])
    expect(later.stats('polity').mockScores).toEqual([{ mockId: paper.mockId, submittedAt: result.submittedAt, score: 3.34, maxScore: 10 }])
    await expect(later.mocks.submit({ mockId: paper.mockId, answers: {} })).rejects.toMatchObject({ code: 'validation' })
  })

  it('keeps the answers chosen so far on disk, so a restart mid-paper loses none', async () => {
    h = await harness()
    const paper = await h.service.mocks.start({ packId: 'polity', count: 25 })
    expect(await h.service.mocks.saveAnswers({ mockId: paper.mockId, answers: { 'q-1': 0 } })).toMatchObject({ answers: { 'q-1': 0 } })
    await h.service.mocks.saveAnswers({ mockId: paper.mockId, answers: { 'q-1': 1, 'q-tf': 1, 'q-st': null } })
    const again = await h.reopen()
    expect(again.mocks.active('polity')?.answers).toEqual({ 'q-1': 1, 'q-tf': 1, 'q-st': null })
    await expect(again.mocks.saveAnswers({ mockId: paper.mockId, answers: { 'q-tf': 2 } })).rejects.toMatchObject({ code: 'validation' })
    await expect(again.mocks.saveAnswers({ mockId: paper.mockId, answers: { 'q-nope': 0 } })).rejects.toMatchObject({ code: 'validation' })
    expect(again.mocks.active('polity')?.answers).toEqual({ 'q-1': 1, 'q-tf': 1, 'q-st': null })
    await again.mocks.submit({ mockId: paper.mockId, answers: { 'q-1': 1 } })
    await expect(again.mocks.saveAnswers({ mockId: paper.mockId, answers: {} })).rejects.toMatchObject({ code: 'validation' })
  })

  it('refuses answers that do not fit the paper, and papers that cannot be made', async () => {
    h = await harness()
    const paper = await h.service.mocks.start({ packId: 'polity', count: 2, sectionIds: ['sec-two'] })
    expect(paper.questionIds.every((id) => ['q-3', 'q-tf'].includes(id))).toBe(true)
    await expect(h.service.mocks.submit({ mockId: paper.mockId, answers: { 'q-1': 0 } })).rejects.toMatchObject({ code: 'validation' })
    await expect(h.service.mocks.submit({ mockId: paper.mockId, answers: { 'q-tf': 2 } })).rejects.toMatchObject({ code: 'validation' })
    await expect(h.service.mocks.submit({ mockId: 'mock-nothing', answers: {} })).rejects.toMatchObject({ code: 'not-found' })
    await expect(h.service.mocks.start({ packId: 'polity', count: 5, sectionIds: ['sec-nine'] })).rejects.toMatchObject({ code: 'validation' })
    await expect(h.service.mocks.start({ packId: 'nope', count: 5 })).rejects.toMatchObject({ code: 'not-found' })
    // A new paper replaces the open one.
    const next = await h.service.mocks.start({ packId: 'polity', count: 1 })
    expect(h.service.mocks.active('polity')?.mockId).toBe(next.mockId)
    await expect(h.service.mocks.submit({ mockId: paper.mockId, answers: {} })).rejects.toMatchObject({ code: 'not-found' })
  })
})
