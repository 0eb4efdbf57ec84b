// Why: the dashboard's study numbers must be main's, and every chart must say
// in text what it draws (screen readers, and a student who wants the number).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api, failNext, resetApi } from '../helpers/fake-api'
import { mountApp, type MountedApp } from '../helpers/mount-app'
import { allByRole, getByRole } from '../helpers/roles'
import { installStudy } from '../self-test/fake-study'

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
