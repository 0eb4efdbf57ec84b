// Why: the Mains answer-writing desk end to end, on the real pack and
// services through the browser host: an answer written under the clock and
// self-scored must be in the history after the host restarts, a paper answer
// keeps no text, and every state of the desk passes axe in both themes.
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { seriousViolations } from './axe'
import { expect, test } from './host'

const PACK = 'india-russia-2plus2'
const heading = (page: Page) => page.getByRole('heading', { level: 1 })
const history = (page: Page) => page.getByRole('list', { name: 'Answers, newest first' })
const ANSWER = "CAATSA की धारा 231 भारत के लिए जोखिम है। The S-400 deal of 2018 tests India's strategic autonomy."
const RUBRIC = ['Addresses the directive', 'Structure', 'Content', 'Examples and data', 'Conclusion', 'Word limit'] as const

/** Opens the desk as a fresh page load: after a restart a goto that changes only the hash would keep the old page and its state. */
async function openWrite(page: Page, url: string, query = ''): Promise<void> {
  const target = `${url}/#/write${query}`
  const sameDocument = page.url().split('#')[0] === target.split('#')[0]
  await page.goto(target)
  if (sameDocument) await page.reload()
  await expect(heading(page)).toHaveText('Write')
}

/** Ticks the first `ticks` key points and gives every rubric part `level`, the word limit `wordLimit`. */
async function score(page: Page, ticks: number, level: 'Missing' | 'Partly' | 'Well', wordLimit = level): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Score your answer' })).toBeVisible()
  const points = page.getByRole('group', { name: 'Key points your answer covered' }).getByRole('checkbox')
  for (let i = 0; i < ticks; i++) await points.nth(i).check()
  for (const part of RUBRIC) {
    await page
      .getByRole('group', { name: part, exact: true })
      .getByRole('radio', { name: part === 'Word limit' ? wordLimit : level, exact: true })
      .check()
  }
  await page.getByRole('button', { name: 'Save score and show the model outline' }).click()
}

test('an answer written under the timer is scored and found in the history after a restart', async ({ page, host }) => {
  await page.clock.install()
  await openWrite(page, host.current.url, `?pack=${PACK}&prompt=mn-caatsa`)
  await expect(page.getByLabel('Mains question')).toHaveValue(`${PACK}/mn-caatsa`)
  await expect(page.getByText('10 marks: about 7 minutes for 150 words.')).toBeVisible()
  await page.getByRole('button', { name: 'Start writing' }).click()

  const directive = page.getByRole('list', { name: 'Directive' })
  await expect(directive).toContainText('Examine:')
  await expect(directive).toContainText('Probe the topic in depth')
  const timer = page.getByRole('timer', { name: 'Time left' })
  await expect(timer).toHaveText(/^(7:00|6:5\d)$/)
  await page.getByRole('textbox', { name: 'Your answer' }).fill(ANSWER)
  await expect(page.locator('#desk-count')).toHaveText('19 of 150 words')
  await page.clock.fastForward('05:00')
  await expect(timer).toHaveText(/^(2:00|1:5\d)$/)
  await page.getByRole('button', { name: 'Submit answer' }).click()

  // 5 parts well, word limit partly (19 of 150): 11/12; 4 of 6 key points → 87.
  await score(page, 4, 'Well', 'Partly')
  await expect(page.getByRole('heading', { level: 2, name: 'Your score: 87 out of 100' })).toBeVisible()
  const outline = page.getByRole('region', { name: 'Model outline' })
  await expect(outline.getByRole('listitem')).toHaveCount(6)
  await expect(outline.getByRole('listitem').filter({ hasText: '(missed)' })).toHaveCount(2)
  await page.getByRole('button', { name: 'Done' }).click()

  await expect(history(page).getByRole('listitem')).toHaveCount(1)
  await expect(history(page)).toContainText('Score 87 out of 100')
  await expect(page.getByRole('figure').getByRole('img')).toHaveAccessibleName(/1 scored answer: first 87, latest 87/)

  await host.restart()
  await openWrite(page, host.current.url)
  const item = history(page).getByRole('listitem')
  await expect(item).toHaveCount(1)
  await expect(item).toContainText('Examine the challenge that CAATSA poses')
  await expect(item).toContainText('19 of 150 words')
  await expect(item).toContainText('Score 87 out of 100')
  await item.getByText('Answer text').click()
  await expect(item).toContainText(ANSWER)

  // Exported as Markdown through the app's save path (a download in the browser host).
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export as Markdown' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^mains-answers-\d{4}-\d{2}-\d{2}\.md$/)
  const markdown = readFileSync(await file.path(), 'utf8')
  expect(markdown).toContain('## Examine the challenge that CAATSA poses')
  expect(markdown).toContain(`\`\`\`text\n${ANSWER}\n\`\`\``)
  expect(markdown).toContain('Self-score: 87/100')

  // On paper: the answers alone, with no app chrome or controls.
  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('.attempt-print')).toBeVisible()
  await expect(page.locator('.attempt-print')).toContainText(ANSWER)
  await expect(page.getByRole('navigation', { name: 'Modes' })).toBeHidden()
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden()
  await page.emulateMedia({ media: 'screen' })
  const printed = page.evaluate(() => new Promise<boolean>((done) => window.addEventListener('beforeprint', () => done(true), { once: true })))
  await page.evaluate(() => {
    window.print = () => void window.dispatchEvent(new Event('beforeprint'))
  })
  await page.getByRole('button', { name: 'Print' }).click()
  expect(await printed).toBe(true)
})

test('an answer being written survives a restart with its clock still running, and is not offered again once submitted', async ({ page, host }) => {
  await openWrite(page, host.current.url, `?pack=${PACK}&prompt=mn-signalling`)
  await page.getByRole('button', { name: 'Start writing' }).click()
  await page.getByRole('textbox', { name: 'Your answer' }).fill(ANSWER)
  await expect(page.getByText('Kept on disk as you write.')).toBeVisible()

  await host.restart()
  await openWrite(page, host.current.url, `?pack=${PACK}&prompt=mn-signalling`)
  await expect(page.getByRole('textbox', { name: 'Your answer' })).toHaveValue(ANSWER)
  await expect(page.getByRole('timer', { name: 'Time left' })).toHaveText(/^(11:00|10:\d\d)$/)
  await page.getByRole('button', { name: 'Submit answer' }).click()
  await expect(page.getByRole('heading', { name: 'Score your answer' })).toBeVisible()

  await host.restart()
  await openWrite(page, host.current.url, `?pack=${PACK}&prompt=mn-signalling`)
  await expect(page.getByRole('button', { name: 'Start writing' })).toBeVisible()
  await expect(history(page).getByRole('listitem')).toHaveCount(1)
  await expect(history(page).getByRole('button', { name: /^Score now:/ })).toHaveCount(1)
})

test('an answer written on paper keeps the timer and the score but no text', async ({ page, host }) => {
  await openWrite(page, host.current.url)
  await page.getByRole('radio', { name: 'My own question' }).check()
  await page.getByLabel('Your question').fill('<img src=x onerror=alert(1)> Critically examine the rupee–rouble trade.')
  await page.getByRole('radio', { name: '15 marks' }).check()
  await page.getByLabel('Written on paper').check()
  await page.getByRole('button', { name: 'Start writing' }).click()
  await expect(page.getByRole('list', { name: 'Directive' })).toContainText('Critically examine:')
  await expect(page.getByRole('timer', { name: 'Time left' })).toHaveText(/^(11:00|10:5\d)$/)
  await expect(page.getByRole('textbox', { name: 'Your answer' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Submit answer' }).click()
  await score(page, 0, 'Partly')
  await expect(page.getByRole('heading', { level: 2, name: 'Your score: 50 out of 100' })).toBeVisible()
  await page.getByRole('button', { name: 'Done' }).click()
  const item = history(page).getByRole('listitem')
  // The hostile prompt is shown as text, never as markup.
  await expect(item).toContainText('<img src=x onerror=alert(1)> Critically examine')
  await expect(page.locator('img[src="x"]')).toHaveCount(0)
  await expect(item).toContainText('on paper')
  await expect(item.getByText('Answer text')).toHaveCount(0)
})

test('a full paper of 20 questions from every pack gives each its share of 3 hours, and its answers are scored after', async ({ page, host }) => {
  await openWrite(page, host.current.url)
  await page.getByRole('button', { name: 'Start a full paper' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Full paper: question 1 of 20' })).toBeVisible()
  // 10-markers first; 3 hours shared by marks, so a 10-marker has at most 7:12 (ten of each) and a 15-marker half as much again.
  await expect(page.getByRole('timer', { name: 'Paper time left' })).toHaveText(/^(3:00:00|2:59:\d\d)$/)
  await expect(page.getByRole('timer', { name: 'Time left on this question' })).toHaveText(/^[4-7]:\d\d$/)
  for (let i = 1; i <= 20; i++) {
    await page.getByRole('textbox', { name: 'Your answer' }).fill(`Answer ${i}: a short one.`)
    await page.getByRole('button', { name: i < 20 ? 'Save and go to the next question' : 'Save and finish the paper' }).click()
    if (i < 20) await expect(page.getByRole('heading', { level: 2, name: `Full paper: question ${i + 1} of 20` })).toBeVisible()
  }
  await expect(page.getByRole('heading', { level: 2, name: 'Full paper: all answers in' })).toBeVisible()
  const paper = page.getByRole('region', { name: 'Full paper: all answers in' })
  await paper
    .getByRole('button', { name: /^Score now:/ })
    .first()
    .click()
  await score(page, 1, 'Missing')
  await expect(page.getByRole('heading', { level: 2, name: /^Your score: \d+ out of 100$/ })).toBeVisible()
  await page.getByRole('button', { name: 'Done' }).click()
  await expect(paper.getByRole('button', { name: /^Score now:/ })).toHaveCount(19)
  // The history lists the same answers, each scorable from there too.
  await expect(history(page).getByRole('button', { name: /^Score now:/ })).toHaveCount(19)
  await page.getByRole('button', { name: 'Close the paper' }).click()
  await expect(history(page).getByRole('listitem')).toHaveCount(20)
  await expect(history(page).getByText('full paper', { exact: false })).toHaveCount(20)
})

for (const theme of ['light', 'dark'] as const) {
  test(`the Write view has no serious or critical axe violations (${theme} theme)`, async ({ page, host }) => {
    // Five full axe runs on a shared 2-core machine.
    test.setTimeout(180_000)
    await page.emulateMedia({ colorScheme: theme })
    await openWrite(page, host.current.url)
    await page.waitForLoadState('networkidle')
    expect(await seriousViolations(page), `picker (${theme})`).toEqual([])
    await page.getByRole('button', { name: 'Start writing' }).click()
    await page.getByRole('textbox', { name: 'Your answer' }).fill(ANSWER)
    expect(await seriousViolations(page), `desk (${theme})`).toEqual([])
    await page.getByRole('button', { name: 'Submit answer' }).click()
    await expect(page.getByRole('heading', { name: 'Score your answer' })).toBeVisible()
    expect(await seriousViolations(page), `score sheet (${theme})`).toEqual([])
    await score(page, 2, 'Partly')
    await expect(page.getByRole('heading', { name: 'Model outline' })).toBeVisible()
    expect(await seriousViolations(page), `review (${theme})`).toEqual([])
    await page.getByRole('button', { name: 'Done' }).click()
    await expect(history(page).getByRole('listitem')).toHaveCount(1)
    expect(await seriousViolations(page), `history (${theme})`).toEqual([])
  })
}
