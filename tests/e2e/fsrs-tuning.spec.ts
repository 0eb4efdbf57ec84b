// Why: the student sets how much to remember and sees what it costs a day,
// then, with weeks of answers behind them, fits the scheduler to their own
// memory, compares the prediction error before and after, and can go back.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { seriousViolations } from './axe'
import { expect, repoRoot, test } from './host'

const PACK = 'india-russia-2plus2'

test('desired retention shows its workload; optimise shows the error before and after, and revert goes back', async ({ page, host }) => {
  test.setTimeout(120_000)
  await host.stop()
  execFileSync(join(repoRoot, 'node_modules/.bin/tsx'), ['tests/tools/seed-study-history.ts', host.current.dataDir, PACK, '450'], { cwd: repoRoot })
  await host.start()

  await page.goto(`${host.current.url}/#/settings`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings')
  const tuning = page.getByRole('region', { name: 'Scheduler' })
  const workload = tuning.getByTestId('workload-now')
  await expect(workload).toContainText('At 90%: about')
  const perDay = async () => Number((await workload.locator('strong').textContent()) ?? 'NaN')
  const at90 = await perDay()
  expect(at90).toBeGreaterThan(0)

  await tuning.getByLabel('Desired retention').fill('0.97')
  await expect(tuning.getByRole('status').last()).toHaveText('Saved: the next answers are scheduled for this retention.')
  await expect(workload).toContainText('At 97%: about')
  expect(await perDay()).toBeGreaterThan(at90)
  await expect(tuning.getByRole('row', { name: /97% \(your setting\)/ })).toBeVisible()

  await expect(tuning.getByTestId('review-count')).toHaveText('450')
  await tuning.getByRole('button', { name: 'Optimise' }).click()
  await expect(tuning.getByRole('status').last()).toContainText('Optimised: your own parameters are in use.', { timeout: 60_000 })
  const errors = tuning.getByRole('table', { name: /Prediction error on the same \d+ reviews/ })
  await expect(errors).toBeVisible()
  for (const id of ['logloss-before', 'logloss-after', 'rmse-before', 'rmse-after']) {
    await expect(tuning.getByTestId(id)).toHaveText(/^\d+\.\d{4}$/)
  }
  await expect(tuning).toContainText('Parameters in use: your own.')
  await expect(tuning.getByRole('button', { name: 'Optimise' })).toBeDisabled()

  // The new parts, with the keep-or-revert choice open, in both themes.
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme })
    expect(await seriousViolations(page), `Settings → Scheduler (${theme})`).toEqual([])
  }

  await tuning.getByRole('button', { name: 'Revert' }).click()
  await expect(tuning.getByRole('status').last()).toHaveText('Reverted: the parameters from before the optimisation are back in use.')
  await expect(tuning).toContainText('Parameters in use: the defaults.')
  await expect(tuning.getByRole('button', { name: 'Revert' })).toHaveCount(0)

  // After a restart the retention and the reverted state are still there.
  await host.restart()
  await page.reload()
  await expect(tuning.getByTestId('workload-now')).toContainText('At 97%: about')
  await expect(tuning).toContainText('You reverted this optimisation')
  await expect(tuning.getByRole('button', { name: 'Optimise' })).toBeEnabled()
})
