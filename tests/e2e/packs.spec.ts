// Why: four packs ship with the app, so each new one is read, compared and self-tested end to end on
// the real services, and what crosses packs (the switcher, search in every pack, each pack's own
// progress on the dashboard, and the choice of pack after a restart) is proven with real files.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { Pack } from '../../src/shared/pack/schema'
import { expect, repoRoot, test } from './host'

const NEW_PACKS = ['india-russia-relations', 'india-us-relations', 'groupings'] as const
const readPack = (id: string): Pack => JSON.parse(readFileSync(join(repoRoot, 'resources', 'packs', id, 'pack.json'), 'utf8')) as Pack

const heading = (page: Page) => page.getByRole('heading', { level: 1 })
const switcher = (page: Page) => page.getByRole('combobox', { name: 'Notes pack' })
const modes = (page: Page) => page.getByRole('navigation', { name: 'Modes' })

async function openMode(page: Page, name: string): Promise<void> {
  await modes(page).getByRole('link', { name, exact: true }).click()
  await expect(heading(page)).toHaveText(name)
}

/** Answers whatever card comes first, the way a student would: pick, type or reveal, then rate. */
async function answerFirstCard(page: Page): Promise<void> {
  const card = page.getByRole('article')
  await expect(card).toBeVisible()
  const radios = card.getByRole('radio')
  if ((await radios.count()) > 0) await radios.first().check()
  for (const box of await card.getByRole('textbox').all()) await box.fill('my answer')
  const selects = await card.getByRole('combobox').all()
  for (const [i, select] of selects.entries()) await select.selectOption({ index: i + 1 })
  await card.getByRole('button', { name: /Show answer|Check answer/ }).click()
  const rating = page.getByRole('group', { name: 'Rate how well you knew it' })
  const suggested = rating.locator('.button--primary')
  await ((await suggested.count()) > 0 ? suggested.first() : rating.getByRole('button', { name: /Good/ })).click()
  await expect(page.getByText(/Reviewed 1 ·/)).toBeVisible()
}

for (const id of NEW_PACKS) {
  test(`the ${id} pack can be read, compared and self-tested`, async ({ page, host }) => {
    const pack = readPack(id)
    await page.goto(`${host.current.url}/#/read`)
    await switcher(page).selectOption(id)
    await expect(switcher(page)).toHaveValue(id)
    // The switch ends on the new pack's first section; only then is its contents list the one to click.
    await expect(page.getByRole('heading', { name: pack.sections[0]!.title, exact: true }).first()).toBeVisible()

    // Read: its own sections, and the second one opens from the contents.
    const second = pack.sections[1]!
    await page.getByRole('link', { name: second.title, exact: true }).first().click()
    await expect(page.getByRole('heading', { name: second.title, exact: true }).first()).toBeVisible()
    const firstBlock = second.blocks[0]!
    await expect(page.getByText((firstBlock.text ?? firstBlock.items![0]!).slice(0, 40)).first()).toBeVisible()

    // Compare: its first table, every row drawn.
    await openMode(page, 'Compare')
    const table = page.getByRole('table', { name: pack.tables[0]!.title })
    await expect(table).toBeVisible()
    await expect(table.getByRole('rowheader')).toHaveCount(pack.tables[0]!.rows.length)

    // Self-test: a card from this pack is answered and counted.
    await openMode(page, 'Self-test')
    await page.getByRole('button', { name: 'Start due session' }).click()
    await answerFirstCard(page)
  })
}

test('the chosen pack, search in every pack and each pack’s own progress survive a restart', async ({ page, host }) => {
  const us = readPack('india-us-relations')
  const groupings = readPack('groupings')
  await page.goto(`${host.current.url}/#/self-test`)
  await expect(switcher(page)).toHaveValue('india-russia-2plus2')
  await switcher(page).selectOption('india-us-relations')
  // The switch has landed once the view counts the US pack's questions; a session started before would be the old pack's.
  await expect(page.getByText(`${us.questions.length} questions in this pack`, { exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Start due session' }).click()
  await answerFirstCard(page)

  await host.restart()
  // A new host has a new launch token: load the page afresh (a hash change alone would keep the old one).
  await page.goto(`${host.current.url}/#/dashboard`)
  await page.reload()
  await expect(switcher(page)).toHaveValue('india-us-relations')
  const overview = page.getByRole('table', { name: /Each pack/ })
  const rowOf = (title: string) => overview.getByRole('row').filter({ has: page.getByRole('rowheader', { name: title, exact: true }) })
  await expect(rowOf(us.title).getByRole('cell').nth(1)).toHaveText(/^1 of \d+$/)
  await expect(rowOf(groupings.title).getByRole('cell').nth(1)).toHaveText(/^0 of \d+$/)

  // Search every pack from the US pack: a term only the groupings pack defines, opened in that pack.
  const term = groupings.glossary.find((g) => g.term.includes('Wassenaar')) ?? groupings.glossary[0]!
  await page.keyboard.press('Control+k')
  await expect(heading(page)).toHaveText('Search')
  await page.getByRole('group', { name: 'Search in' }).getByRole('radio', { name: 'All packs' }).check()
  await page.getByRole('searchbox', { name: 'Search notes' }).fill(term.term)
  const hit = page.getByRole('listbox', { name: 'Search results' }).getByRole('option').filter({ hasText: groupings.title }).first()
  await expect(hit).toBeVisible()
  await hit.click()
  await expect(heading(page)).not.toHaveText('Search')
  await expect(switcher(page)).toHaveValue('groupings')
})

test('a keyboard user arrowing through the pack switcher keeps their place in it', async ({ page, host }) => {
  await page.goto(`${host.current.url}/#/read`)
  await expect(switcher(page)).toHaveValue('india-russia-2plus2')
  const ids = await switcher(page)
    .locator('option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))
  const next = ids[ids.indexOf('india-russia-2plus2') + 1]!
  const afterNext = ids[ids.indexOf('india-russia-2plus2') + 2]!
  await switcher(page).focus()
  // Two steps at once: the second choice is asked for while the first is still opening, and it is the one that opens.
  await page.keyboard.press('ArrowDown')
  await expect(switcher(page)).toHaveValue(next)
  await page.keyboard.press('ArrowDown')
  await expect(switcher(page)).toHaveValue(afterNext)
  await expect(page.getByRole('heading', { name: readPack(afterNext).sections[0]!.title, exact: true }).first()).toBeVisible()
  await expect(switcher(page)).toBeFocused()
  await expect(switcher(page)).toHaveValue(afterNext)
})
