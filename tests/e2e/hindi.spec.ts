// Why: a Hindi-medium student must be able to use every view in Hindi. This
// walks each one in Hindi, in both themes: <html lang="hi">, no English
// interface word left (pack content, marked lang="en", stays English), nothing
// serious for axe, no text clipped by its box, the Devanagari face loaded from
// the app itself, and the choice kept across a restart.
import type { Page } from '@playwright/test'
import { englishLeft, HINDI_UI_ALLOWED } from '../support/english-left'
import { seriousViolations } from './axe'
import { expect, isLocal, test } from './host'

const VIEWS = ['#/read', '#/compare', '#/self-test', '#/dashboard', '#/settings', '#/write', '#/search'] as const

/** Elements whose own text is cut off: a hidden or clipped overflow, or an ellipsis. */
async function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = []
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      if (!el.childNodes.length || !Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent!.trim())) continue
      const style = getComputedStyle(el)
      const rect = el.getBoundingClientRect()
      // Visually hidden text (screen-reader only) is 1px by design.
      if (rect.width <= 2 || rect.height <= 2 || style.visibility === 'hidden') continue
      const clips = (v: string) => v === 'hidden' || v === 'clip'
      const wide = el.scrollWidth > el.clientWidth + 1 && (clips(style.overflowX) || style.textOverflow === 'ellipsis')
      const tall = el.scrollHeight > el.clientHeight + 1 && clips(style.overflowY)
      if (wide || tall) found.push(`${el.tagName.toLowerCase()}.${el.className}: “${el.textContent!.trim().slice(0, 40)}”`)
    }
    return found
  })
}

async function walkInHindi(page: Page, url: string, label: string): Promise<void> {
  for (const hash of VIEWS) {
    await page.goto(`${url}/${hash}`)
    await expect(page.locator('html')).toHaveAttribute('lang', 'hi')
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await page.waitForLoadState('networkidle')
    const left = await page.evaluate(englishLeft, { allowed: [...HINDI_UI_ALLOWED], names: false })
    expect(left, `English words left on ${hash} (${label})`).toEqual([])
    expect(await clippedText(page), `clipped text on ${hash} (${label})`).toEqual([])
    expect(await seriousViolations(page), `${hash} (${label})`).toEqual([])
    await page.screenshot({ path: test.info().outputPath(`hi-${label}-${hash.slice(2)}.png`), fullPage: true })
  }
}

test.describe('on a Hindi system', () => {
  test.use({ locale: 'hi-IN' })

  test('the first start opens in Hindi', async ({ page, host }) => {
    await page.goto(`${host.current.url}/#/read`)
    await expect(page.locator('html')).toHaveAttribute('lang', 'hi')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('पढ़ें')
    await expect(page.getByRole('navigation', { name: 'मोड' })).toBeVisible()
  })
})

test('Hindi chosen in Settings reaches every view in both themes, and is kept across a restart', async ({ page, host, requests }) => {
  test.setTimeout(240_000)
  await page.goto(`${host.current.url}/#/settings`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await page.getByRole('combobox', { name: 'Language / भाषा' }).selectOption('hi')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('सेटिंग्स')
  await expect(page.locator('html')).toHaveAttribute('lang', 'hi')
  await expect(page.getByRole('status').filter({ hasText: 'सहेजा गया' })).toBeVisible()
  // Keyboard shortcuts are the same keys in both languages.
  await page.keyboard.press('Alt+1')
  await expect(page.getByRole('navigation', { name: 'मोड' }).getByRole('link', { name: 'पढ़ें' })).toHaveAttribute('aria-current', 'page')

  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme })
    await walkInHindi(page, host.current.url, theme)
  }
  // The Devanagari face came with the app, not from the network.
  await page.goto(`${host.current.url}/#/read`)
  await page.evaluate(() => document.fonts.ready)
  const loaded = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, '')))
  expect(loaded).toContain('Noto Sans Devanagari Variable')

  // A fresh page on the restarted host: the language must come from what was saved.
  await host.restart()
  await page.goto(`${host.current.url}/#/dashboard`)
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('lang', 'hi')
  await expect(page.getByRole('navigation', { name: 'मोड' })).toBeVisible()
  // The Hindi catalogue and the Devanagari faces came from the app's own files.
  expect(requests.filter((u) => /\/assets\/hi-.*\.js$/.test(u)).length).toBeGreaterThan(0)
  expect(requests.filter((u) => /noto-sans-devanagari-devanagari.*\.woff2$/.test(u)).length).toBeGreaterThan(0)
  expect(requests.every((u) => isLocal(u, host.ports))).toBe(true)

  // And back: English again, at once.
  await page.goto(`${host.current.url}/#/settings`)
  await page.getByRole('combobox', { name: 'Language / भाषा' }).selectOption('en')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
})
