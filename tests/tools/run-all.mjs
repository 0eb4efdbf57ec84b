#!/usr/bin/env node
// Why: `npm test` is one command that runs every suite in order and stops at
// the first failure; it refuses to run without Chromium rather than skip E2E.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

if (!existsSync(chromium)) {
  console.error(
    `npm test needs Chromium for the end-to-end suite, and it is missing at ${chromium}.\n` +
      'Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n' +
      'or point CHROMIUM_PATH at a Chromium binary. (npx playwright install cannot download here.)'
  )
  process.exit(1)
}

const steps = [
  ['typecheck', 'npm', ['run', 'typecheck']],
  ['build', 'npx', ['electron-vite', 'build']],
  ['packaging check (electron-builder --dir against a stand-in Electron)', 'npx', ['tsx', 'tests/tools/packaging-check.ts']],
  ['unit and component tests', 'npx', ['vitest', 'run', '-c', 'tests/vitest.config.ts']],
  ['security gate', 'npx', ['tsx', 'tests/tools/security-gate.ts']],
  ['crash test', 'npx', ['tsx', 'tests/crash/run-crash.ts']],
  ['end-to-end (Chromium via the browser host)', 'npx', ['playwright', 'test', '-c', 'tests/e2e/playwright.config.ts']],
  ['emulated desktop (built main and preload, stand-in electron, Chromium)', 'npx', ['playwright', 'test', '-c', 'tests/desktop/playwright.config.ts']]
]

let passed = 0
for (const [name, cmd, args] of steps) {
  const started = Date.now()
  console.log(`\n=== ${name} ===`)
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (result.status !== 0) {
    console.error(`\n${name} failed after ${seconds}s (exit ${result.status ?? result.signal}).`)
    console.log(`steps: ${passed} passed, 1 failed`)
    process.exit(1)
  }
  passed += 1
  console.log(`=== ${name}: ok in ${seconds}s ===`)
}
console.log(`\nsteps: ${passed} passed, 0 failed`)
