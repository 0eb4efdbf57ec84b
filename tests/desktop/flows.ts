// Why: the student actions the desktop lane repeats across a relaunch: the
// same selectors the browser-host E2E suite uses, so both hosts are held to
// one behaviour.
import { expect, type Page } from '@playwright/test'

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

/** Selects `words` inside a block as a drag would, then releases the mouse there. */
export async function highlight(page: Page, blockId: string, words: string): Promise<void> {
  await page.evaluate(
    ([blockId, words]) => {
      const block = document.querySelector(`[data-block-id="${blockId}"]`)
      if (!block) throw new Error(`no block ${blockId}`)
      const spans = [...block.querySelectorAll<HTMLElement>('[data-offset]')]
      const pieces = spans.map((s) => ({ node: s.firstChild as Text, start: Number(s.dataset.offset) }))
      const text = pieces.reduce((all, p) => all.padEnd(p.start) + p.node.data, '')
      const start = text.indexOf(words)
      if (start < 0) throw new Error(`"${words}" is not in ${blockId}`)
      const at = (offset: number) => {
        const p = pieces.find((q) => offset >= q.start && offset <= q.start + q.node.length)!
        return [p.node, offset - p.start] as const
      }
      const range = document.createRange()
      range.setStart(...at(start))
      range.setEnd(...at(start + words.length))
      const selection = window.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
      block.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
    },
    [blockId, words] as const
  )
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
