// Why: the exam plan is the student's own deadlines turned into a day's work,
// so it is tested end to end on the real pack and services: Prelims and Mains
// dates set in the dashboard survive a restart, the plan says what to do
// today with an answer to write, and the dashboard passes axe in both themes
// with the plan on it.
import type { Page } from '@playwright/test'
import { seriousViolations } from './axe'
import { expect, test } from './host'

/** A calendar day `days` from now on the machine's clock (the host plans in the same zone). */
function dayFromNow(days: number): string {
  const d = new Date()
  d.setDate(d.getDate() + days)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

async function openDashboard(page: Page, url: string): Promise<void> {
  const target = `${url}/#/dashboard`
  if (page.url() === target) await page.reload()
  else await page.goto(target)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dashboard')
}

test('set Prelims and Mains dates, see the plan, and find the dates again after a restart', async ({ page, host }) => {
  await openDashboard(page, host.current.url)
  const exam = page.getByRole('region', { name: 'Exam plan' })
  await expect(exam).toContainText('Set your Prelims date, your Mains paper dates, or both')

  const prelims = dayFromNow(60)
  await exam.getByLabel('Prelims date').fill(prelims)
  const mains = exam.getByRole('group', { name: /Mains papers/ })
  await mains.getByLabel('Essay').fill(dayFromNow(150))
  await mains.getByLabel('GS-I', { exact: true }).fill(dayFromNow(151))
  await mains.getByLabel('GS-II', { exact: true }).fill(dayFromNow(151))
  await exam.getByRole('spinbutton', { name: 'Minutes a day' }).fill('30')
  await exam.getByRole('button', { name: 'Save exam plan' }).click()
  await expect(exam.getByRole('status')).toHaveText('Saved')

  await expect(exam).toContainText('60 days to Prelims')
  await expect(exam).toContainText('Working towards Prelims')
  await expect(exam.getByRole('heading', { name: /^Today: about \d+ minutes$/ })).toBeVisible()
  await expect(exam.getByRole('listitem').filter({ hasText: /New items: \d+ \(\d+ minutes?\)/ })).toBeVisible()
  const write = exam.getByRole('link', { name: 'Write this answer' })
  await expect(write).toHaveAttribute('href', /#\/write\?pack=india-russia-2plus2&prompt=[a-z0-9-]+$/)
  // Nothing studied yet: no section is named as weakest.
  await expect(exam).not.toContainText('Revise first:')
  const forecast = exam.getByRole('table', { name: 'Predicted recall by section' })
  // Section titles whole in the text alternative, however the axis had to wrap them.
  await expect(forecast.getByRole('rowheader', { name: 'The meeting: format, ministers, agenda', exact: true })).toBeAttached()
  const plan = exam.getByRole('table', { name: 'Daily plan until the exam' })
  await expect(plan.getByRole('rowheader')).toHaveCount(14)
  await exam.getByRole('button', { name: 'Show all 60 days' }).click()
  await expect(plan.getByRole('rowheader')).toHaveCount(60)
  // Nothing new on the eve of Prelims.
  await expect(plan.getByRole('row').last().getByRole('cell').first()).toHaveText('0')

  // A slip is named before main is asked.
  await mains.getByLabel('GS-III').fill(dayFromNow(30))
  await exam.getByRole('button', { name: 'Save exam plan' }).click()
  await expect(exam.getByRole('status')).toHaveText('GS-III must come after Prelims.')
  await mains.getByLabel('GS-III').fill('')

  // The dates are the student's: a restart keeps them.
  await host.restart()
  await openDashboard(page, host.current.url)
  await expect(exam.getByLabel('Prelims date')).toHaveValue(prelims)
  await expect(mains.getByLabel('Essay')).toHaveValue(dayFromNow(150))
  await expect(mains.getByLabel('GS-III')).toHaveValue('')
  await expect(exam).toContainText('60 days to Prelims')
})

for (const theme of ['light', 'dark'] as const) {
  test(`the dashboard with an exam plan has no serious or critical axe violations (${theme} theme)`, async ({ page, host }) => {
    await page.emulateMedia({ colorScheme: theme })
    await openDashboard(page, host.current.url)
    const exam = page.getByRole('region', { name: 'Exam plan' })
    await exam.getByLabel('Prelims date').fill(dayFromNow(20))
    await exam
      .getByRole('group', { name: /Mains papers/ })
      .getByLabel('GS-IV')
      .fill(dayFromNow(110))
    await exam.getByRole('button', { name: 'Save exam plan' }).click()
    await expect(exam.getByRole('status')).toHaveText('Saved')
    await expect(exam.getByRole('table', { name: 'Predicted recall by section' })).toBeAttached()
    await page.waitForLoadState('networkidle')
    expect(await seriousViolations(page), `dashboard (${theme})`).toEqual([])
  })
}
