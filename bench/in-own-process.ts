// Why: the bench's earlier phases grow its heap past 1.5 GB of garbage (20,000
// seeded reviews, 100 generated packs). When V8 hands that memory back to the
// OS, its background unmapper can hold the allocator for 100 ms and more, and
// a scavenge on the main thread waits for it: --trace-gc-nvp showed a 40 ms
// pause during the notes import of which 2.8 ms was scavenging, while
// background.unmapper ran 136 ms. That stall is the bench's memory, not the
// work's, so work whose event-loop stalls are measured runs in a fresh process
// that holds what an app's main process holds: the services, booted on the
// bundled packs.
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createAppServices } from '../src/main/services/app-services'

const root = fileURLToPath(new URL('..', import.meta.url))
const MARK = 'bench-result:'

/** Runs `script` (a bench file) in a new Node process and returns what it passed to `report()`. */
export function inOwnProcess<T>(script: string, args: string[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script, ...args],
      { cwd: root, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, BENCH_CHILD: '1' } },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`${script} failed: ${error.message}\n${stderr}`))
        const line = stdout.split('\n').find((l) => l.startsWith(MARK))
        if (!line) return reject(new Error(`${script} reported nothing\n${stdout}\n${stderr}`))
        resolve(JSON.parse(line.slice(MARK.length)) as T)
      }
    )
  })
}

/** The child's side: runs `measure` beside the app's services, as main would, and prints the result for inOwnProcess (or readably when run by hand). */
export async function reportBesideApp(measure: () => Promise<unknown>): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'rd-bench-app-'))
  const app = await createAppServices({ dataDir, packsDir: join(root, 'resources/packs'), host: 'web', version: 'bench' })
  try {
    // Not measured: a search waits for the index the boot builds in the background.
    await app.handlers['search:query']({ query: 'dialogue' })
    const result = await measure()
    console.log(process.env.BENCH_CHILD ? `${MARK}${JSON.stringify(result)}` : result)
  } finally {
    await app.close()
    await rm(dataDir, { recursive: true, force: true })
  }
}
