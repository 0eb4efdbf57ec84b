// Why: self-test is where a student's work turns into schedule and marks, so
// it is tested end to end on the real pack and services: an answer and a mock
// result must still be there after the host restarts, and the dashboard must
// count them. The host fixture also fails a test on any request leaving
// 127.0.0.1, any page error and any CSP violation (Chart.js included).
import type { Locator, Page } from '@playwright/test'
import { seriousViolations } from './axe'
import { expect, test } from './host'

const heading = (page: Page) => page.getByRole('heading', { level: 1 })
const studyRegion = (page: Page) => page.getByRole('region', { name: 'Study', exact: true })

/** Opens self-test as a fresh page load (after a restart, a same-URL goto could keep the old page). */
async function openSelfTest(page: Page, url: string): Promise<void> {
  const target = `${url}/#/self-test`
  if (page.url() === target) await page.reload()
  else await page.goto(target)
  await expect(heading(page)).toHaveText('Self-test')
}

/** The card's prompt, to tell one card from another. */
async function cardText(card: Locator): Promise<string> {
  return (await card.innerText()).replace(/\s+/g, ' ').trim()
}

test('an answered due question is saved: after a restart it is not first in line, and the dashboard counts it', async ({ page, host }) => {
  await openSelfTest(page, host.current.url)
  await expect(studyRegion(page)).toContainText('0 reviews due · 20 new left today (of 20)')
  await page.getByRole('button', { name: 'Start due session' }).click()

  const card = page.getByRole('article')
  await expect(card.getByRole('heading', { name: 'Statement-based' })).toBeVisible()
  const first = await cardText(card)
  expect(await seriousViolations(page, { bestPractice: false }), 'study card').toEqual([])

  // Keyboard only: 1 picks (a), Enter checks, then the suggested rating with Enter.
  await page.keyboard.press('1')
  await expect(card.getByRole('radio').first()).toBeChecked()
  await page.keyboard.press('Enter')
  const answer = card.getByRole('region', { name: 'Answer' })
  await expect(answer).toContainText(/✓ Correct|✗ Incorrect/)
  await expect(answer.getByRole('link', { name: 'Read about this' })).toHaveAttribute('href', /#\/read\/[a-z0-9-]+$/)
  expect(await seriousViolations(page, { bestPractice: false }), 'marked card').toEqual([])
  await page.keyboard.press('Enter')
  await expect(page.getByText('Reviewed 1 ·')).toBeVisible()
  expect(await cardText(card)).not.toBe(first)

  await host.restart()
  await openSelfTest(page, host.current.url)
  await expect(studyRegion(page)).toContainText('19 new left today (of 20)')
  await page.getByRole('button', { name: 'Start due session' }).click()
  await expect(card).toBeVisible()
  expect(await cardText(card)).not.toBe(first)

  await page.getByRole('navigation', { name: 'Modes' }).getByRole('link', { name: 'Dashboard', exact: true }).click()
  await expect(heading(page)).toHaveText('Dashboard')
  const study = page.getByRole('region', { name: 'Study', exact: true })
  await expect(study.locator('dt', { hasText: 'Reviews today' }).locator('xpath=following-sibling::dd')).toHaveText('1')
  await expect(page.getByRole('img', { name: /^1 review in the last 90 days/ })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Reviews per day' })).toBeAttached()
  expect(await seriousViolations(page, { bestPractice: false }), 'dashboard').toEqual([])
})

test('a 5-question mock is marked with UPSC marks, reviewed, and kept in the history after a restart', async ({ page, host }) => {
  await openSelfTest(page, host.current.url)
  const mock = page.getByRole('region', { name: 'Mock test', exact: true })
  await mock.getByRole('spinbutton', { name: 'Questions' }).fill('5')
  await mock.getByRole('button', { name: 'Start mock test' }).click()

  const paper = page.getByRole('region', { name: /^Mock test: question \d of 5$/ })
  await expect(paper).toContainText('Mock test: question 1 of 5')
  await expect(page.getByRole('timer', { name: 'Time left' })).toHaveText(/^[56]:\d\d$/)
  expect(await seriousViolations(page, { bestPractice: false }), 'mock paper').toEqual([])

  // Answer three, leave two blank; nothing may be marked before submitting.
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('1')
    await expect(paper).toContainText(`Answered ${i + 1} of 5`)
    await page.keyboard.press('n')
  }
  await expect(paper).not.toContainText(/Correct answer|✓|✗|Score/)
  await page.getByRole('button', { name: 'Submit paper' }).click()
  const confirm = page.getByRole('region', { name: 'Submit this paper?' })
  await expect(confirm).toContainText('2 questions unanswered')
  await confirm.getByRole('button', { name: 'Submit now' }).click()

  const results = page.getByRole('region', { name: 'Mock test result' })
  await expect(results).toContainText(/Score: −?\d+\.\d\d out of 10\.00/)
  await expect(results).toContainText(/Right \d · Wrong \d · Unanswered 2/)
  const review = results.locator('.results__list > li')
  await expect(review).toHaveCount(5)
  await expect(review.nth(0)).toContainText('Correct answer:')
  await expect(review.nth(4)).toContainText('Your answer: not answered')
  await expect(review.nth(0).getByRole('link', { name: 'Read about this' })).toBeVisible()
  const score = (await results.getByText(/^Score:/).innerText()).replace('Score: ', '').replace(' out of ', ' / ')
  expect(await seriousViolations(page, { bestPractice: false }), 'mock results').toEqual([])

  await host.restart()
  await openSelfTest(page, host.current.url)
  const history = page.getByRole('table', { name: 'Past mock tests, newest first' })
  await expect(history.locator('tbody tr')).toHaveCount(1)
  await expect(history.locator('tbody tr').first()).toContainText(score)
  await expect(page.getByRole('button', { name: 'Resume mock test' })).toHaveCount(0)
})

test('an open mock paper survives a restart with its answers', async ({ page, host }) => {
  await openSelfTest(page, host.current.url)
  const mock = page.getByRole('region', { name: 'Mock test', exact: true })
  await mock.getByRole('spinbutton', { name: 'Questions' }).fill('3')
  await mock.getByRole('button', { name: 'Start mock test' }).click()
  const paper = page.getByRole('region', { name: /^Mock test: question \d of 3$/ })
  await expect(paper).toBeVisible()
  await page.keyboard.press('2')
  // The count moves at once; the answer is kept only once the paper says it is saved.
  await expect(paper).toContainText('Answered 1 of 3 · Answers saved')

  await host.restart()
  await openSelfTest(page, host.current.url)
  await page.getByRole('button', { name: 'Resume mock test' }).click()
  await expect(paper).toContainText('Answered 1 of 3')
  await expect(paper.getByRole('radio').nth(1)).toBeChecked()
})
