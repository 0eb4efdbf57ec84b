// Why: the everyday path in, end to end on the real services: a student's own
// Markdown notes become a pack after a preview, are read, highlighted and
// self-tested, then the edited file updates the same pack and the highlight
// and the review are still there, after a host restart too; then the pack is
// exported as an .apkg and imported back as a new pack with the same cards. A file too big or
// binary garbage renamed .md is refused in words and writes nothing; a Word
// file travels as base64 to the same preview.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { makeDocx } from '../unit/notes/docx-fixture'
import { seriousViolations } from './axe'
import { expect, test } from './host'
import { selectWords } from './select-words'

const TITLE = 'E2E Polity notes'
const HIGHLIGHT = 'permanent body'
const NOTES = `---
id: e2e-polity-notes
title: ${TITLE}
asOf: 2026-11-01
---

# ${TITLE}

## Parliament

The Rajya Sabha is a ${HIGHLIGHT} and is never dissolved as a whole.

One-third of its members retire every second year. ^rs-retire

The {{c1::Vice-President}} is the ex officio Chairman of the Rajya Sabha.

Who presides over a joint sitting of Parliament?::The Speaker of the Lok Sabha

## Houses compared

| Dimension | Lok Sabha | Rajya Sabha |
| --- | --- | --- |
| Term | Five years unless dissolved | Permanent body |
| Chair | Speaker | Vice-President |
| Money bills | Introduced here | Can only recommend |
`
/** The edit: one unrelated paragraph reworded (its ^id kept), one card added. */
const EDITED = NOTES.replace(
  'One-third of its members retire every second year.',
  'A third of its members retire every two years, so the House is never new all at once.'
).replace('Lok Sabha\n\n## Houses', 'Lok Sabha\n\nWhat is the maximum strength of the Rajya Sabha?::250\n\n## Houses')

const heading = (page: Page) => page.getByRole('heading', { level: 1 })
const packsRegion = (page: Page) => page.getByRole('region', { name: 'Notes packs' })
const installed = (page: Page) => packsRegion(page).getByRole('list', { name: 'Installed notes packs' })
const newButton = (page: Page) => packsRegion(page).getByRole('button', { name: 'New pack from notes…' })
const marks = (page: Page) => page.locator('[data-block-id] mark[data-annotation-id]')

let dir = ''
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'revision-desk-notes-'))
})
test.afterEach(() => rmSync(dir, { recursive: true, force: true }))

function notesFile(name: string, content: string | Buffer): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

/** Presses the button (from the keyboard) and picks `path` in the file chooser it opens. */
async function chooseFile(page: Page, button: Locator, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await button.focus()
  await page.keyboard.press('Enter')
  await (await chooser).setFiles(path)
}

async function openSettings(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/#/settings`)
  await expect(heading(page)).toHaveText('Settings')
  await expect(installed(page).getByRole('listitem').first()).toBeVisible()
}

async function openMode(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Modes' }).getByRole('link', { name, exact: true }).click()
  await expect(heading(page)).toHaveText(name)
}

/** Answers whatever card comes first, as a student would: type or pick, check, then rate. */
async function answerFirstCard(page: Page): Promise<void> {
  const card = page.getByRole('article')
  await expect(card).toBeVisible()
  const radios = card.getByRole('radio')
  if ((await radios.count()) > 0) await radios.first().check()
  for (const box of await card.getByRole('textbox').all()) await box.fill('Vice-President')
  await card.getByRole('button', { name: /Show answer|Check answer/ }).click()
  const rating = page.getByRole('group', { name: 'Rate how well you knew it' })
  const suggested = rating.locator('.button--primary')
  await ((await suggested.count()) > 0 ? suggested.first() : rating.getByRole('button', { name: /Good/ })).click()
  await expect(page.getByText(/Reviewed 1 ·/)).toBeVisible()
}

/** "Studied" for the notes pack in the dashboard's pack table: "1 of 5". */
async function studied(page: Page): Promise<string> {
  await openMode(page, 'Dashboard')
  const row = page
    .getByRole('table', { name: /Each pack/ })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: TITLE, exact: true }) })
  await expect(row.getByRole('cell').nth(1)).toHaveText(/^\d+ of \d+$/)
  return (await row.getByRole('cell').nth(1).textContent())!.trim()
}

async function expectHighlightKept(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/#/read/parliament`)
  await expect(page.getByRole('article').getByRole('heading', { level: 2, name: 'Parliament' })).toBeVisible()
  await expect(marks(page)).toHaveText([HIGHLIGHT])
  await expect(page.getByRole('region', { name: 'Annotations' }).getByRole('list', { name: 'Highlights' })).toContainText(`“${HIGHLIGHT}”`)
}

test('notes become a pack after a preview, are read, highlighted and tested, an update from the edited file keeps both, and the pack goes to Anki and back with the same cards', async ({
  page,
  host
}) => {
  const file = notesFile('polity.md', NOTES)
  await openSettings(page, host.current.url)

  // Keyboard only: the button opens the chooser, the preview takes focus, Tab reaches Create pack.
  await chooseFile(page, newButton(page), file)
  const preview = packsRegion(page).getByRole('region', { name: 'Preview of polity.md' })
  await expect(preview).toBeFocused()
  await expect(preview).toContainText(`The pack “${TITLE}” (id e2e-polity-notes, as of 2026-11-01): 1 section, 2 cards, 1 table`)
  await expect(preview.getByRole('list', { name: 'Sections (1)' })).toContainText('Parliament: 4 blocks, 2 cards')
  await expect(preview.getByRole('list', { name: 'Cards (2)' })).toContainText('Fill in the blank: 1')
  await expect(preview.getByRole('list', { name: 'Cards (2)' })).toContainText('Flashcard: 1')
  await expect(preview.getByRole('list', { name: 'Tables (1)' })).toContainText('Houses compared: 3 rows × 2 columns')
  await expect(preview.getByRole('list', { name: 'Warnings (1)' })).toContainText(/^Line 19: /)
  await expect(installed(page)).not.toContainText(TITLE)
  await page.keyboard.press('Tab')
  await expect(preview.getByRole('button', { name: 'Create pack' })).toBeFocused()
  await page.keyboard.press('Enter')

  await expect(
    packsRegion(page)
      .getByRole('status')
      .filter({ hasText: `Created “${TITLE}” from polity.md: 1 section, 2 cards.` })
  ).toBeVisible()
  const open = installed(page).getByRole('button', { name: `Open ${TITLE} in Read` })
  await expect(open).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(heading(page)).toHaveText('Read')

  // Read and highlight a line; answer a card.
  await page.goto(`${host.current.url}/#/read/parliament`)
  const block = page.locator('[data-block-id]').filter({ hasText: HIGHLIGHT })
  const blockId = (await block.getAttribute('data-block-id'))!
  await selectWords(page, blockId, HIGHLIGHT)
  await page.getByRole('toolbar', { name: 'Highlight toolbar' }).getByRole('button', { name: 'Highlight', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Highlight saved.' })).toBeVisible()
  await expect(marks(page)).toHaveText([HIGHLIGHT])
  await openMode(page, 'Self-test')
  await page.getByRole('button', { name: 'Start due session' }).click()
  await answerFirstCard(page)
  const before = await studied(page)
  const [, total] = /^1 of (\d+)$/.exec(before) ?? []
  expect(total, `studied before the update: ${before}`).toBeDefined()

  // The edited file updates the same pack: the preview says what changes first.
  notesFile('polity.md', EDITED)
  await openSettings(page, host.current.url)
  await chooseFile(page, installed(page).getByRole('button', { name: `Update ${TITLE} from file` }), file)
  const update = packsRegion(page).getByRole('region', { name: `Update “${TITLE}” from polity.md` })
  await expect(update).toBeFocused()
  const changes = update.getByRole('list', { name: 'What the update changes' })
  await expect(changes).toContainText('Added: 1 block, 1 card')
  await expect(changes).toContainText('Changed: 1 block')
  await expect(changes).not.toContainText('Removed')
  await update.getByRole('button', { name: 'Update the pack' }).click()
  await expect(
    packsRegion(page)
      .getByRole('status')
      .filter({ hasText: `Updated “${TITLE}” from polity.md: 1 block, 1 card added; 1 block changed.` })
  ).toBeVisible()
  await expect(installed(page).getByRole('button', { name: `Update ${TITLE} from file` })).toBeFocused()
  await expect(installed(page).getByRole('listitem').filter({ hasText: TITLE })).toHaveCount(1)

  // The highlight and the review are still there, and the new card and text are in.
  await expectHighlightKept(page, host.current.url)
  await expect(page.getByRole('article')).toContainText('so the House is never new all at once')
  expect(await studied(page)).toBe(`1 of ${Number(total) + 1}`)

  // And after a restart.
  await host.restart()
  await page.goto(`${host.current.url}/#/settings`)
  await page.reload()
  await expect(installed(page)).toContainText(TITLE)
  await expectHighlightKept(page, host.current.url)
  expect(await studied(page)).toBe(`1 of ${Number(total) + 1}`)

  // Out to Anki and back: the .apkg imports as a new pack with the same cards.
  await openSettings(page, host.current.url)
  const anki = page.getByRole('region', { name: 'Anki' })
  await anki.getByLabel("Export a pack's cards to Anki").selectOption('e2e-polity-notes')
  const downloading = page.waitForEvent('download')
  await anki.getByRole('button', { name: 'Export to Anki (.apkg)' }).click()
  const download = await downloading
  const apkg = join(dir, download.suggestedFilename())
  await download.saveAs(apkg)
  const exported = anki.getByRole('status').filter({ hasText: /^Downloaded e2e-polity-notes\.apkg: \d+ cards/ })
  await expect(exported).toBeVisible()
  const cards = Number(/: (\d+) cards/.exec((await exported.textContent())!)![1])
  await anki.getByLabel('Import Anki deck…').setInputFiles(apkg)
  const deck = anki.getByRole('region', { name: `“${TITLE}”` })
  await expect(deck).toContainText(`${cards} notes become`)
  await deck.getByRole('button', { name: 'Add as a new pack' }).click()
  await expect(anki.getByRole('status').filter({ hasText: `Added “${TITLE}” with ${cards} cards.` })).toBeVisible()

  // The new pack, under its own id, holds every card the notes pack sent.
  const switcher = page.getByRole('combobox', { name: 'Notes pack' })
  const ids = await switcher.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))
  const added = ids.filter((id) => id !== 'e2e-polity-notes' && id.startsWith('e2e-polity-notes'))
  expect(added).toHaveLength(1)
  await switcher.selectOption(added[0]!)
  await page.goto(`${host.current.url}/#/read`)
  const contents = page.getByRole('navigation', { name: 'Contents' }).getByRole('link')
  let text = ''
  for (let i = 0; i < (await contents.count()); i++) {
    await contents.nth(i).click()
    await expect(page.getByRole('article')).toBeVisible()
    text += (await page.getByRole('article').innerText()).replace(/\s+/g, ' ')
  }
  for (const card of [
    'Who presides over a joint sitting of Parliament?',
    'The Speaker of the Lok Sabha',
    'What is the maximum strength of the Rajya Sabha?',
    'Vice-President',
    'Permanent body'
  ])
    expect(text, card).toContain(card)
})

test('a Word file is sent as base64 and becomes a pack after its preview', async ({ page, host }) => {
  const docx = makeDocx([
    { heading: 1, text: 'Word polity notes' },
    { heading: 2, text: 'Lok Sabha' },
    { para: 'The Lok Sabha has a term of five years unless dissolved sooner.' },
    { para: 'Who is the presiding officer of the Lok Sabha?::The Speaker' }
  ])
  await openSettings(page, host.current.url)
  await chooseFile(page, newButton(page), notesFile('word notes.docx', Buffer.from(docx)))
  const preview = packsRegion(page).getByRole('region', { name: 'Preview of word notes.docx' })
  await expect(preview.getByRole('list', { name: 'Sections (1)' })).toContainText('Lok Sabha: 2 blocks, 1 card')
  await preview.getByRole('button', { name: 'Create pack' }).click()
  await expect(installed(page).getByRole('button', { name: 'Open Word polity notes in Read' })).toBeFocused()
})

test('a 50 MB file and binary garbage renamed .md are refused in words, and nothing is written', async ({ page, host }) => {
  const packsDir = join(host.current.dataDir, 'packs')
  const before = existsSync(packsDir) ? readdirSync(packsDir) : []
  await openSettings(page, host.current.url)
  const count = await installed(page).getByRole('listitem').count()
  const alert = packsRegion(page).getByRole('alert')

  await chooseFile(page, newButton(page), notesFile('huge.md', Buffer.alloc(50 * 1024 * 1024, 'a')))
  await expect(alert).toContainText('huge.md is too large (50.0 MB; the limit is 8 MB).')

  const garbage = Buffer.alloc(64 * 1024)
  for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 256
  await chooseFile(page, newButton(page), notesFile('garbage.md', garbage))
  await expect(alert).toContainText('garbage.md is not a text file (it holds binary data).')
  await expect(newButton(page)).toBeFocused()

  await expect(packsRegion(page).getByRole('region', { name: /^Preview of/ })).toHaveCount(0)
  await expect(installed(page).getByRole('listitem')).toHaveCount(count)
  expect(existsSync(packsDir) ? readdirSync(packsDir) : []).toEqual(before)
})

for (const theme of ['light', 'dark'] as const) {
  test(`Settings with a notes preview open passes axe (${theme} theme)`, async ({ page, host }) => {
    await page.emulateMedia({ colorScheme: theme })
    await openSettings(page, host.current.url)
    await chooseFile(page, newButton(page), notesFile('polity.md', NOTES))
    await expect(packsRegion(page).getByRole('region', { name: 'Preview of polity.md' })).toBeFocused()
    expect(await seriousViolations(page), `Settings with the preview (${theme})`).toEqual([])
  })
}
