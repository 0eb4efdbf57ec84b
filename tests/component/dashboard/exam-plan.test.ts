// Why: the exam plan is set and read on the dashboard: the student's own
// Prelims and Mains dates must reach main as typed, slips must be named before
// main is asked, and the plan must say what to do today and where recall is weakest.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api, resetApi } from '../helpers/fake-api'
import { mountApp, settle, type MountedApp } from '../helpers/mount-app'
import { allByRole, getByRole } from '../helpers/roles'
import { installStudy, study } from '../self-test/fake-study'
import { NO_MAINS } from './fake-exam'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

let app: MountedApp | null = null
beforeEach(() => resetApi())
afterEach(() => {
  app?.wrapper.unmount()
  app = null
})

const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim()

/** A date input has no role in the roles helper; find it by its label, as a student would. */
function labelled(root: HTMLElement, name: string): HTMLInputElement {
  const label = [...root.querySelectorAll('label')].find((l) => text(l) === name)
  const control = label ? root.querySelector<HTMLInputElement>(`#${label.htmlFor}`) : null
  if (!control) throw new Error(`no control labelled ${name}`)
  return control
}

async function fill(root: HTMLElement, fields: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(fields)) {
    const input = name === 'Minutes a day' ? (getByRole(root, 'spinbutton', name) as HTMLInputElement) : labelled(root, name)
    input.value = value
    input.dispatchEvent(new Event('input'))
  }
  getByRole(root, 'button', 'Save exam plan').click()
  await settle()
}

describe('exam plan', () => {
  it('saves Prelims and Mains dates, then shows the next exam, today in minutes, the forecast and the daily plan', async () => {
    installStudy()
    app = await mountApp('/dashboard')
    const exam = getByRole(app.root, 'region', 'Exam plan')
    expect(text(exam)).toContain('Set your Prelims date, your Mains paper dates, or both')
    getByRole(exam, 'group', 'Mains papers (leave a paper blank until its date is known)')
    await fill(exam, { 'Prelims date': '2026-11-21', 'GS-I': '2027-02-20', Essay: '2027-02-19', 'Minutes a day': '30' })
    expect(api['exam:set']).toHaveBeenCalledWith({
      packId: 'fixture',
      dates: { prelims: '2026-11-21', mains: { ...NO_MAINS, gs1: '2027-02-20', essay: '2027-02-19' } },
      minutesPerDay: 30
    })
    expect(text(getByRole(exam, 'status'))).toBe('Saved')
    expect(text(exam)).toContain('20 days to Prelims (21 Nov 2026)')
    expect(text(exam)).toContain('Working towards Prelims')
    expect(text(exam)).toContain('The plan fits')

    expect(text(getByRole(exam, 'heading', 'Today: about 8 minutes'))).toBeTruthy()
    const today = allByRole(exam, 'listitem').map(text)
    expect(today).toContain('Reviews due: 2 (1 minute)')
    expect(today).toContain('New items: 1 (1 minute)')
    const write = getByRole(exam, 'link', 'Write this answer')
    expect(write.getAttribute('href')).toMatch(/\/write\?pack=fixture&prompt=q-mains$/)
    expect(text(write.closest('li'))).toContain('One answer to write, about 7 minutes in 150 words: Assess the 2+2 as signalling.')

    expect(text(exam)).toContain('Revise first: Defence ties (0%); Origins of the 2+2 (20%)')
    const forecast = getByRole(exam, 'table', 'Predicted recall by section')
    expect(allByRole(forecast, 'rowheader').map(text)).toEqual(['Origins of the 2+2', 'Defence ties'])
    expect(allByRole(forecast, 'cell').map(text)).toEqual(['20%', '0%'])
    expect(exam.querySelector('canvas')?.getAttribute('aria-label')).toMatch(
      /^Predicted recall on exam morning \(objective items on 21 Nov 2026, Mains prompts on 19 Feb 2027\): 13% overall\. Weakest: Defence ties \(0%\), Origins of the 2\+2 \(20%\)\.$/
    )

    const table = getByRole(exam, 'table', 'Daily plan until the exam')
    expect(allByRole(table, 'rowheader')).toHaveLength(14)
    expect(text(exam)).toContain('1 day needs more time than you set')
  })

  it('names a slip in the dates or minutes before asking main', async () => {
    installStudy()
    app = await mountApp('/dashboard')
    const exam = getByRole(app.root, 'region', 'Exam plan')
    await fill(exam, { 'Minutes a day': '30' })
    expect(text(getByRole(exam, 'status'))).toBe('Set the Prelims date or at least one Mains paper date.')
    await fill(exam, { 'Prelims date': '2027-05-24', 'GS-III': '2027-05-20' })
    expect(text(getByRole(exam, 'status'))).toBe('GS-III must come after Prelims.')
    await fill(exam, { 'GS-III': '2027-08-22', 'Minutes a day': '3' })
    expect(text(getByRole(exam, 'status'))).toBe('Minutes a day must be a whole number from 5 to 720.')
    expect(api['exam:set']).not.toHaveBeenCalled()
  })

  it('loads saved dates into the form, and says when the minutes are not enough', async () => {
    installStudy({ exam: { prelims: null, mains: { ...NO_MAINS, gs2: '2027-08-21' }, minutesPerDay: 5 } })
    app = await mountApp('/dashboard')
    const exam = getByRole(app.root, 'region', 'Exam plan')
    expect(labelled(exam, 'GS-II').value).toBe('2027-08-21')
    expect(labelled(exam, 'Prelims date').value).toBe('')
    expect(text(exam)).toContain('20 days to GS-I')
    expect(text(exam)).toContain(
      '5 minutes a day is not enough to see and sweep every item before GS-I (4 of the strongest would go unswept). You need about 10 minutes a day.'
    )
    expect(study.exam?.minutesPerDay).toBe(5)
  })
})
