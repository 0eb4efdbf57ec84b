// Why: the table view as a student uses it: filters that narrow rows, sources on request, keyboard movement across cells, and exports that say what they hold.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { saveTextFile } from '@renderer/lib/save-file'
import { api, failNext, resetApi } from '../helpers/fake-api'
import { mountApp, settle, type MountedApp } from '../helpers/mount-app'
import { allByRole, getByRole } from '../helpers/roles'
import { useComparePack } from './setup'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))
// The save channel and the browser download are the lead's; here only what the store hands them matters.
vi.mock('@renderer/lib/save-file', () => ({ saveTextFile: vi.fn(async () => ({ mode: 'download' })) }))

let app: MountedApp | null = null
beforeEach(() => {
  resetApi()
  useComparePack()
  vi.mocked(saveTextFile).mockClear()
})
afterEach(() => {
  app?.wrapper.unmount()
  app = null
})

const table = () => getByRole(document.body, 'table', 'India–US vs India–Russia 2+2')
const dimensions = () => allByRole(table(), 'rowheader').map((th) => th.querySelector('.compare__dimension')?.textContent)
const count = () => getByRole(document.body, 'region', 'Filters').querySelector('[role="status"]')?.textContent?.trim()
const button = (name: string | RegExp) => getByRole(document.body, 'button', name)

async function type(input: HTMLElement, value: string): Promise<void> {
  ;(input as HTMLInputElement).value = value
  input.dispatchEvent(new Event('input'))
  await settle()
}

async function select(el: HTMLElement, value: string): Promise<void> {
  ;(el as HTMLSelectElement).value = value
  el.dispatchEvent(new Event('change'))
  await settle()
}

describe('compare table', () => {
  it('shows every row with its group and an alike/differ marker in words', async () => {
    app = await mountApp('/compare')
    expect(dimensions()).toEqual(['First held', 'Level', 'Flagship deal', 'Sanctions', 'Terrorism', 'Formula-looking'])
    const level = getByRole(table(), 'rowheader', /^Level/)
    expect(level.textContent).toContain('Format')
    expect(level.textContent).toContain('Alike')
    expect(count()).toBe('Showing 6 of 6 rows')
  })

  it('filters by group and by text (dimension or cell, any case)', async () => {
    app = await mountApp('/compare')
    await select(getByRole(document.body, 'combobox', 'Group'), 'Defence')
    expect(dimensions()).toEqual(['Flagship deal', 'Sanctions'])
    expect(count()).toBe('Showing 2 of 6 rows')
    await type(getByRole(document.body, 'searchbox', 'Search rows'), 's-400')
    expect(dimensions()).toEqual(['Flagship deal'])
    await select(getByRole(document.body, 'combobox', 'Group'), '')
    await type(getByRole(document.body, 'searchbox', 'Search rows'), 'TERROR')
    expect(dimensions()).toEqual(['Terrorism'])
  })

  it('"Differences only" and "Similarities only" narrow by relation and exclude each other', async () => {
    app = await mountApp('/compare')
    button('Differences only').click()
    await settle()
    expect(dimensions()).toEqual(['First held', 'Flagship deal', 'Sanctions', 'Formula-looking'])
    expect(button('Differences only').getAttribute('aria-pressed')).toBe('true')
    button('Similarities only').click()
    await settle()
    expect(dimensions()).toEqual(['Level', 'Terrorism'])
    expect(button('Differences only').getAttribute('aria-pressed')).toBe('false')
    expect(button('Similarities only').getAttribute('aria-pressed')).toBe('true')
    button('Similarities only').click()
    await settle()
    expect(count()).toBe('Showing 6 of 6 rows')
  })

  it('says so when nothing matches, and offers to show all rows', async () => {
    app = await mountApp('/compare')
    await type(getByRole(document.body, 'searchbox', 'Search rows'), 'no such words')
    expect(allByRole(document.body, 'table')).toHaveLength(0)
    expect(document.body.textContent).toContain('No rows match these filters.')
    button('Show all rows').click()
    await settle()
    expect(count()).toBe('Showing 6 of 6 rows')
  })

  it('picks between tables when the pack has several', async () => {
    app = await mountApp('/compare')
    await select(getByRole(document.body, 'combobox', 'Table'), 'tbl-partners')
    const partners = getByRole(document.body, 'table', 'Four partners')
    expect(allByRole(partners, 'columnheader').map((th) => th.textContent)).toEqual(['Dimension', 'United States', 'Japan'])
  })

  it('shows a cell’s sources and its notes section only when asked', async () => {
    app = await mountApp('/compare')
    const toggle = button('Sources for Flagship deal, India–Russia')
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    expect(allByRole(document.body, 'link', 'MEA joint statement')).toHaveLength(0)
    toggle.click()
    await settle()
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    const panel = document.getElementById(toggle.getAttribute('aria-controls') ?? '') as HTMLElement
    const link = getByRole(panel, 'link', 'MEA joint statement')
    expect(link.getAttribute('href')).toBe('https://www.mea.gov.in/a')
    expect(link.getAttribute('target')).toBe('_blank')
    expect(link.getAttribute('rel')).toBe('noopener noreferrer')
    expect(panel.textContent).toContain('Class notes')
    // Memory history in tests, hash history in the app: either way the reader's route for that section.
    expect(getByRole(panel, 'link', 'Defence ties').getAttribute('href')).toMatch(/^#?\/read\/sec-defence$/)
  })

  it('marks a cell reviewed once main has a card for it', async () => {
    app = await mountApp('/compare')
    expect(document.body.textContent).not.toContain('Reviewed')
    await api['study:rate']({ packId: 'fixture', itemId: 'cell:row-first/russia', rating: 3 })
    app.wrapper.unmount()
    app = await mountApp('/compare')
    const row = getByRole(table(), 'rowheader', /^First held/).parentElement as HTMLElement
    expect(allByRole(row, 'cell')[1]?.textContent).toMatch(/Reviewed · next \d+ Jun/)
  })

  it('is one tab stop; arrows, Home and End move focus between cells', async () => {
    app = await mountApp('/compare')
    const focusable = () => [...table().querySelectorAll<HTMLElement>('[data-grid-row]')].filter((el) => el.tabIndex === 0)
    expect(focusable()).toHaveLength(1)
    const start = focusable()[0]!
    expect(start.textContent).toContain('First held')
    const press = async (key: string, init: KeyboardEventInit = {}) => {
      ;(document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }))
      await nextTick()
      await nextTick()
    }
    start.focus()
    await press('ArrowRight')
    expect(document.activeElement?.textContent).toContain('September 2018')
    await press('ArrowDown')
    expect(document.activeElement?.textContent).toContain('Ministerial')
    await press('End')
    expect(document.activeElement?.getAttribute('data-grid-col')).toBe('2')
    await press('ArrowRight')
    expect(document.activeElement?.getAttribute('data-grid-col')).toBe('2')
    await press('Home')
    expect(document.activeElement?.textContent).toContain('Level')
    await press('End', { ctrlKey: true })
    expect(document.activeElement?.textContent).toContain('-5 degrees')
    expect(focusable()).toEqual([document.activeElement])
    // The Sources button of the active cell is the next Tab stop; other cells' buttons are not.
    const buttons = [...table().querySelectorAll<HTMLButtonElement>('button')].filter((b) => b.tabIndex === 0)
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual(['Sources for Formula-looking, India–Russia'])
  })

  it('exports the rows shown when filtered, and says which', async () => {
    app = await mountApp('/compare')
    button('Differences only').click()
    await settle()
    expect(document.body.textContent).toContain('Exports the 4 rows shown (filtered).')
    button('Export CSV').click()
    await settle()
    const [name, content, mime] = vi.mocked(saveTextFile).mock.calls[0]!
    expect([name, mime]).toEqual(['tbl-compare-filtered.csv', 'text/csv'])
    expect(content.trim().split('\r\n')).toHaveLength(5)
    expect(getByRole(document.body, 'region', 'Export and print').textContent).toContain('Downloaded 4 rows as tbl-compare-filtered.csv.')

    getByRole(document.body, 'radio', 'All rows (6)').click()
    await settle()
    button('Export Markdown').click()
    await settle()
    const [mdName, md, mdMime] = vi.mocked(saveTextFile).mock.calls[1]!
    expect([mdName, mdMime]).toEqual(['tbl-compare.md', 'text/markdown'])
    expect(md).toContain('| Terrorism |')
  })

  it('a failed export becomes a notice', async () => {
    vi.mocked(saveTextFile).mockRejectedValueOnce(new Error('disk full'))
    app = await mountApp('/compare')
    button('Export Markdown').click()
    await settle()
    expect(getByRole(document.body, 'region', 'Notices').textContent).toContain('export the table as Markdown')
  })

  it('a failed card load is a notice, and the table still shows', async () => {
    failNext('study:queue', 'internal')
    app = await mountApp('/compare')
    expect(dimensions()).toHaveLength(6)
    expect(getByRole(document.body, 'region', 'Notices').textContent).toContain('load your progress on the table cells')
  })
})
