#!/usr/bin/env node
// Why: electron 45 has no install script; its binary arrives on the first
// require('electron') or through its own install-electron command. electron-vite
// reads node_modules/electron/path.txt before anything requires electron, so
// `npm start` failed with "Electron uninstall" for every new user. This runs
// first (prestart/predev): a no-op once the binary is there, a download when it
// is not, and one plain line — never a stack trace — when it cannot be had.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** The electron package folder: an argument (tests), else the installed package. */
function electronDir() {
  if (process.argv[2]) return process.argv[2]
  return dirname(createRequire(import.meta.url).resolve('electron/package.json'))
}

function installedBinary(dir) {
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

/** The one line worth showing from the installer's output: its error message, without the stack. */
function reasonFrom(output) {
  const lines = output
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('at '))
  const error = lines.find((l) => /error|fail|ENOTFOUND|ECONN|EAI_AGAIN|ETIMEDOUT|certificate/i.test(l)) ?? lines.at(-1) ?? 'no reason given'
  const short = error.replace(/^(\w*Error|Error):\s*/, '')
  return short.length > 160 ? short.slice(0, 157) + '…' : short
}

const dir = electronDir()
if (installedBinary(dir)) process.exit(0)

console.log('Downloading the Electron runtime for this computer (about 100 MB, once)…')
const install = spawnSync(process.execPath, [join(dir, 'install.js')], { cwd: dir, encoding: 'utf8', env: process.env })
if (install.status === 0 && installedBinary(dir)) process.exit(0)

const reason = install.error ? install.error.message : reasonFrom(`${install.stderr ?? ''}\n${install.stdout ?? ''}`)
console.error(
  `Revision Desk: the Electron runtime is missing and could not be downloaded (${reason}), so the desktop app cannot start here; \`npm test\` and \`npm run web\` work without it.`
)
process.exit(1)
