// Why: what a student marks must survive everything: the UI says "Saved" only
// once it is on disk, a host restart brings every highlight and note back,
// a hostile note stays text, search finds a note and jumps to it, and the
// export carries the quote and the note under the section heading.
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { seriousViolations } from './axe'
import { expect, test } from './host'
import { selectWords } from './select-words'

const SECTION = 'context'
const SECTION_TITLE = 'Context: a 2+2 with Russia'
const BLOCK = 'ctx-putin-visit'
const WORDS = 'annual summit'

const panel = (page: Page) => page.getByRole('region', { name: 'Annotations' })
const editor = (page: Page) => page.getByRole('dialog', { name: 'Highlight' })
const marks = (page: Page) => page.locator(`[data-block-id="${BLOCK}"] mark[data-annotation-id]`)

async function openSection(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/#/read/${SECTION}`)
  await expect(page.getByRole('article').getByRole('heading', { level: 2, name: SECTION_TITLE })).toBeVisible()
}

/** Highlights WORDS and writes `note` on it; resolves once the editor says Saved. */
async function highlightWithNote(page: Page, note: string): Promise<void> {
  await selectWords(page, BLOCK, WORDS)
  const toolbar = page.getByRole('toolbar', { name: 'Highlight toolbar' })
  await toolbar.getByRole('button', { name: 'Highlight', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Highlight saved.' })).toBeVisible()
  await expect(marks(page)).toHaveText([WORDS])
  await marks(page).first().click()
  await editor(page).getByRole('textbox', { name: 'Note' }).fill(note)
  await editor(page).getByRole('button', { name: 'Save note' }).click()
  await expect(editor(page).getByRole('status')).toHaveText('Saved')
  await editor(page).getByRole('button', { name: 'Close' }).click()
  await expect(editor(page)).toHaveCount(0)
}

test('a highlight and its note survive a host restart', async ({ page, host }) => {
  await openSection(page, host.current.url)
  const note = 'Putin came for the 21st annual summit; note the date.'
  await highlightWithNote(page, note)
  await expect(panel(page)).toContainText(`“${WORDS}”`)
  await expect(panel(page)).toContainText(note)

  await host.restart()
  await page.reload()

  await expect(marks(page)).toHaveText([WORDS])
  await expect(marks(page).first()).toHaveClass(/hl--yellow/)
  await expect(panel(page)).toContainText(note)
  await marks(page).first().click()
  await expect(editor(page).getByRole('textbox', { name: 'Note' })).toHaveValue(note)
})

test('a note holding HTML, script and a javascript: link stays inert text', async ({ page, host }) => {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  const hostile = '<img src=x onerror=alert(1)> <script>alert(2)</script> [click me](javascript:alert(3)) javascript:alert(4)'
  await openSection(page, host.current.url)
  await highlightWithNote(page, hostile)
  await page.reload()

  await expect(panel(page)).toContainText(hostile)
  await marks(page).first().click()
  await expect(editor(page).getByRole('textbox', { name: 'Note' })).toHaveValue(hostile)
  expect(await page.locator('main img, main script, main iframe').count()).toBe(0)
  expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0)
  expect(dialogs, 'no alert() may run').toEqual([])
})

test('Ctrl+K finds a note and Enter jumps to its highlight', async ({ page, host }) => {
  await openSection(page, host.current.url)
  await highlightWithNote(page, 'Remember with the mnemonic quokkasummit.')
  // Leave the section, so the jump has to bring it back.
  await page.getByRole('navigation', { name: 'Contents' }).getByRole('link').nth(1).click()
  await expect(marks(page)).toHaveCount(0)

  await page.keyboard.press('Control+K')
  const box = page.getByRole('searchbox', { name: 'Search notes' })
  await expect(box).toBeFocused()
  await box.fill('quokkasummit')
  const hit = page.getByRole('option').filter({ hasText: 'Your note' }).first()
  await expect(hit.locator('mark')).toHaveText(/quokkasummit/i)
  await box.press('Enter')

  await expect(page).toHaveURL(new RegExp(`#/read/${SECTION}$`))
  await expect(marks(page).first()).toBeFocused()
  await expect(marks(page).first()).toBeInViewport()
})

test('Export annotations downloads Markdown with the quote and note under the section heading', async ({ page, host }) => {
  await openSection(page, host.current.url)
  await highlightWithNote(page, 'Export me, please.')
  const download = page.waitForEvent('download')
  await panel(page).getByRole('button', { name: 'Export annotations' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^india-russia-2plus2-annotations-\d{4}-\d{2}-\d{2}\.md$/)
  const markdown = readFileSync((await file.path())!, 'utf8')
  const heading = markdown.indexOf(`## ${SECTION_TITLE}`)
  expect(heading).toBeGreaterThan(-1)
  const after = markdown.slice(heading)
  expect(after).toContain(`> ${WORDS}`)
  expect(after).toContain('Export me, please.')
  await expect(panel(page).getByRole('status').filter({ hasText: 'Downloaded' })).toBeVisible()
})

for (const theme of ['light', 'dark'] as const) {
  test(`highlights, the toolbar, the note editor and search pass axe (${theme} theme)`, async ({ page, host }) => {
    await page.emulateMedia({ colorScheme: theme })
    await openSection(page, host.current.url)
    await highlightWithNote(page, 'A note to check contrast.')
    await selectWords(page, 'ctx-first-2plus2', 'Sushma Swaraj Bhawan')
    await expect(page.getByRole('toolbar', { name: 'Highlight toolbar' })).toBeVisible()
    expect(await seriousViolations(page), 'toolbar').toEqual([])
    await page.keyboard.press('Escape')
    await marks(page).first().click()
    await expect(editor(page)).toBeVisible()
    expect(await seriousViolations(page), 'editor').toEqual([])
    await editor(page).getByRole('button', { name: 'Close' }).click()

    await page.keyboard.press('Control+K')
    await page.getByRole('searchbox', { name: 'Search notes' }).fill('contrast')
    await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toBeVisible()
    expect(await seriousViolations(page), 'search').toEqual([])
  })
}
