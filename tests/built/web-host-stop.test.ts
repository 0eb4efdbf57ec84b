// Why: the E2E suite stops and restarts the built host many times and fails on
// any exit but 0, so the host must exit 0 however soon a signal follows its
// "Listening" line; a handler installed after that line once lost this race.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const entry = join(__dirname, '../../out/web/server.js')
const dirs: string[] = []
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

/** Starts the built host, signals it the moment it says it is listening, and returns how it ended. */
async function stopAtOnce(signal: NodeJS.Signals): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rd-host-stop-'))
  dirs.push(dataDir)
  const child = spawn(process.execPath, [entry], { env: { ...process.env, PORT: '0', REVISION_DESK_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stderr.setEncoding('utf8').on('data', (s: string) => (output += s))
  child.stdout.setEncoding('utf8').on('data', (s: string) => {
    output += s
    if (output.includes('Listening on http://127.0.0.1:')) child.kill(signal)
  })
  const [code, killedBy] = await new Promise<[number | null, NodeJS.Signals | null]>((done) => child.once('exit', (c, s) => done([c, s])))
  return code === 0 ? 'exit 0' : `exit ${code ?? killedBy}\n${output}`
}

describe('the built browser host', () => {
  it('exists (build first: npx vite build -c vite.web.config.ts)', () => {
    expect(existsSync(entry), `${entry} is missing; run npx vite build -c vite.web.config.ts before these tests`).toBe(true)
  })

  it.each(['SIGTERM', 'SIGINT'] as const)('exits 0 on a %s sent the instant it is listening, every time', async (signal) => {
    const endings: string[] = []
    for (let i = 0; i < 8; i++) endings.push(await stopAtOnce(signal))
    expect(endings.filter((e) => e !== 'exit 0')).toEqual([])
  })
})
