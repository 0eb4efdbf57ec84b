// Why: `npm start` must either find the Electron binary, fetch it, or say in
// one line why it cannot — never "Electron uninstall" and never a stack trace.
// Each case runs the real script against a stand-in electron package folder.
import { spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

const script = resolve(__dirname, '../../../scripts/ensure-electron.mjs')
const made: string[] = []
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true })
})

async function fakeElectron(install: string, installed = false): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'rd-fake-electron-'))
  made.push(dir)
  await writeFile(join(dir, 'install.js'), install)
  if (installed) {
    await mkdir(join(dir, 'dist'))
    await writeFile(join(dir, 'dist', 'electron'), '')
    await writeFile(join(dir, 'path.txt'), 'electron')
  }
  return dir
}

const run = (dir: string) => spawnSync(process.execPath, [script, dir], { encoding: 'utf8' })

describe('ensure-electron (prestart)', () => {
  it('does nothing when the binary is already there', async () => {
    const dir = await fakeElectron("require('fs').writeFileSync(__dirname + '/ran', '1')", true)
    const result = run(dir)
    expect(result.status).toBe(0)
    expect(result.stdout + result.stderr).toBe('')
  })

  it('runs electron’s own installer when the binary is missing', async () => {
    const dir = await fakeElectron(
      "const fs = require('fs'); fs.mkdirSync(__dirname + '/dist'); fs.writeFileSync(__dirname + '/dist/electron', ''); fs.writeFileSync(__dirname + '/path.txt', 'electron')"
    )
    const result = run(dir)
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/Downloading the Electron runtime/)
    expect(result.stderr).toBe('')
  })

  it.each([
    ['an offline machine', "const e = new TypeError('fetch failed'); console.error(e.stack); process.exit(1)", /fetch failed/],
    ['a DNS failure', "console.error(new Error('getaddrinfo ENOTFOUND github.com').stack); process.exit(1)", /ENOTFOUND github\.com/],
    ['an installer that exits 0 but leaves no binary', '', /could not be downloaded/]
  ])('says in one line what is missing and what still works, on %s', async (_name, install, reason) => {
    const dir = await fakeElectron(install)
    const result = run(dir)
    expect(result.status).toBe(1)
    const lines = result.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/Electron runtime is missing/)
    expect(lines[0]).toMatch(reason)
    expect(lines[0]).toMatch(/npm test.*npm run web/)
    expect(result.stderr + result.stdout).not.toMatch(/^\s+at /m)
    expect(result.stderr).not.toMatch(/Electron uninstall/)
  })
})
