// Why: a mock must feel like the exam hall: no feedback until the paper is in,
// blanks allowed and counted, UPSC marks to 2 decimals, and neither a restart
// nor a failed submit may cost the student an answer.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api, failNext, resetApi } from '../helpers/fake-api'
import { mountApp, settle, type MountedApp } from '../helpers/mount-app'
import { allByRole, getByRole } from '../helpers/roles'
import { installStudy, press, study } from './fake-study'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

let app: MountedApp | null = null
beforeEach(() => {
  resetApi()
  localStorage.clear()
})
afterEach(() => {
  app?.wrapper.unmount()
  app = null
  vi.useRealTimers()
})

const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim()
const paper = (root: HTMLElement) => getByRole(root, 'region', /^Mock test: question \d+ of \d+$/)

async function key(k: string): Promise<void> {
  press(k)
  await settle()
}

async function startMock(count: string): Promise<HTMLElement> {
  installStudy()
  app = await mountApp('/self-test')
  const input = getByRole(app.root, 'spinbutton', 'Questions') as HTMLInputElement
  input.value = count
  input.dispatchEvent(new Event('input'))
  getByRole(app.root, 'button', 'Start mock test').click()
  await settle()
  return app.root
}

describe('mock test', () => {
  it('gives no feedback before submit, confirms the unanswered count, then scores with UPSC marking', async () => {
    const root = await startMock('3')
    expect(api['mock:start']).toHaveBeenCalledWith({ packId: 'fixture', count: 3 })
    expect(text(paper(root))).toContain('Mock test: question 1 of 3')
    expect(getByRole(root, 'timer', 'Time left').textContent).toMatch(/^[34]:\d\d$/)

    await key('2') // statements: (b), wrong
    expect(text(paper(root))).not.toMatch(/✓|✗|your answer|correct answer|\bright\b|\bwrong\b|score|explanation/i)
    expect(text(paper(root))).toContain('Answered 1 of 3')
    await key('n')
    expect(text(paper(root))).toContain('question 2 of 3')
    await key('2') // mcq: 2021, right
    getByRole(root, 'button', 'Question 1, answered').click()
    await settle()
    expect((getByRole(root, 'radio', /\(b\) 2 only/) as HTMLInputElement).checked).toBe(true)
    expect(text(paper(root))).not.toContain('It was held in New Delhi')

    getByRole(root, 'button', 'Submit paper').click()
    await settle()
    const confirm = getByRole(root, 'region', 'Submit this paper?')
    expect(text(confirm)).toContain('1 question unanswered')
    expect(api['mock:submit']).not.toHaveBeenCalled()
    getByRole(confirm, 'button', 'Submit now').click()
    await settle()

    expect(api['mock:submit']).toHaveBeenCalledWith({ mockId: 'mock-test-1', answers: { 'q-statements': 1, 'q-mcq': 1 } })
    const results = getByRole(root, 'region', 'Mock test result')
    expect(text(results)).toContain('Score: 1.34 out of 6.00')
    expect(text(results)).toContain('Right 1 · Wrong 1 · Unanswered 1')
    const items = allByRole(results, 'listitem').filter((li) => li.parentElement?.className.includes('results__list'))
    expect(items).toHaveLength(3)
    expect(text(items[0])).toContain('Question 1: Wrong (−0.66)')
    expect(text(items[0])).toContain('Your answer: (b) 2 only')
    expect(text(items[0])).toContain('Correct answer: (a) 1 only')
    expect(text(items[0])).toContain('It was held in New Delhi in December 2021.')
    expect(getByRole(items[0]!, 'link', 'Read about this').getAttribute('href')).toBe('/read/sec-origins')
    expect(text(items[1])).toContain('Question 2: Right (+2.00)')
    expect(text(items[2])).toContain('Question 3: Not answered (0.00)')
    expect(text(items[2])).toContain('Your answer: not answered')

    getByRole(results, 'button', 'Back to self-test').click()
    await settle()
    const history = getByRole(root, 'table', 'Past mock tests, newest first')
    expect(text(history)).toContain('1.34 / 6.00')
  })

  it('keeps every answer and the paper when a submit fails, and submits on retry', async () => {
    const root = await startMock('2')
    await key('1')
    getByRole(root, 'button', 'Submit paper').click()
    await settle()
    failNext('mock:submit', 'write-failed', 'disk full')
    getByRole(root, 'button', 'Submit now').click()
    await settle()
    expect(text(getByRole(root, 'alert'))).toContain('disk full')
    expect((getByRole(root, 'radio', /\(a\) 1 only/) as HTMLInputElement).checked).toBe(true)
    getByRole(root, 'button', 'Try submitting again').click()
    await settle()
    expect(api['mock:submit']).toHaveBeenLastCalledWith({ mockId: 'mock-test-1', answers: { 'q-statements': 0 } })
    expect(text(getByRole(root, 'region', 'Mock test result'))).toContain('Score: 2.00 out of 4.00')
  })

  it('resumes an open paper after a restart with the answers given so far', async () => {
    const root = await startMock('3')
    await key('1')
    await key('n')
    await key('2')
    app?.wrapper.unmount()

    // A "restart": fresh stores; main still has the paper open, with the answers it was sent.
    expect(study.active?.mockId).toBe('mock-test-1')
    expect(Object.values(study.active?.answers ?? {}).filter((a) => a !== null)).toHaveLength(2)
    app = await mountApp('/self-test')
    expect(api['mock:active']).toHaveBeenCalledWith({ packId: 'fixture' })
    const resume = getByRole(app.root, 'button', 'Resume mock test')
    expect(text(app.root)).toContain('You have an unfinished mock test: 3 questions')
    resume.click()
    await settle()
    expect(text(paper(app.root))).toContain('Answered 2 of 3')
    expect((getByRole(app.root, 'radio', /\(a\) 1 only/) as HTMLInputElement).checked).toBe(true)
    void root
  })

  it('saves each choice to main, says so, and says when a choice did not get there', async () => {
    const root = await startMock('3')
    await key('1')
    expect(api['mock:saveAnswers']).toHaveBeenLastCalledWith({ mockId: 'mock-test-1', answers: { 'q-statements': 0 } })
    expect(text(paper(root))).toContain('Answers saved')
    failNext('mock:saveAnswers', 'write-failed', 'Could not save (ENOSPC).')
    await key('2')
    expect(text(paper(root))).toContain('Last answer not saved')
    // The choice stays on screen and travels with the next save.
    expect((getByRole(root, 'radio', /\(b\)/) as HTMLInputElement).checked).toBe(true)
    await key('n')
    await key('1')
    expect(api['mock:saveAnswers']).toHaveBeenLastCalledWith({ mockId: 'mock-test-1', answers: { 'q-statements': 1, 'q-mcq': 0 } })
    expect(text(paper(root))).toContain('Answers saved')
  })

  it('hands the paper in by itself when the time is up', async () => {
    installStudy({
      active: {
        mockId: 'mock-test-1',
        packId: 'fixture',
        questionIds: ['q-statements', 'q-mcq'],
        startedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
        suggestedMinutes: 3,
        answers: { 'q-mcq': 1 }
      }
    })
    app = await mountApp('/self-test')
    getByRole(app.root, 'button', 'Resume mock test').click()
    await settle()
    expect(api['mock:submit']).toHaveBeenCalledWith({ mockId: 'mock-test-1', answers: { 'q-mcq': 1 } })
    expect(text(getByRole(app.root, 'region', 'Mock test result'))).toContain('Score: 2.00 out of 4.00')
  })

  it('lists past mock tests from main', async () => {
    installStudy()
    study.history = [
      {
        mockId: 'mock-old',
        packId: 'fixture',
        startedAt: '2026-10-01T09:00:00.000Z',
        submittedAt: '2026-10-01T09:30:00.000Z',
        right: 10,
        wrong: 3,
        unanswered: 2,
        score: 18.02,
        maxScore: 30,
        items: []
      }
    ]
    app = await mountApp('/self-test')
    const history = getByRole(app.root, 'table', 'Past mock tests, newest first')
    expect(allByRole(history, 'cell').map(text)).toEqual(['18.02 / 30.00', '10', '3', '2'])
  })
})
