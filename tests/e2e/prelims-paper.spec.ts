// Why: the Prelims paper end to end on the real services and the four bundled
// packs: a full 100-question paper drawn from several packs, answered from the
// keyboard and the answer sheet, carried through a host restart, handed in and
// marked by pack and section. (The "fewer than 100" offer cannot arise with the
// bundled packs; component and unit tests cover it.) axe checks the paper and
// the results in both themes.
import type { Page } from '@playwright/test'
import { seriousViolations } from './axe'
import { expect, test } from './host'

async function openSelfTest(page: Page, url: string): Promise<void> {
  const target = `${url}/#/self-test`
  if (page.url() === target) await page.reload()
  else await page.goto(target)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Self-test')
}

async function axeBothThemes(page: Page, what: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    expect(await seriousViolations(page), `${what} (${colorScheme})`).toEqual([])
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

/** "−1.98" → -1.98 */
const number = (text: string): number => Number(text.trim().replace('−', '-'))

test('a full 100-question paper from several packs is sat, survives a restart, and is marked +2 / −0.66 by section and by time', async ({ page, host }) => {
  // Two restarts and four axe runs, two of them over a 100-row results table (~35 s on two shared cores): well over the default minute.
  test.setTimeout(240_000)
  await openSelfTest(page, host.current.url)
  const start = page.getByRole('region', { name: 'Prelims paper (GS Paper I)' })
  await expect(start).toContainText(/\d+ questions available from 4 packs\./)
  const available = Number((await start.getByText(/questions available from 4 packs/).innerText()).match(/(\d+) questions/)![1])
  expect(available).toBeGreaterThanOrEqual(100)
  await start.getByRole('button', { name: 'Start Prelims paper' }).click()

  const paper = page.getByRole('region', { name: /^Prelims paper: question \d+ of 100$/ })
  await expect(paper).toContainText('Prelims paper: question 1 of 100')
  await expect(page.getByRole('timer', { name: 'Time left' })).toHaveText(/^1(20|19):\d\d$/)
  const sheet = paper.getByRole('navigation', { name: 'Answer sheet' })
  await expect(sheet.getByRole('button')).toHaveCount(100)
  await axeBothThemes(page, 'Prelims paper')

  // Keyboard: (a) then Next, for questions 1–60.
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('1')
    await page.keyboard.press('n')
  }
  await expect(paper).toContainText('Answered 60 of 100')
  await expect(paper).toContainText('Prelims paper: question 61 of 100')
  // Mark question 30 for review from the answer sheet.
  await sheet.getByRole('button', { name: 'Question 30, answered', exact: true }).click()
  await page.keyboard.press('m')
  await expect(sheet.getByRole('button', { name: 'Question 30, answered, marked for review' })).toBeVisible()
  await expect(paper.getByRole('button', { name: /Mark for review/ })).toHaveAttribute('aria-pressed', 'true')
  await expect(paper).toContainText('Marked for review 1 · Answer sheet saved')

  await host.restart()
  await openSelfTest(page, host.current.url)
  await expect(start).toContainText('100 questions, 60 answered')
  await start.getByRole('button', { name: 'Resume Prelims paper' }).click()
  await expect(paper).toContainText('Answered 60 of 100 · Marked for review 1')
  await expect(sheet.getByRole('button', { name: 'Question 30, answered, marked for review' })).toBeVisible()
  await expect(sheet.getByRole('button', { name: 'Question 61, not answered' })).toBeVisible()

  // Questions 61–97 from the sheet and the keyboard; 98–100 stay blank.
  await sheet.getByRole('button', { name: 'Question 61, not answered' }).click()
  for (let i = 60; i < 97; i++) {
    await page.keyboard.press('2')
    await page.keyboard.press('n')
  }
  await expect(paper).toContainText('Answered 97 of 100')
  await expect(sheet.getByRole('button', { name: /^Question 98, not answered/ })).toBeVisible()
  await expect(paper).not.toContainText(/Right answer|Total:/)

  await paper.getByRole('button', { name: 'Hand in paper' }).click()
  const confirm = page.getByRole('region', { name: 'Hand in this paper?' })
  await expect(confirm).toContainText('3 questions unanswered (they score 0). 1 question still marked for review.')
  await confirm.getByRole('button', { name: 'Hand in now' }).click()

  const results = page.getByRole('region', { name: 'Prelims paper result' })
  await expect(results).toContainText(/Total: −?\d+\.\d\d out of 200\.00/)
  const fact = (name: string) => results.locator('dt', { hasText: name }).locator('xpath=following-sibling::dd')
  const right = Number(await fact('Right').innerText())
  const wrong = Number(await fact('Wrong').innerText())
  expect(await fact('Unanswered').innerText()).toBe('3')
  expect(right + wrong).toBe(97)
  expect(right).toBeGreaterThan(0)
  expect(wrong).toBeGreaterThan(0)
  const total = number((await results.getByText(/^Total:/).innerText()).replace('Total: ', '').replace(/ out of.*/, ''))
  expect(total).toBeCloseTo((right * 200 - wrong * 66) / 100, 5)
  expect(number(await fact('Negative marks from guessing').innerText())).toBeCloseTo((-wrong * 66) / 100, 5)
  await expect(fact('Time on questions')).toHaveText(/^\d+:\d\d$/)

  const bySection = results.getByRole('table', { name: 'Marks by pack and section' })
  // Drawn from several packs: the rows name more than one pack ("Pack · Section").
  const rowPacks = new Set((await bySection.locator('tbody tr th, tbody tr td:first-child').allInnerTexts()).map((t) => t.split(' · ')[0]!.trim()))
  expect(rowPacks.size, [...rowPacks].join(' | ')).toBeGreaterThanOrEqual(2)
  const perQuestion = results.getByRole('table', { name: /^Each question/ })
  await expect(perQuestion.locator('tbody tr')).toHaveCount(100)
  await expect(perQuestion.locator('tbody tr').nth(99)).toContainText('Not answered')
  await expect(perQuestion.locator('tbody tr').nth(0).locator('td').last()).toHaveText(/^\d+:\d\d$/)
  await axeBothThemes(page, 'Prelims results')

  // Kept: after a restart the paper is in the past papers, and no paper is open.
  await host.restart()
  await openSelfTest(page, host.current.url)
  await expect(start.getByRole('button', { name: /of 200\.00 \(100 questions\)$/ })).toHaveCount(1)
  await expect(start.getByRole('button', { name: 'Resume Prelims paper' })).toHaveCount(0)
})
