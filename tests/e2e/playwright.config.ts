// Why: the E2E suite drives the real renderer and the real services through
// the browser host in Debian's Chromium, because Playwright's own browsers
// cannot be downloaded here. Each test owns a host process on its own temp data
// dir and a free port, so tests share nothing and two run at once: much of a
// test is waiting on the page or the host, which the other one fills.
import { defineConfig } from '@playwright/test'
import { chromiumLaunchOptions } from './chromium'

export { CHROMIUM_PATH } from './chromium'

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  globalSetup: './global-setup.ts',
  workers: 2,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  // No retries: a test that passes only on its second go is a bug to fix, not to hide.
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: '../../test-results/e2e',
  use: {
    headless: true,
    // A fixed language, so a machine set to Hindi does not start the English specs in Hindi.
    locale: 'en-IN',
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions
  }
})
