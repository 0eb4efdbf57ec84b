// Why: "it makes no network request, ever" is a claim, so one test walks a
// whole study session through every mode, records every request the browser
// makes, and fails on any that leaves 127.0.0.1 — fonts and icons included.
import type { Page } from '@playwright/test'
import { expect, isLocal, test } from './host'

const modes = (page: Page) => page.getByRole('navigation', { name: 'Modes' })

async function open(page: Page, mode: string): Promise<void> {
  await modes(page).getByRole('link', { name: mode, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(mode)
}

test('a full session through every mode stays on 127.0.0.1', async ({ page, host, requests }) => {
  const everything: string[] = []
  page.on('request', (request) => void everything.push(request.url()))
  const url = host.current.url
  await page.goto(`${url}/#/read/context`)

  // Read: mark a section, highlight words, open the glossary and timeline.
  await expect(page.getByRole('article').getByRole('heading', { level: 2 })).toBeVisible()
  await page.getByRole('button', { name: 'Mark section as read' }).click()
  await page.evaluate(() => {
    const block = document.querySelector('[data-block-id="ctx-putin-visit"]')
    const text = block?.querySelector<HTMLElement>('[data-offset]')?.firstChild as Text | undefined
    if (!block || !text) throw new Error('no block text')
    block.scrollIntoView({ block: 'center' })
    const range = document.createRange()
    range.setStart(text, 4)
    range.setEnd(text, 14)
    getSelection()!.removeAllRanges()
    getSelection()!.addRange(range)
    block.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
  })
  await page.getByRole('toolbar', { name: 'Highlight toolbar' }).getByRole('button', { name: 'Highlight', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Highlight saved.' })).toBeVisible()

  // Compare: filter, then drill one cell.
  await open(page, 'Compare')
  await page.getByRole('button', { name: 'Differences only' }).click()
  await expect(page.getByText(/Showing \d+ of \d+ rows/)).toBeVisible()

  // Self-test: answer one due question.
  await open(page, 'Self-test')
  await page.getByRole('button', { name: 'Start due session' }).click()
  // The card's keys work once it is on screen; a key pressed before it shows goes nowhere.
  await expect(page.getByRole('article').getByRole('radio').first()).toBeVisible()
  await page.keyboard.press('1')
  await expect(page.getByRole('article').getByRole('radio').first()).toBeChecked()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('article').getByRole('region', { name: 'Answer' })).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(page.getByText('Reviewed 1 ·')).toBeVisible()

  // Dashboard: charts are drawn by the bundled Chart.js.
  await open(page, 'Dashboard')
  await expect(page.locator('canvas').first()).toBeVisible()

  // Search, through the shortcut.
  await page.keyboard.press('Control+k')
  await page.getByRole('searchbox', { name: 'Search notes' }).fill('relos')
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toBeVisible()

  // Settings: theme and a backup download.
  await open(page, 'Settings')
  await page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Dark', exact: true }).check()
  const download = page.waitForEvent('download')
  await page.getByRole('region', { name: 'Data' }).getByRole('button', { name: 'Back up now' }).click()
  await download

  // The typefaces ship with the app and are loaded from it.
  await page.evaluate(() => document.fonts.ready)
  const loaded = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, '')))
  expect(loaded).toEqual(expect.arrayContaining(['Inter Variable', 'Source Serif 4 Variable']))
  expect(everything.filter((u) => u.endsWith('.woff2')).length).toBeGreaterThan(0)
  expect(everything.length).toBeGreaterThan(5)
  expect(everything.filter((u) => !isLocal(u, host.ports))).toEqual([])
  expect(requests.some((u) => u.includes('/api/study:rate'))).toBe(true)
  expect(requests.some((u) => u.includes('/api/annotations:add'))).toBe(true)
})
