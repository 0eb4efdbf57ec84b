// Why: compare mode as a student meets it, on the real India–Russia pack,
// through the browser host and real files: the table is full, the filters
// narrow it, exports leave as files, and a drilled grade is on disk, proven by
// restarting the host and finding the cell still marked as reviewed.
import { readFileSync } from 'node:fs'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './host'

const TABLE = 'India–US 2+2 vs India–Russia 2+2'

const table = (page: Page) => page.getByRole('table', { name: TABLE })
const rowHeaders = (page: Page) => table(page).getByRole('rowheader')
const filters = (page: Page) => page.getByRole('region', { name: 'Filters' })
const rowOf = (page: Page, dimension: string | RegExp): Locator =>
  table(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: dimension }) })

async function openCompare(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/#/compare`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compare')
  await expect(table(page)).toBeVisible()
}

test('the table shows every dimension with both dialogues filled in', async ({ page, host }) => {
  await openCompare(page, host.current.url)
  await expect(table(page).getByRole('columnheader')).toHaveText(['Dimension', 'India–US 2+2', 'India–Russia 2+2'])
  const rows = await rowHeaders(page).count()
  expect(rows).toBeGreaterThanOrEqual(20)
  await expect(filters(page).getByRole('status')).toHaveText(`Showing ${rows} of ${rows} rows`)
  for (const row of await table(page).locator('tbody tr').all()) {
    const cells = row.getByRole('cell')
    await expect(cells).toHaveCount(2)
    for (const cell of await cells.all()) expect((await cell.locator('.compare__text').innerText()).trim().length).toBeGreaterThan(0)
  }
  // Sticky header and first column keep their place while the table scrolls.
  const position = (el: Locator) => el.evaluate((node) => getComputedStyle(node).position)
  expect(await position(table(page).getByRole('columnheader').first())).toBe('sticky')
  expect(await position(rowHeaders(page).first())).toBe('sticky')
})

test('"Differences only" reduces the rows, and keyboard arrows move across cells', async ({ page, host }) => {
  await openCompare(page, host.current.url)
  const all = await rowHeaders(page).count()
  await filters(page).getByRole('button', { name: 'Differences only' }).click()
  await expect(rowHeaders(page)).not.toHaveCount(all)
  const differ = await rowHeaders(page).count()
  expect(differ).toBeGreaterThan(0)
  expect(differ).toBeLessThan(all)
  await expect(filters(page).getByRole('status')).toHaveText(`Showing ${differ} of ${all} rows`)
  await expect(table(page).getByText(/= Alike/)).toHaveCount(0)

  await rowHeaders(page).first().focus()
  await page.keyboard.press('ArrowRight')
  await expect(page.locator(':focus')).toContainText('6 September 2018')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('End')
  await expect(page.locator(':focus')).toHaveAttribute('data-grid-col', '2')
})

test('Export CSV downloads the rows shown, guarded and quoted', async ({ page, host }) => {
  await openCompare(page, host.current.url)
  await filters(page).getByRole('button', { name: 'Similarities only' }).click()
  const shown = await rowHeaders(page).count()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export CSV' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe('india-us-vs-india-russia-filtered.csv')
  const csv = readFileSync(await file.path(), 'utf8')
  expect(csv.startsWith('\uFEFFDimension,Group,Relation,India–US 2+2,India–Russia 2+2\r\n')).toBe(true)
  expect(csv.trim().split('\r\n')).toHaveLength(shown + 1)
  await expect(page.getByRole('region', { name: 'Export and print' }).getByRole('status')).toContainText(`Downloaded ${shown} rows`)
})

test('a drilled grade is saved and survives a host restart', async ({ page, host }) => {
  await openCompare(page, host.current.url)
  const firstCell = () =>
    rowOf(page, /^First meeting: date/)
      .getByRole('cell')
      .nth(1)
  await expect(firstCell()).not.toContainText('Reviewed')

  await page.getByRole('group', { name: 'Compare mode' }).getByRole('button', { name: 'Drill' }).click()
  await page.getByRole('combobox', { name: 'Column' }).selectOption({ label: 'India–Russia 2+2' })
  await page.getByRole('button', { name: 'Hide column' }).click()
  const drill = page.getByRole('region', { name: 'India–Russia 2+2 column hidden' })
  await expect(drill).toContainText('Card 1 of 26')
  await expect(firstCell()).toHaveText('Hidden')

  await page.getByRole('textbox', { name: 'Your answer (optional)' }).fill('December 2021')
  await page.getByRole('button', { name: 'Reveal' }).click()
  await expect(page.getByRole('group', { name: 'Answer' })).toContainText('6 December 2021')
  await expect(page.getByRole('group', { name: 'Answer' })).toContainText('You wrote: December 2021')
  await page.getByRole('button', { name: 'Good', exact: true }).click()
  await expect(drill).toContainText('Card 2 of 26')
  await expect(firstCell()).toContainText(/Reviewed · next (today|\d+ \w{3})/)

  await host.restart()
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compare')
  // The drill session lived in memory; the grade lives on disk.
  await page.getByRole('group', { name: 'Compare mode' }).getByRole('button', { name: 'Table' }).click()
  await expect(firstCell()).toContainText(/Reviewed · next (today|\d+ \w{3})/)
  await expect(
    rowOf(page, /^First meeting: date/)
      .getByRole('cell')
      .first()
  ).not.toContainText('Reviewed')
})
