// Why: every view must be usable with a screen reader and a keyboard; axe-core
// checks each one, in both themes, and fails on any serious or critical issue.
import { seriousViolations } from './axe'
import { expect, test } from './host'

const VIEWS = [
  ['Read', '#/read'],
  ['Compare', '#/compare'],
  ['Self-test', '#/self-test'],
  ['Dashboard', '#/dashboard'],
  ['Settings', '#/settings'],
  ['Write', '#/write']
] as const

for (const theme of ['light', 'dark'] as const) {
  test(`no serious or critical axe violations in any view (${theme} theme)`, async ({ page, host }) => {
    await page.emulateMedia({ colorScheme: theme })
    for (const [name, hash] of VIEWS) {
      await page.goto(`${host.current.url}/${hash}`)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
      // Let data-driven content settle before judging it.
      await page.waitForLoadState('networkidle')
      expect(await seriousViolations(page), `${name} (${theme})`).toEqual([])
    }
  })
}

test('focus is visible on the mode links', async ({ page, host }) => {
  await page.goto(`${host.current.url}/#/read`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Read')
  const link = page.getByRole('navigation', { name: 'Modes' }).getByRole('link', { name: 'Compare', exact: true })
  await link.focus()
  const outline = await link.evaluate((el) => {
    const style = getComputedStyle(el)
    return { width: parseFloat(style.outlineWidth), style: style.outlineStyle, shadow: style.boxShadow }
  })
  expect((outline.width > 0 && outline.style !== 'none') || outline.shadow !== 'none').toBe(true)
})
