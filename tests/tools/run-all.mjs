#!/usr/bin/env node
// Why: `npm test` is one command that runs every check and stops at the first
// failure; it refuses to run without Chromium rather than skip E2E. The checks
// run in two lanes so both cores stay busy: the typecheck and the security gate
// (single-threaded, and nothing waits on them) run beside the build and the
// tests, with their output held back and printed when each one ends.
import { spawn } from 'node:child_process'
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

/** @typedef {{ name: string, cmd: string, args: string[], after?: string }} Step */

/** @type {Step[][]} The first lane prints as it runs; the others print each step when it ends. */
const lanes = [
  [
    { name: 'build', cmd: 'npx', args: ['electron-vite', 'build'] },
    { name: 'build of the browser host', cmd: 'npx', args: ['vite', 'build', '-c', 'vite.web.config.ts'] },
    // All three projects: unit, component, and built (checks on what the build wrote to out/).
    { name: 'unit, component and built-output tests', cmd: 'npx', args: ['vitest', 'run', '-c', 'tests/vitest.config.ts'] },
    { name: 'crash test', cmd: 'npx', args: ['tsx', 'tests/crash/run-crash.ts'] },
    { name: 'end-to-end (Chromium via the browser host)', cmd: 'npx', args: ['playwright', 'test', '-c', 'tests/e2e/playwright.config.ts'] }
  ],
  [
    { name: 'typecheck', cmd: 'npm', args: ['run', 'typecheck'] },
    { name: 'lint (ESLint house rules, Prettier)', cmd: 'npm', args: ['run', 'lint'] },
    {
      name: 'packaging check (electron-builder --dir against a stand-in Electron)',
      cmd: 'npx',
      args: ['tsx', 'tests/tools/packaging-check.ts'],
      after: 'build'
    },
    { name: 'security gate', cmd: 'npx', args: ['tsx', 'tests/tools/security-gate.ts'], after: 'build' },
    {
      name: 'emulated desktop (built main and preload, stand-in electron, Chromium)',
      cmd: 'npx',
      args: ['playwright', 'test', '-c', 'tests/desktop/playwright.config.ts'],
      after: 'build'
    }
  ]
]

const started = Date.now()
/** @type {Map<string, { resolve: () => void, promise: Promise<void> }>} */
const finished = new Map()
for (const step of lanes.flat()) {
  let resolve = () => {}
  const promise = new Promise((r) => (resolve = r))
  finished.set(step.name, { resolve, promise })
}
/** @type {Set<import('node:child_process').ChildProcess>} */
const running = new Set()
/** @type {Array<[string, string]>} */
const times = []
let failed = false

const seconds = (since) => ((Date.now() - since) / 1000).toFixed(1)

/** Each step gets its own process group, so stopping it stops what it started too. */
function stopAll(signal = 'SIGTERM') {
  // Wake any step still waiting on another; it sees `failed` and does not start.
  for (const { resolve } of finished.values()) resolve()
  for (const child of running) {
    try {
      process.kill(-child.pid, signal)
    } catch {
      // Already gone.
    }
  }
}
for (const [signal, number] of [
  ['SIGINT', 2],
  ['SIGTERM', 15]
]) {
  process.on(signal, () => {
    failed = true
    stopAll(signal)
    process.exit(128 + number)
  })
}

/** Runs one step; resolves with its exit status. */
function run(step, live) {
  return new Promise((done) => {
    const child = spawn(step.cmd, step.args, {
      cwd: root,
      env: process.env,
      detached: true,
      stdio: live ? ['ignore', 'inherit', 'inherit'] : ['ignore', 'pipe', 'pipe']
    })
    running.add(child)
    let output = ''
    if (!live) {
      child.stdout.setEncoding('utf8').on('data', (s) => (output += s))
      child.stderr.setEncoding('utf8').on('data', (s) => (output += s))
    }
    child.on('error', (error) => {
      output += `\n${error.message}\n`
    })
    child.on('close', (code, signal) => {
      running.delete(child)
      done({ status: code ?? signal, output })
    })
  })
}

async function runLane(steps, live) {
  for (const step of steps) {
    if (step.after) await finished.get(step.after).promise
    if (failed) return
    const since = Date.now()
    if (live) console.log(`\n=== ${step.name} ===`)
    const { status, output } = await run(step, live)
    if (failed) return
    if (!live) process.stdout.write(`\n=== ${step.name} (ran beside the others) ===\n${output}`)
    if (status !== 0) {
      failed = true
      console.error(`\n${step.name} failed after ${seconds(since)}s (exit ${status}).`)
      stopAll()
      return
    }
    times.push([step.name, seconds(since)])
    console.log(`=== ${step.name}: ok in ${seconds(since)}s ===`)
    finished.get(step.name).resolve()
  }
}

await Promise.all(lanes.map((steps, i) => runLane(steps, i === 0)))
const total = lanes.flat().length
if (failed) {
  console.log(`\n${total - times.length - 1} steps not finished; ${seconds(started)}s in all`)
  console.log(`steps: ${times.length} passed, 1 failed`)
  process.exit(1)
}
console.log(`\n${times.map(([name, s]) => `  ${s.padStart(6)}s  ${name}`).join('\n')}`)
console.log(`${seconds(started)}s in all`)
console.log(`steps: ${times.length} passed, 0 failed`)
