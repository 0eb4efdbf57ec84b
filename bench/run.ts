// Why: speed and memory targets are measured here, never in timed tests, and
// written to bench/results.json so a change that slows the app shows up.
import { mkdtemp, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { createAppServices } from '../src/main/services/app-services'

const root = fileURLToPath(new URL('..', import.meta.url))
const packsDir = join(root, 'resources/packs')

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}
const round = (n: number): number => Math.round(n * 100) / 100

async function temp(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix))
}

async function bootMs(packs: string, runs: number): Promise<number> {
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const dataDir = await temp('rd-bench-data-')
    const started = performance.now()
    const services = await createAppServices({ dataDir, packsDir: packs, host: 'web', version: 'bench' })
    await services.handlers['packs:list'](undefined)
    samples.push(performance.now() - started)
    await services.close()
    await rm(dataDir, { recursive: true, force: true })
  }
  return percentile(samples, 50)
}

async function hundredPacks(): Promise<string> {
  const dir = await temp('rd-bench-packs-')
  const [first] = (await readdir(packsDir, { withFileTypes: true })).filter((e) => e.isDirectory())
  if (!first) throw new Error(`no pack in ${packsDir}`)
  const pack = JSON.parse(await readFile(join(packsDir, first.name, 'pack.json'), 'utf8')) as { id: string }
  for (let i = 0; i < 100; i++) {
    const id = `bench-pack-${String(i).padStart(3, '0')}`
    await mkdir(join(dir, id))
    await writeFile(join(dir, id, 'pack.json'), JSON.stringify({ ...pack, id }))
  }
  return dir
}

/** A settings save through the service, against a plain write+rename of the same bytes. */
async function saves(runs: number): Promise<{ save: number; raw: number }> {
  const dataDir = await temp('rd-bench-save-')
  const services = await createAppServices({ dataDir, packsDir, host: 'web', version: 'bench' })
  const save: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await services.handlers['settings:update']({ fontSize: 12 + (i % 20) })
    save.push(performance.now() - started)
  }
  await services.close()
  const bytes = await readFile(join(dataDir, 'settings.json'))
  const raw: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await writeFile(join(dataDir, 'raw.tmp'), bytes)
    await rename(join(dataDir, 'raw.tmp'), join(dataDir, 'raw.json'))
    raw.push(performance.now() - started)
  }
  await rm(dataDir, { recursive: true, force: true })
  return { save: percentile(save, 50), raw: percentile(raw, 50) }
}

/** Gzipped size of the JS the page loads before first paint: entry scripts and modulepreloads. */
async function initialJsGzipKb(): Promise<number> {
  const rendererDir = join(root, 'out/renderer')
  const html = await readFile(join(rendererDir, 'index.html'), 'utf8')
  const refs = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g)].map((m) => m[1]!)
  let total = 0
  for (const ref of refs) total += gzipSync(await readFile(join(rendererDir, ref.replace(/^\.?\//, '')))).length
  return total / 1024
}

async function main(): Promise<void> {
  const loop = monitorEventLoopDelay({ resolution: 1 })
  loop.enable()
  const boot = await bootMs(packsDir, 15)
  const many = await hundredPacks()
  const boot100 = await bootMs(many, 3)
  await rm(many, { recursive: true, force: true })
  const { save, raw } = await saves(200)
  loop.disable()
  const results = {
    measured_at: new Date().toISOString(),
    node: process.version,
    boot_ms: round(boot),
    boot_100packs_ms: round(boot100),
    save_settings_p50_ms: round(save),
    raw_write_settings_p50_ms: round(raw),
    renderer_js_gzip_kb: round(await initialJsGzipKb()),
    max_event_loop_block_ms: round(loop.max / 1e6)
  }
  await writeFile(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`)
  console.log(results)
}

await main()
