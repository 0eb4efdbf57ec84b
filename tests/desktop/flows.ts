// Why: the student actions the desktop lane repeats across a relaunch: the
// same selectors the browser-host E2E suite uses, so both hosts are held to
// one behaviour.
import { expect, type Page } from '@playwright/test'
import { selectWords } from '../e2e/select-words'

export const MODES = ['Read', 'Compare', 'Self-test', 'Dashboard', 'Settings'] as const
const heading = (page: Page) => page.getByRole('heading', { level: 1 })

export async function openMode(page: Page, mode: (typeof MODES)[number]): Promise<void> {
  await page.getByRole('navigation', { name: 'Modes' }).getByRole('link', { name: mode, exact: true }).click()
  await expect(heading(page)).toHaveText(mode)
}

export async function chooseDarkTheme(page: Page): Promise<void> {
  await openMode(page, 'Settings')
  await page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Dark', exact: true }).check()
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()
}

/** Highlights `words` in a block as a drag and the toolbar would. */
export async function highlight(page: Page, blockId: string, words: string): Promise<void> {
  await selectWords(page, blockId, words)
  await page.getByRole('toolbar', { name: 'Highlight toolbar' }).getByRole('button', { name: 'Highlight', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Highlight saved.' })).toBeVisible()
}

/** Answers the first due card with the keyboard and rates it; resolves once the session counts it. */
export async function reviewOneCard(page: Page): Promise<void> {
  await openMode(page, 'Self-test')
  await page.getByRole('button', { name: 'Start due session' }).click()
  const card = page.getByRole('article')
  await expect(card).toBeVisible()
  await page.keyboard.press('1')
  await page.keyboard.press('Enter')
  await expect(card.getByRole('region', { name: 'Answer' })).toContainText(/✓ Correct|✗ Incorrect/)
  await page.keyboard.press('Enter')
  await expect(page.getByText('Reviewed 1 ·')).toBeVisible()
}
