// Why: a missing browser or a missing or stale build must stop the suite with
// the fix in the message; skipping would report a green run that tested nothing,
// and an old host bundle would test code that is no longer there.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..')
/** What out/web/server.js is bundled from; a newer file here means the bundle is out of date. */
const HOST_SOURCES = ['src/web', 'src/main', 'src/shared', 'vite.web.config.ts']

function newestFile(path: string): { file: string; mtimeMs: number } {
  const info = statSync(path)
  if (!info.isDirectory()) return { file: path, mtimeMs: info.mtimeMs }
  let newest = { file: path, mtimeMs: 0 }
  for (const entry of readdirSync(path)) {
    const candidate = newestFile(join(path, entry))
    if (candidate.mtimeMs > newest.mtimeMs) newest = candidate
  }
  return newest
}

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
  const host = join(repoRoot, 'out', 'web', 'server.js')
  if (!existsSync(host)) {
    throw new Error(`The E2E suite runs the built browser host, and ${host} is missing: run \`npx vite build -c vite.web.config.ts\` first.`)
  }
  const built = statSync(host).mtimeMs
  const newer = HOST_SOURCES.map((p) => newestFile(join(repoRoot, p))).find((f) => f.mtimeMs > built)
  if (newer) {
    throw new Error(
      `${relative(repoRoot, newer.file)} changed after ${relative(repoRoot, host)} was built, so the E2E suite would test old code: ` +
        'run `npx vite build -c vite.web.config.ts` again.'
    )
  }
}
