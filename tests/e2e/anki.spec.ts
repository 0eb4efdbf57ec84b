// Why: cards travel to Anki and back in the browser host on the real
// services: a bundled pack is exported as an .apkg (a real download), the
// file is imported back through Settings → Anki after its preview, and the
// new pack's Self-test asks the same cards. The section, with its preview
// showing, is held to the axe bar in both themes.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import type { Page } from '@playwright/test'
import { BLANK } from '../../src/shared/domain/cloze'
import type { Pack } from '../../src/shared/pack/schema'
import { seriousViolations } from './axe'
import { expect, repoRoot, test } from './host'

const PACK_ID = 'india-russia-2plus2'
const pack = JSON.parse(readFileSync(join(repoRoot, 'resources', 'packs', PACK_ID, 'pack.json'), 'utf8')) as Pack
const anki = (page: Page) => page.getByRole('region', { name: 'Anki' })
const switcher = (page: Page) => page.getByRole('combobox', { name: 'Notes pack' })

/** The words each card of the pack opens with, as Self-test shows them. */
function cardOpenings(p: Pack): string[] {
  const first = p.questions.map((q) => {
    switch (q.kind) {
      case 'flashcard':
        return q.front
      case 'cloze':
        return q.text.split(BLANK)[0]!.trim() || q.answer
      case 'statements':
        return q.stem
      case 'true-false':
        return q.statement
      default:
        return q.prompt
    }
  })
  const cells = p.tables.flatMap((t) => t.rows.map((r) => r.dimension))
  return [...first, ...cells].map((s) => s.slice(0, 30)).filter((s) => s.length >= 8)
}

let scratch: string
test.beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'rd-e2e-anki-'))
})
test.afterEach(() => {
  rmSync(scratch, { recursive: true, force: true })
})

test('a pack exported as .apkg imports back as a new pack with the same cards', async ({ page, host }) => {
  await page.goto(`${host.current.url}/#/settings`)
  const section = anki(page)
  await section.getByLabel("Export a pack's cards to Anki").selectOption(PACK_ID)
  const downloading = page.waitForEvent('download')
  await section.getByRole('button', { name: 'Export to Anki (.apkg)' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe(`${PACK_ID}.apkg`)
  const file = join(scratch, download.suggestedFilename())
  await download.saveAs(file)
  await expect(section.getByRole('status').filter({ hasText: `Downloaded ${PACK_ID}.apkg` })).toBeVisible()
  expect(Object.keys(unzipSync(new Uint8Array(readFileSync(file)))).sort()).toEqual(['collection.anki2', 'media'])

  await section.getByLabel('Import Anki deck…').setInputFiles(file)
  const preview = section.getByRole('region', { name: `“${pack.title}”` })
  await expect(preview).toBeVisible()
  await expect(preview).toContainText('The deck has no pictures or sounds.')
  for (const theme of ['light', 'dark'] as const) {
    // Without motion, the colours are the theme's at once, not mid-transition.
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' })
    expect(await seriousViolations(page), `Settings → Anki with a preview (${theme})`).toEqual([])
  }
  await preview.getByRole('button', { name: 'Add as a new pack' }).click()
  await expect(section.getByRole('status').filter({ hasText: `Added “${pack.title}”` })).toBeVisible()

  // The new pack sits beside the bundled one under a fresh id; its Self-test asks the pack's cards.
  const ids = await switcher(page)
    .locator('option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))
  const added = ids.filter((id) => id.startsWith('india-russia-2-2'))
  expect(added).toHaveLength(1)
  await page.goto(`${host.current.url}/#/self-test`)
  await switcher(page).selectOption(added[0]!)
  await expect(switcher(page)).toHaveValue(added[0]!)
  await page.getByRole('button', { name: 'Start due session' }).click()
  const card = page.getByRole('article')
  await expect(card).toBeVisible()
  const shown = (await card.innerText()).replace(/\s+/g, ' ')
  expect(cardOpenings(pack).some((opening) => shown.includes(opening.replace(/\s+/g, ' ')))).toBe(true)
})
