// Why: the page side of the Prelims paper: the answer sheet must say what is
// answered and marked, each moment on screen must go to the question shown,
// and the bell must hand the paper in by itself. Main is a small fake here;
// main's own marking is tested in tests/unit/prelims.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { PrelimsPaper, PrelimsQuestion, PrelimsResult } from '@shared/domain/prelims'
import { api, resetApi } from '../helpers/fake-api'
import { mountApp, settle, type MountedApp } from '../helpers/mount-app'
import { getByRole } from '../helpers/roles'
import { installStudy, press } from '../self-test/fake-study'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

const question = (n: number): PrelimsQuestion => ({
  packId: 'fixture',
  packTitle: 'Fixture pack',
  sectionId: 'sec-origins',
  sectionTitle: 'Origins',
  questionId: `q-${n}`,
  kind: 'mcq',
  stem: `Question text ${n}?`,
  options: ['One', 'Two', 'Three', 'Four']
})

function paperStarted(at: number, n = 3): PrelimsPaper {
  return {
    paperId: 'paper-test-1',
    startedAt: new Date(at).toISOString(),
    minutes: 4,
    endsAt: new Date(at + 4 * 60_000).toISOString(),
    questions: Array.from({ length: n }, (_, i) => question(i + 1)),
    answers: Array<null>(n).fill(null),
    review: Array<boolean>(n).fill(false),
    timeMs: Array<number>(n).fill(0)
  }
}

const result = (): PrelimsResult => ({
  paperId: 'paper-test-1',
  startedAt: '2026-11-25T04:30:00.000Z',
  submittedAt: '2026-11-25T04:34:00.000Z',
  minutes: 4,
  timedOut: true,
  questions: 3,
  right: 1,
  wrong: 1,
  unanswered: 1,
  score: 1.34,
  maxScore: 6,
  guessingCost: -0.66,
  timeMs: 5000,
  sections: [],
  items: []
})

let app: MountedApp | null = null
// The first mount compiles the whole app; on a busy machine that alone can pass a test's 5 s, so it is done here, with room.
beforeAll(async () => {
  await Promise.all([import('@renderer/App.vue'), import('@renderer/views/SelfTestView.vue'), import('@renderer/views/ReadView.vue')])
}, 60_000)
let open: PrelimsPaper | null = null
beforeEach(() => {
  resetApi()
  installStudy()
  localStorage.clear()
  open = null
  // resetApi resets only the channels it fakes; these would carry calls over from the test before.
  for (const channel of ['prelims:availability', 'prelims:active', 'prelims:history', 'prelims:start', 'prelims:save', 'prelims:submit'] as const)
    api[channel].mockReset()
  api['prelims:availability'].mockImplementation(async () => ({
    available: 3,
    required: 100,
    packs: [{ packId: 'fixture', title: 'Fixture pack', questions: 3 }]
  }))
  api['prelims:active'].mockImplementation(async () => open)
  api['prelims:history'].mockImplementation(async () => [])
  api['prelims:save'].mockImplementation(async (sheet) => (open = { ...open!, ...sheet }))
  api['prelims:submit'].mockImplementation(async () => {
    open = null
    return result()
  })
})
afterEach(() => {
  app?.wrapper.unmount()
  app = null
  vi.useRealTimers()
})

const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim()

describe('Prelims paper on the page', () => {
  it('offers all the questions there are, plainly, when fewer than 100', async () => {
    app = await mountApp('/self-test')
    const start = getByRole(app.root, 'region', 'Prelims paper (GS Paper I)')
    expect(text(getByRole(start, 'note'))).toBe(
      'Only 3 questions are available across your packs; a full paper needs 100. You can sit a paper of all 3 at the exam’s pace (4 minutes).'
    )
    api['prelims:start'].mockImplementation(async () => (open = paperStarted(Date.now())))
    getByRole(start, 'button', 'Start a paper of all 3 questions').click()
    await settle()
    expect(api['prelims:start']).toHaveBeenCalledWith({ allowShort: true })
    expect(text(getByRole(app.root, 'region', /^Prelims paper: question 1 of 3$/))).toContain('Question text 1?')
  })

  it('gives each stretch on screen to the question shown, and saves it with the answers and marks', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-25T04:30:00.000Z'))
    api['prelims:start'].mockImplementation(async () => (open = paperStarted(Date.now())))
    app = await mountApp('/self-test')
    getByRole(app.root, 'button', 'Start a paper of all 3 questions').click()
    await settle()

    vi.setSystemTime(Date.now() + 5_000)
    press('2') // question 1: (b), after 5 s
    await settle()
    expect(api['prelims:save']).toHaveBeenLastCalledWith({
      paperId: 'paper-test-1',
      answers: [1, null, null],
      review: [false, false, false],
      timeMs: [5_000, 0, 0]
    })
    press('n')
    await settle()
    vi.setSystemTime(Date.now() + 3_000)
    press('m') // question 2 marked for review, after 3 s there
    await settle()
    expect(api['prelims:save']).toHaveBeenLastCalledWith({
      paperId: 'paper-test-1',
      answers: [1, null, null],
      review: [false, true, false],
      timeMs: [5_000, 3_000, 0]
    })
    const sheet = getByRole(app.root, 'navigation', 'Answer sheet')
    expect(getByRole(sheet, 'button', 'Question 1, answered')).toBeTruthy()
    expect(getByRole(sheet, 'button', 'Question 2, not answered, marked for review').getAttribute('aria-current')).toBe('step')

    // Back to question 1 from the sheet: its time carries on from 5 s.
    getByRole(sheet, 'button', 'Question 1, answered').click()
    await settle()
    vi.setSystemTime(Date.now() + 2_000)
    press('3')
    await settle()
    expect(api['prelims:save']).toHaveBeenLastCalledWith({
      paperId: 'paper-test-1',
      answers: [2, null, null],
      review: [false, true, false],
      timeMs: [7_000, 3_000, 0]
    })
  })

  it('keeps the answers and the time on screen when the student leaves the paper and comes back', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-25T04:30:00.000Z'))
    api['prelims:start'].mockImplementation(async () => (open = paperStarted(Date.now())))
    app = await mountApp('/self-test')
    getByRole(app.root, 'button', 'Start a paper of all 3 questions').click()
    await settle()
    press('4')
    await settle()
    vi.setSystemTime(Date.now() + 4_000)
    await app.router.push('/read')
    await settle()
    // Away from the paper: this time is nobody's.
    vi.setSystemTime(Date.now() + 60_000)
    await app.router.push('/self-test')
    await settle()
    expect(open?.timeMs).toEqual([4_000, 0, 0])
    getByRole(app.root, 'button', 'Resume Prelims paper').click()
    await settle()
    expect((getByRole(app.root, 'radio', /\(d\) Four/) as HTMLInputElement).checked).toBe(true)
    vi.setSystemTime(Date.now() + 1_000)
    press('m')
    await settle()
    expect(api['prelims:save']).toHaveBeenLastCalledWith(
      expect.objectContaining({ answers: [3, null, null], review: [true, false, false], timeMs: [5_000, 0, 0] })
    )
  })

  it('gives no question the time the window was hidden', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-25T04:30:00.000Z'))
    api['prelims:start'].mockImplementation(async () => (open = paperStarted(Date.now())))
    app = await mountApp('/self-test')
    getByRole(app.root, 'button', 'Start a paper of all 3 questions').click()
    await settle()
    const visibility = (state: 'hidden' | 'visible'): void => {
      Object.defineProperty(document, 'visibilityState', { value: state, configurable: true })
      document.dispatchEvent(new Event('visibilitychange'))
    }
    vi.setSystemTime(Date.now() + 2_000)
    visibility('hidden')
    vi.setSystemTime(Date.now() + 30_000)
    visibility('visible')
    vi.setSystemTime(Date.now() + 1_000)
    press('1')
    await settle()
    expect(api['prelims:save']).toHaveBeenLastCalledWith(expect.objectContaining({ timeMs: [3_000, 0, 0] }))
  })

  it('hands the paper in by itself when the clock reaches zero', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] })
    open = paperStarted(Date.now() - 3 * 60_000)
    open.answers = [0, null, 2]
    app = await mountApp('/self-test')
    getByRole(app.root, 'button', 'Resume Prelims paper').click()
    await settle()
    vi.advanceTimersByTime(59_000)
    await settle()
    expect(api['prelims:submit']).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1_000)
    await settle()
    expect(api['prelims:submit']).toHaveBeenCalledTimes(1)
    expect(api['prelims:submit']).toHaveBeenCalledWith(expect.objectContaining({ paperId: 'paper-test-1', answers: [0, null, 2] }))
    const results = getByRole(app.root, 'region', 'Prelims paper result')
    expect(text(results)).toContain('Total: 1.34 out of 6.00')
    expect(text(results)).toMatch(/Negative marks from guessing\s*−0\.66/)
    expect(text(results)).toContain('when time ran out')
  })

  it('hands in a paper whose time ran out while the app was closed, as soon as self-test opens', async () => {
    open = paperStarted(Date.now() - 5 * 60_000)
    app = await mountApp('/self-test')
    await settle()
    expect(api['prelims:submit']).toHaveBeenCalledTimes(1)
    expect(text(getByRole(app.root, 'region', 'Prelims paper result'))).toContain('Total: 1.34 out of 6.00')
  })
})
