// Why: the dashboard's study numbers must be main's, and every chart must say
// in text what it draws (screen readers, and a student who wants the number).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api, failNext, resetApi } from '../helpers/fake-api'
import { mountApp, settle, type MountedApp } from '../helpers/mount-app'
import { allByRole, getByRole } from '../helpers/roles'
import { installStudy, study } from '../self-test/fake-study'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

let app: MountedApp | null = null
beforeEach(() => resetApi())
afterEach(() => {
  app?.wrapper.unmount()
  app = null
})

const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim()
const tiles = (root: HTMLElement): Record<string, string> =>
  Object.fromEntries([...getByRole(root, 'region', 'Study').querySelectorAll('dt')].map((dt) => [text(dt), text(dt.nextElementSibling)]))

describe('dashboard study numbers', () => {
  it('shows streak, reviews today, due now and mastery from study:stats', async () => {
    installStudy({ ratings: [{ itemId: 'q:q-tf', rating: 3 }] })
    app = await mountApp('/dashboard')
    expect(api['study:stats']).toHaveBeenCalledWith({ packId: 'fixture' })
    expect(tiles(app.root)).toEqual({ Streak: '3 days', 'Reviews today': '1', 'Due now': '2', Mastery: '25%' })
    expect(text(getByRole(app.root, 'region', 'Study'))).toContain('12 items: 10 new, 1 learning, 1 in review.')
  })

  it('gives each chart a summary on the canvas and a data table', async () => {
    installStudy()
    app = await mountApp('/dashboard')
    const charts = getByRole(app.root, 'region', 'Trends')
    expect(allByRole(charts, 'img').map((c) => c.getAttribute('aria-label'))).toEqual([
      'Mastery by section: highest Origins of the 2+2 at 40%, lowest Defence ties at 0%.',
      '0 reviews in the last 90 days.',
      '2 due today and 15 reviews over the next 14 days.',
      '1 mock test; latest score 3.34 out of 6.00.'
    ])
    const mastery = getByRole(charts, 'table', 'Mastery by section')
    expect(allByRole(mastery, 'cell').map(text)).toEqual(['40%', '0%'])
    expect(allByRole(getByRole(charts, 'table', 'Reviews per day'), 'rowheader')).toHaveLength(90)
    const due = getByRole(charts, 'table', 'Due in the next 14 days')
    expect(text(allByRole(due, 'rowheader')[0])).toBe('Today')
    expect(allByRole(getByRole(charts, 'table', 'Mock test scores'), 'cell').map(text)).toEqual(['3.34'])
  })

  it('keeps the page up and says why when the stats cannot be loaded', async () => {
    installStudy()
    failNext('study:stats', 'internal', 'journal unreadable')
    app = await mountApp('/dashboard')
    expect(text(getByRole(app.root, 'region', 'Notices'))).toContain('load your study statistics')
    getByRole(app.root, 'region', 'Reading progress')
  })
})

/** A date input has no role in the roles helper; find it by its label, as a student would. */
function labelled(root: HTMLElement, name: string): HTMLInputElement {
  const label = [...root.querySelectorAll('label')].find((l) => text(l) === name)
  const control = label ? root.querySelector<HTMLInputElement>(`#${label.htmlFor}`) : null
  if (!control) throw new Error(`no control labelled ${name}`)
  return control
}

describe('exam plan', () => {
  async function fill(root: HTMLElement, date: string, minutes: string): Promise<void> {
    const d = labelled(root, 'Exam date')
    d.value = date
    d.dispatchEvent(new Event('input'))
    const m = getByRole(root, 'spinbutton', 'Minutes a day') as HTMLInputElement
    m.value = minutes
    m.dispatchEvent(new Event('input'))
    getByRole(root, 'button', 'Save exam plan').click()
    await settle()
  }

  it('saves the date and minutes, then shows days left, recall per section and the daily plan', async () => {
    installStudy()
    app = await mountApp('/dashboard')
    const exam = getByRole(app.root, 'region', 'Exam plan')
    expect(text(exam)).toContain('Set your exam date to see a day-by-day plan.')
    await fill(exam, '2026-11-21', '30')
    expect(api['exam:set']).toHaveBeenCalledWith({ packId: 'fixture', examDate: '2026-11-21', minutesPerDay: 30 })
    expect(text(exam)).toContain('20 days left (exam on 21 Nov 2026)')
    expect(text(exam)).toContain('The plan fits')
    expect(text(exam)).toContain('13% of all items ( 80% of those you have seen)'.replace('( ', '('))
    expect(text(getByRole(exam, 'listitem'))).toContain('Origins of the 2+2: 20% · 6 unseen')
    const table = getByRole(exam, 'table', 'Daily plan until the exam')
    expect(allByRole(table, 'columnheader').map(text)).toEqual(['Date', 'New', 'Reviews', 'Sweep', 'Minutes', 'Over your time?'])
    expect(allByRole(table, 'rowheader')).toHaveLength(14)
    getByRole(exam, 'button', 'Show all 20 days').click()
    await settle()
    expect(allByRole(table, 'rowheader')).toHaveLength(20)
    const over = [...table.querySelectorAll('tr')].find((r) => text(r).startsWith('19 Nov 2026'))
    expect(text(over)).toContain('Over')
    expect(text(exam)).toContain('1 day needs more time than you set')
  })

  it('says when the minutes are not enough, and refuses a bad number before asking main', async () => {
    installStudy({ exam: { examDate: '2026-11-21', minutesPerDay: 5 } })
    app = await mountApp('/dashboard')
    const exam = getByRole(app.root, 'region', 'Exam plan')
    expect(text(exam)).toContain('5 minutes a day is not enough to see all 12 items')
    expect(text(exam)).toContain('You need about 10 minutes a day.')
    expect(labelled(exam, 'Exam date').value).toBe('2026-11-21')
    await fill(exam, '2026-11-21', '3')
    expect(text(getByRole(exam, 'status'))).toBe('Minutes a day must be a whole number from 5 to 720.')
    expect(api['exam:set']).not.toHaveBeenCalled()
    expect(study.exam?.minutesPerDay).toBe(5)
  })
})
