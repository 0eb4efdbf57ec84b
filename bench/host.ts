// Why: the paint bench loads the app from the browser host. Starting it is kept
// in this one function, so when the host is bundled (out/web/server.js) only
// this file changes: it already prefers the bundle when one is built.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

export interface RunningHost {
  url: string
  stop(): Promise<void>
}

export async function startHost(root: string, dataDir: string): Promise<RunningHost> {
  const bundled = join(root, 'out/web/server.js')
  const [command, args] = existsSync(bundled) ? [process.execPath, [bundled]] : [join(root, 'node_modules/.bin/tsx'), ['src/web/server.ts']]
  const child = spawn(command, args, { cwd: root, env: { ...process.env, PORT: '0', REVISION_DESK_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] })
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`host did not start within 60 s: ${out}`)), 60_000)
    const read = (chunk: Buffer): void => {
      out += chunk.toString()
      const m = out.match(/Listening on (http:\/\/127\.0\.0\.1:\d+)/)
      if (m) {
        clearTimeout(timer)
        resolve(`${m[1]}/`)
      }
    }
    child.stdout.on('data', read)
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()))
    void exited.then(() => {
      clearTimeout(timer)
      reject(new Error(`host exited before listening: ${out}`))
    })
  })
  return {
    url,
    async stop() {
      child.kill('SIGTERM')
      await exited
    }
  }
}
