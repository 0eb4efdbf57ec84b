// Why: the emulated-desktop lane. The built main and preload run against the
// stand-in electron, and Debian's Chromium plays the window, because the real
// Electron binary cannot be downloaded here. Fails loudly without Chromium.
import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'
import { CHROMIUM_PATH, chromiumLaunchOptions } from '../e2e/chromium'
if (!existsSync(CHROMIUM_PATH)) {
  throw new Error(`The emulated-desktop lane needs Chromium at ${CHROMIUM_PATH}: sudo apt-get install -y chromium (or set CHROMIUM_PATH).`)
}

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: '../../test-results/desktop',
  use: {
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions
  }
})
