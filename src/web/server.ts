// Why: runs the real renderer against the real services in a plain browser,
// because the Electron binary is not always available: the built page plus
// the same IPC contract over HTTP on 127.0.0.1, for E2E tests and for trying
// the app out. `npm run web` builds it (vite.web.config.ts) into
// out/web/server.js and runs that under plain node.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createDispatcher } from '../main/dispatch'
import { createAppServices, type AppServices } from '../main/services/app-services'
import { createHostHandler } from './http-host'

const HOST = '127.0.0.1'
const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..')

function fail(message: string): never {
  console.error(`[web-host] ${message}`)
  process.exit(1)
}

function readPort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 5199
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`PORT must be a whole number from 0 to 65535, not "${raw}".`)
  return port
}

interface Started {
  server: Server
  services: AppServices
}

/** Opens the services, then listens; a failure here exits 1 with the reason. */
async function start(port: number, dataDir: string, rendererDir: string): Promise<Started> {
  const packsDir = join(repoRoot, 'resources', 'packs')
  const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }
  mkdirSync(dataDir, { recursive: true })
  const services = await createAppServices({ dataDir, packsDir, host: 'web', version })
  const dispatch = createDispatcher(services.handlers)
  const token = randomBytes(32).toString('hex')

  const server = createServer()
  server.on('clientError', (_error, socket) => socket.destroy())
  await new Promise<void>((done, reject) => {
    server.once('error', reject)
    server.listen(port, HOST, () => {
      server.off('error', reject)
      done()
    })
  }).catch((error: NodeJS.ErrnoException) => {
    fail(error.code === 'EADDRINUSE' ? `Port ${port} is in use; set PORT to another port, or PORT=0 for a free one.` : `Cannot listen: ${error.message}`)
  })
  const actualPort = (server.address() as AddressInfo).port
  server.on('request', createHostHandler({ dispatch, rendererDir, token, port: actualPort }))
  return { server, services }
}

async function main(): Promise<void> {
  const port = readPort(process.env.PORT)
  const dataDir = resolve(process.env.REVISION_DESK_DATA_DIR || join(homedir(), '.revision-desk', 'web-data'))
  const rendererDir = join(repoRoot, 'out', 'renderer')
  if (!existsSync(join(rendererDir, 'index.html'))) {
    fail(`${join(rendererDir, 'index.html')} is missing: run \`npx electron-vite build\` first.`)
  }

  // The handlers go in before anything opens, so a SIGTERM or SIGINT at any
  // moment (even one sent the instant "Listening" is read) flushes and exits 0.
  let stopping = false
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      console.error(`[web-host] ${signal} again: exiting without waiting.`)
      process.exit(1)
    }
    stopping = true
    // A start-up still under way finishes first, so what it opened is closed whole;
    // if it fails, main() reports that and exits 1.
    const started = await startup.catch(() => undefined)
    if (!started) return
    // Stop taking connections, let calls in flight finish, then flush the stores.
    const { server, services } = started
    const closed = new Promise<void>((done) => server.close(() => done()))
    server.closeIdleConnections()
    const timer = setTimeout(() => server.closeAllConnections(), 2000)
    await closed
    clearTimeout(timer)
    try {
      await services.close()
    } catch (error) {
      console.error('[web-host] could not flush the stores on exit', error)
      process.exit(1)
    }
    process.exit(0)
  }
  process.on('SIGTERM', (s) => void stop(s))
  process.on('SIGINT', (s) => void stop(s))
  // Signal handlers run from the event loop, never before this line has run.
  const startup = start(port, dataDir, rendererDir)
  const { server } = await startup
  if (!stopping) console.log(`Listening on http://${HOST}:${(server.address() as AddressInfo).port}`)
}

main().catch((error: unknown) => {
  console.error('[web-host] failed to start', error)
  process.exit(1)
})
