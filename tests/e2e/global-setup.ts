// Why: a missing browser or a missing build must stop the suite with the fix
// in the message; skipping would report a green run that tested nothing.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..')

export default function globalSetup(): void {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(chromium)) {
    throw new Error(
      `The E2E suite needs Chromium, and there is none at ${chromium}.\n` +
        'Install it with:  apt-get update && apt-get install -y chromium\n' +
        'or set CHROMIUM_PATH to a Chromium binary. (`npx playwright install` cannot download here.)'
    )
  }
  const index = join(repoRoot, 'out', 'renderer', 'index.html')
  if (!existsSync(index)) {
    throw new Error(`The E2E suite tests the built renderer, and ${index} is missing: run \`npx electron-vite build\` first.`)
  }
}
