// Why: each E2E test owns a real host process on a temp data dir, so a test
// can stop it (SIGTERM: the stores flush), start it again on the same data and
// see what survived, exactly as a student closing and reopening the app would.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { test as base, expect, type Page } from '@playwright/test'

export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..')
/** Built by `vite build -c vite.web.config.ts` (part of `npm run build` and of `npm test`). */
export const HOST_ENTRY = join(repoRoot, 'out', 'web', 'server.js')
const READY = /^Listening on (http:\/\/127\.0\.0\.1:(\d+))$/m
const live = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL')
})

export interface HostOptions {
  dataDir: string
  /** 0 (default) picks a free port; a restart passes the old one so the page can simply reload. */
  port?: number
  timeoutMs?: number
}

export interface RunningHost {
  readonly url: string
  readonly port: number
  readonly dataDir: string
  /** Everything the host printed, for failure messages. */
  output(): string
  /** SIGTERM, then waits for a clean exit; throws if it had to be killed or exited non-zero. */
  stop(): Promise<void>
}

function tail(text: string, max = 4000): string {
  return text.length > max ? '…' + text.slice(-max) : text
}

export async function startHost({ dataDir, port = 0, timeoutMs = 30_000 }: HostOptions): Promise<RunningHost> {
  // The built host under plain node: the SIGTERM lands on the host's own handler,
  // with no tsx relay in between that could exit 143 before the stores flush.
  const child = spawn(process.execPath, ['--enable-source-maps', HOST_ENTRY], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), REVISION_DESK_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  live.add(child)
  let stdout = ''
  let stderr = ''
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (stdout += s))
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => {
      live.delete(child)
      done({ code, signal })
    })
  )
  const output = () => `--- stdout ---\n${tail(stdout)}\n--- stderr ---\n${tail(stderr)}`

  const ready = await new Promise<RegExpExecArray>((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      fail(new Error(`The host did not print "Listening on http://127.0.0.1:<port>" within ${timeoutMs} ms.\n${output()}`))
    }, timeoutMs)
    const check = () => {
      const match = READY.exec(stdout)
      if (match) {
        clearTimeout(timer)
        child.stdout!.off('data', check)
        done(match)
      }
    }
    child.stdout!.on('data', check)
    void exited.then(({ code, signal }) => {
      clearTimeout(timer)
      fail(new Error(`The host exited before it was ready (code ${code}, signal ${signal}).\n${output()}`))
    })
  })

  const url = ready[1]!
  return {
    url,
    port: Number(ready[2]),
    dataDir,
    output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The host had already exited.\n${output()}`)
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      const { code, signal } = await exited
      clearTimeout(timer)
      if (code !== 0) throw new Error(`The host did not shut down cleanly (code ${code}, signal ${signal}).\n${output()}`)
    }
  }
}

/** Starts again on the data dir and, once it is free, the port of a stopped host. */
export async function startAgain(previous: RunningHost): Promise<RunningHost> {
  let lastError: unknown
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await startHost({ dataDir: previous.dataDir, port: previous.port })
    } catch (error) {
      lastError = error
      if (!String(error).includes('in use')) throw error
      await new Promise((r) => setTimeout(r, 200))
    }
  }
  throw lastError
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'revision-desk-e2e-'))
}

/** Is this request still on the machine? Only our host's origin, data: and blob:. */
export function isLocal(url: string, ports: ReadonlySet<number>): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true
  try {
    const u = new URL(url)
    return u.protocol === 'http:' && u.hostname === '127.0.0.1' && ports.has(Number(u.port))
  } catch {
    return false
  }
}

interface HostFixture {
  /** The host now running (or last run). */
  readonly current: RunningHost
  /** Every port this test's hosts listened on. */
  readonly ports: ReadonlySet<number>
  stop(): Promise<void>
  /** Starts a stopped host again on the same data dir and port. */
  start(): Promise<RunningHost>
  restart(): Promise<RunningHost>
}

type Fixtures = {
  /** A fresh temp data dir, removed after the test. */
  dataDir: string
  /** The host on `dataDir`, started before the test and stopped after it. */
  host: HostFixture
  /** Every URL the browser requested in this test, checked at teardown. */
  requests: string[]
}

export const test = base.extend<Fixtures>({
  dataDir: async ({}, use) => {
    const dir = tempDataDir()
    await use(dir)
    rmSync(dir, { recursive: true, force: true })
  },

  host: async ({ dataDir }, use) => {
    let current = await startHost({ dataDir })
    let running = true
    const ports = new Set([current.port])
    const fixture: HostFixture = {
      get current() {
        return current
      },
      ports,
      async stop() {
        running = false
        await current.stop()
      },
      async start() {
        if (running) throw new Error('The host is already running.')
        current = await startAgain(current)
        running = true
        ports.add(current.port)
        return current
      },
      async restart() {
        await fixture.stop()
        return fixture.start()
      }
    }
    await use(fixture)
    if (running) await current.stop()
  },

  // Auto: every test checks that nothing left 127.0.0.1 and that the page
  // threw no uncaught error and broke no CSP rule.
  requests: [
    async ({ context, host }, use) => {
      const urls: string[] = []
      const problems: string[] = []
      context.on('request', (request) => void urls.push(request.url()))
      const watch = (page: Page) => {
        page.on('pageerror', (error) => void problems.push(`uncaught: ${error.message}`))
        page.on('console', (message) => {
          if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) problems.push(`CSP: ${message.text()}`)
        })
      }
      context.pages().forEach(watch)
      context.on('page', watch)
      await use(urls)
      expect(
        urls.filter((url) => !isLocal(url, host.ports)),
        'requests that left 127.0.0.1'
      ).toEqual([])
      expect(problems, 'page errors and CSP violations').toEqual([])
    },
    { auto: true }
  ]
})

export { expect }
