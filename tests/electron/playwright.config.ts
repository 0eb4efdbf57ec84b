// Why: the real-binary smoke run. It needs the Electron binary, which cannot be
// downloaded on our build machines, so it is `npm run test:electron` only and
// never part of `npm test`.
import { defineConfig } from '@playwright/test'

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts/,
  workers: 1,
  timeout: 60_000,
  reporter: 'list'
})
