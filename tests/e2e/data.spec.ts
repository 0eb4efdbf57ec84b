// Why: data safety as a student meets it, through the real page, the browser
// host and real files: a downloaded backup undoes later changes and the
// restore survives a restart; a pack imported from a file can be read; a bad
// file is refused with a message that says what is wrong.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, repoRoot, test } from './host'

const heading = (page: Page) => page.getByRole('heading', { level: 1 })
const dataRegion = (page: Page) => page.getByRole('region', { name: 'Data' })
const BUNDLED_PACKS = readdirSync(join(repoRoot, 'resources', 'packs'), { withFileTypes: true }).filter((e) => e.isDirectory()).length
const packsRegion = (page: Page) => page.getByRole('region', { name: 'Notes packs' })
const markRead = (page: Page) => page.getByRole('button', { name: 'Mark section as read' })

async function open(page: Page, mode: 'Read' | 'Settings'): Promise<void> {
  await page.getByRole('navigation', { name: 'Modes' }).getByRole('link', { name: mode, exact: true }).click()
  await expect(heading(page)).toHaveText(mode)
}

async function openFirstSection(page: Page): Promise<void> {
  await open(page, 'Read')
  await page.getByRole('navigation', { name: 'Contents' }).getByRole('link').first().click()
  await expect(page.getByRole('article').getByRole('heading', { level: 2 }).first()).toBeVisible()
}

async function chooseTheme(page: Page, theme: 'System' | 'Dark'): Promise<void> {
  await open(page, 'Settings')
  await page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: theme, exact: true }).check()
  await expect(page.locator('form').getByRole('status')).toHaveText('Saved')
}

let scratch: string
test.beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'revision-desk-e2e-files-'))
})
test.afterEach(() => {
  rmSync(scratch, { recursive: true, force: true })
})

test('a downloaded backup undoes later changes, and the restore survives a restart', async ({ page, host, dataDir }) => {
  await page.goto(host.current.url)
  await openFirstSection(page)
  await markRead(page).click()
  await expect(markRead(page)).toHaveAttribute('aria-pressed', 'true')

  await open(page, 'Settings')
  const downloading = page.waitForEvent('download')
  await dataRegion(page).getByRole('button', { name: 'Back up now' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^revision-desk-backup-\d{4}-\d{2}-\d{2}\.json$/)
  const backupFile = join(scratch, download.suggestedFilename())
  await download.saveAs(backupFile)
  await expect(dataRegion(page).getByRole('status').filter({ hasText: 'Backup downloaded as' })).toBeVisible()
  expect(JSON.parse(readFileSync(backupFile, 'utf8'))).toMatchObject({ format: 'revision-desk-backup', formatVersion: 1 })

  // Changes made after the backup.
  await chooseTheme(page, 'Dark')
  await openFirstSection(page)
  await markRead(page).click()
  await expect(markRead(page)).toHaveAttribute('aria-pressed', 'false')

  await open(page, 'Settings')
  await page.getByLabel('Restore from a backup file').setInputFiles(backupFile)
  const dialog = dataRegion(page).getByRole('alertdialog')
  await expect(dialog).toContainText('1 section read in 1 pack')
  await dialog.getByRole('button', { name: 'Replace my data with this backup' }).click()

  // The page reloads and says where the copy of the replaced data went.
  await expect(dataRegion(page).getByRole('status').filter({ hasText: 'Your data was restored from' })).toContainText(/before-restore-.+\.json/)
  expect(readdirSync(join(dataDir, 'backups')).some((f) => /^before-restore-.+\.json$/.test(f))).toBe(true)
  await expect(page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'System', exact: true })).toBeChecked()
  await openFirstSection(page)
  await expect(markRead(page)).toHaveAttribute('aria-pressed', 'true')

  await host.restart()
  await page.reload()
  await open(page, 'Settings')
  await expect(page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'System', exact: true })).toBeChecked()
  await expect(
    dataRegion(page)
      .getByRole('button', { name: /^Restore Everything, as it was before a restore/ })
      .first()
  ).toBeVisible()
  await openFirstSection(page)
  await expect(markRead(page)).toHaveAttribute('aria-pressed', 'true')
})

test('an imported pack is listed beside the bundled one, opens in Read, and stays after a restart', async ({ page, host }) => {
  const bundled = JSON.parse(readFileSync(join(repoRoot, 'resources', 'packs', 'india-russia-2plus2', 'pack.json'), 'utf8')) as { id: string; title: string }
  const file = join(scratch, 'my-pack.json')
  writeFileSync(file, JSON.stringify({ ...bundled, id: 'my-imported-pack', title: 'My imported pack' }, null, 2))

  await page.goto(host.current.url)
  await open(page, 'Settings')
  await page.getByLabel('Import a notes pack').setInputFiles(file)
  await expect(packsRegion(page).getByRole('status').filter({ hasText: 'Imported “My imported pack”' })).toBeVisible()
  const list = packsRegion(page).getByRole('list', { name: 'Installed notes packs' })
  await expect(list.getByRole('listitem')).toHaveCount(BUNDLED_PACKS + 1)
  await expect(list.getByRole('listitem').filter({ hasText: 'My imported pack' })).toContainText('Imported')

  await packsRegion(page).getByRole('button', { name: 'Open My imported pack in Read' }).click()
  await expect(heading(page)).toHaveText('Read')
  await expect(page.getByText(/My imported pack · \d+ of \d+ sections? read/)).toBeVisible()
  await expect(page.getByRole('article').getByRole('heading', { level: 2 }).first()).toBeVisible()

  await host.restart()
  await page.reload()
  await open(page, 'Settings')
  await expect(packsRegion(page).getByRole('list', { name: 'Installed notes packs' }).getByRole('listitem')).toHaveCount(BUNDLED_PACKS + 1)
})

test('a malformed pack file gets a clear error and changes nothing', async ({ page, host }) => {
  const notJson = join(scratch, 'broken.json')
  writeFileSync(notJson, '{"id": "broken", "title": ')
  const wrongShape = join(scratch, 'wrong.json')
  const bundled = JSON.parse(readFileSync(join(repoRoot, 'resources', 'packs', 'india-russia-2plus2', 'pack.json'), 'utf8')) as Record<string, unknown>
  writeFileSync(wrongShape, JSON.stringify({ ...bundled, id: 'wrong', version: 'one' }))

  await page.goto(host.current.url)
  await open(page, 'Settings')
  const input = page.getByLabel('Import a notes pack')
  await input.setInputFiles(notJson)
  await expect(packsRegion(page).getByRole('alert')).toContainText('broken.json is not valid JSON')
  await input.setInputFiles(wrongShape)
  await expect(packsRegion(page).getByRole('alert')).toContainText('wrong.json is not a valid notes pack: version')
  await expect(packsRegion(page).getByRole('list', { name: 'Installed notes packs' }).getByRole('listitem')).toHaveCount(BUNDLED_PACKS)
})

test('the open confirmations, summaries and errors pass axe in both themes', async ({ page, host }) => {
  const bad = join(scratch, 'bad.json')
  writeFileSync(bad, '[[[')
  const backupFile = join(scratch, 'backup.json')
  await page.goto(host.current.url)
  await open(page, 'Settings')
  const downloading = page.waitForEvent('download')
  await dataRegion(page).getByRole('button', { name: 'Back up now' }).click()
  await (await downloading).saveAs(backupFile)

  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme })
    await page.getByLabel('Restore from a backup file').setInputFiles(backupFile)
    await expect(dataRegion(page).getByRole('alertdialog')).toBeVisible()
    await dataRegion(page).getByRole('button', { name: 'Reset progress…' }).click()
    await expect(dataRegion(page).getByRole('alertdialog', { name: 'Reset all progress?' })).toBeFocused()
    await page.getByLabel('Import a notes pack').setInputFiles(bad)
    await expect(packsRegion(page).getByRole('alert')).toBeVisible()
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
    const serious = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)
    expect(serious, theme).toEqual([])
    await page.reload()
    await expect(heading(page)).toHaveText('Settings')
  }
})
