// Why: `npm run dist` must ship only what the app runs and an Electron binary
// with its hardening fuses flipped. This packs the app for linux `--dir` with
// the real electron-builder.yml against a stand-in Electron (so nothing is
// downloaded) and checks the fuse bytes, the app.asar and the packs beside it.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { builtinModules } from 'node:module'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { extractAll, extractFile, getRawHeader } from '@electron/asar'

const root = fileURLToPath(new URL('../..', import.meta.url))
const EXECUTABLE = 'revision-desk' // electron-builder's linux executableName for package "revision-desk"

/** The fuse wire as @electron/fuses finds it: sentinel, wire version, length, one byte per fuse. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const FUSES = [
  'RunAsNode',
  'EnableCookieEncryption',
  'EnableNodeOptionsEnvironmentVariable',
  'EnableNodeCliInspectArguments',
  'EnableEmbeddedAsarIntegrityValidation',
  'OnlyLoadAppFromAsar',
  'LoadBrowserProcessSpecificV8Snapshot',
  'GrantFileProtocolExtraPrivileges'
] as const
/** What the shipped binary must say ('1' on, '0' off). */
const WANTED = '00001100'
/** The stand-in starts from the opposite of every configured fuse, so each one must really be written;
 *  the V8 snapshot fuse is not configured and keeps Electron's default. */
const START = '11110001'

let passed = 0
const failures: string[] = []
function check(name: string, problems: string[]): void {
  if (problems.length === 0) {
    passed += 1
    console.log(`ok   ${name}`)
  } else {
    failures.push(name)
    console.log(`FAIL ${name}\n${problems.map((p) => `     - ${p}`).join('\n')}`)
  }
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(cmd, args, { cwd: root, env, encoding: 'utf8', timeout: 180_000 })
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`
  if (result.status !== 0) {
    console.error(output)
    throw new Error(`${cmd} ${args.join(' ')} exited ${result.status ?? result.signal ?? result.error?.message}`)
  }
  return output
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort()
}

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex')

/** A folder shaped like an unpacked linux-x64 Electron, whose `electron` holds a fuse wire. */
function makeStandInElectron(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true })
  const wire = Buffer.from([1, FUSES.length, ...[...START].map((c) => c.charCodeAt(0))])
  const body = Buffer.concat([Buffer.from('#!/bin/sh\necho stand-in Electron\n#'), Buffer.from(SENTINEL), wire, Buffer.from('\n')])
  writeFileSync(join(dir, 'electron'), body, { mode: 0o755 })
  writeFileSync(join(dir, 'LICENSE'), 'stand-in Electron licence\n')
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<p>stand-in Chromium licences</p>\n')
}

function readFuses(binary: string): string {
  const bytes = readFileSync(binary)
  const at = bytes.indexOf(SENTINEL)
  if (at < 0 || bytes.lastIndexOf(SENTINEL) !== at) throw new Error(`${binary}: expected exactly one fuse sentinel`)
  const length = bytes[at + SENTINEL.length + 1] ?? 0
  return bytes.subarray(at + SENTINEL.length + 2, at + SENTINEL.length + 2 + length).toString('latin1')
}

interface AsarEntry {
  files?: Record<string, AsarEntry>
  size?: number
  integrity?: { hash: string }
}
function asarFiles(node: AsarEntry, prefix = ''): Array<{ path: string; size: number; hashed: boolean }> {
  return Object.entries(node.files ?? {}).flatMap(([name, child]) =>
    child.files ? asarFiles(child, `${prefix}${name}/`) : [{ path: `${prefix}${name}`, size: child.size ?? 0, hashed: Boolean(child.integrity?.hash) }]
  )
}

/** node_modules/a/node_modules/@s/b/lib/x.js -> node_modules/a/node_modules/@s/b */
function installPath(file: string): string | null {
  const m = /^((?:node_modules\/(?:@[^/]+\/)?[^/]+\/)*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(file)
  return m?.[1] ?? null
}

/** Package names a bundle loads at run time, less electron and Node's own modules. */
function bareImports(file: string): Set<string> {
  const code = readFileSync(file, 'utf8')
  const names = new Set<string>()
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^import\s+)["']([^"'./][^"']*)["']/gm)) {
    const spec = m[1]!
    const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!
    if (name === 'electron' || spec.startsWith('node:') || builtinModules.includes(name)) continue
    names.add(name)
  }
  return names
}

async function main(): Promise<void> {
  const started = Date.now()
  if (!existsSync(join(root, 'out/main/index.js'))) {
    console.log('out/ is missing: building it with electron-vite first')
    run(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'])
  }
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>
    devDependencies?: Record<string, string>
  }
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; devOptional?: boolean; version?: string }>
  }
  const runtimeDeps = Object.keys(pkg.dependencies ?? {})
  const devDeps = Object.keys(pkg.devDependencies ?? {})

  // What out/ loads at run time must be exactly the `dependencies`.
  // out/main/chunks holds bundles the main process loads on its own (the optimiser's worker thread).
  const mainBundles = filesUnder(join(root, 'out/main')).filter((f) => f.endsWith('.js'))
  const imported = new Set([...mainBundles.flatMap((f) => [...bareImports(join(root, 'out/main', f))]), ...bareImports(join(root, 'out/preload/index.cjs'))])
  check(
    'every package out/main and out/preload import is a dependency',
    [...imported].filter((n) => !runtimeDeps.includes(n)).map((n) => `${n} is imported but is not in "dependencies"`)
  )
  check(
    'every dependency is imported by out/main or out/preload',
    runtimeDeps.filter((n) => !imported.has(n)).map((n) => `${n} is in "dependencies" but nothing in out/main or out/preload loads it`)
  )

  const work = mkdtempSync(join(tmpdir(), 'rd-packaging-'))
  const dist = join(work, 'electron-dist')
  const output = join(work, 'dist')
  makeStandInElectron(dist)
  // Any download attempt hits a closed local port and fails at once instead of reaching out.
  const nowhere = 'http://127.0.0.1:9/'
  const env = {
    ...process.env,
    NO_UPDATE_NOTIFIER: '1',
    ELECTRON_BUILDER_CACHE: join(work, 'cache'),
    ELECTRON_BUILDER_BINARIES_ALLOW_HTTP: 'true',
    ELECTRON_BUILDER_BINARIES_MIRROR: nowhere,
    ELECTRON_MIRROR: nowhere
  }
  const log = run(
    process.execPath,
    [
      join(root, 'node_modules/electron-builder/cli.js'),
      '--config',
      'electron-builder.yml',
      '--linux',
      'dir',
      '--x64',
      `-c.electronDist=${dist}`,
      `-c.directories.output=${output}`
    ],
    env
  )
  const unpacked = join(output, 'linux-unpacked')
  const resources = join(unpacked, 'resources')
  const asarPath = join(resources, 'app.asar')

  check('electron-builder used the stand-in Electron and flipped the fuses', [
    ...(log.includes('using custom unpacked Electron distribution') ? [] : ['log does not say the stand-in Electron was used']),
    ...(log.includes('executing @electron/fuses') ? [] : ['log does not show @electron/fuses running'])
  ])
  check(
    'the app folder holds the renamed executable, the Electron licence and resources',
    (() => {
      const top = readdirSync(unpacked).sort().join(',')
      const wanted = ['LICENSE.electron.txt', 'LICENSES.chromium.html', EXECUTABLE, 'resources'].sort().join(',')
      return top === wanted ? [] : [`top level is ${top}, wanted ${wanted}`]
    })()
  )
  const fuses = readFuses(join(unpacked, EXECUTABLE))
  check(
    'the binary carries the hardening fuses',
    FUSES.flatMap((name, i) => (fuses[i] === WANTED[i] ? [] : [`${name} is ${fuses[i] ?? 'missing'}, wanted ${WANTED[i]}`]))
  )

  check(
    'resources/ holds app.asar and packs only (nothing unpacked, no default_app.asar)',
    (() => {
      const top = readdirSync(resources).sort().join(',')
      return top === 'app.asar,packs' ? [] : [`resources/ is ${top}`]
    })()
  )
  const sourcePacks = filesUnder(join(root, 'resources/packs')).filter((f) => /^[^/]+\/pack\.json$|^order\.json$/.test(f))
  const shippedPacks = filesUnder(join(resources, 'packs'))
  check('every pack.json and the order file, and nothing else from resources/packs, sit beside the asar', [
    ...(sourcePacks.some((f) => f.endsWith('/pack.json')) ? [] : ['resources/packs has no */pack.json to ship']),
    ...shippedPacks.filter((f) => !sourcePacks.includes(f)).map((f) => `unexpected resources/packs/${f}`),
    ...sourcePacks.filter((f) => !shippedPacks.includes(f)).map((f) => `missing resources/packs/${f}`),
    ...sourcePacks
      .filter((f) => shippedPacks.includes(f) && sha256(join(root, 'resources/packs', f)) !== sha256(join(resources, 'packs', f)))
      .map((f) => `resources/packs/${f} differs from the source`)
  ])

  const header = getRawHeader(asarPath).header as AsarEntry
  const files = asarFiles(header)
  const prodPackages = Object.entries(lock.packages)
    .filter(([path, info]) => path.startsWith('node_modules/') && !info.dev && !info.devOptional)
    .map(([path]) => path)
  const shippedPackages = new Set(files.map((f) => installPath(f.path)).filter((p): p is string => p !== null))
  check(
    'app.asar holds only out/**, package.json and run-time node_modules',
    files.filter((f) => !(f.path === 'package.json' || f.path.startsWith('out/') || f.path.startsWith('node_modules/'))).map((f) => `unexpected ${f.path}`)
  )
  check(
    'app.asar carries the app entry, preload and renderer',
    ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].filter((p) => !files.some((f) => f.path === p)).map((p) => `missing ${p}`)
  )
  // electron-builder lifts a nested production package (jszip/node_modules/readable-stream) to the top when the
  // lock's top-level copy is a devDependency it leaves out; Node then resolves the lifted copy, so it stands for
  // every nested copy of the same version.
  const liftedFrom = new Map<string, string[]>()
  for (const shipped of shippedPackages) {
    if (prodPackages.includes(shipped) || !/^node_modules\/(@[^/]+\/)?[^/]+$/.test(shipped)) continue
    const version = (JSON.parse(extractFile(asarPath, `${shipped}/package.json`).toString('utf8')) as { version?: string }).version
    const nested = prodPackages.filter((p) => p.endsWith(`/${shipped}`) && !shippedPackages.has(p) && lock.packages[p]?.version === version)
    if (nested.length > 0) liftedFrom.set(shipped, nested)
  }
  const lifted = new Set([...liftedFrom.values()].flat())
  check('app.asar node_modules are exactly the production closure of package-lock.json', [
    ...[...shippedPackages].filter((p) => !prodPackages.includes(p) && !liftedFrom.has(p)).map((p) => `${p} is not a production dependency`),
    ...prodPackages.filter((p) => !shippedPackages.has(p) && !lifted.has(p)).map((p) => `${p} is a production dependency but is missing`)
  ])
  check(
    'no devDependency is inside app.asar',
    devDeps.filter((d) => [...shippedPackages].some((p) => p.endsWith(`node_modules/${d}`))).map((d) => `${d} is packed`)
  )
  check(
    'no source maps, TypeScript, type declarations, tests or dependency sources inside app.asar',
    files.filter((f) => /\.map$|\.[cm]?ts$|\.(test|spec)\.[cm]?[jt]sx?$|^node_modules\/(@[^/]+\/)?[^/]+\/src\//.test(f.path)).map((f) => f.path)
  )
  check(
    'every file in app.asar has an integrity hash (for the asar-integrity fuse)',
    files.filter((f) => !f.hashed).map((f) => f.path)
  )

  // The trimmed node_modules must still load: import each dependency from out/main, as the app does.
  const extracted = join(work, 'extracted')
  extractAll(asarPath, extracted)
  writeFileSync(
    join(extracted, 'out/main/probe.mjs'),
    // fsrs-browser is a web-target build that expects a worker's `self`; the app loads it only in its worker, which provides one.
    'globalThis.self ??= { addEventListener() {}, removeEventListener() {} }\n' +
      `for (const name of ${JSON.stringify(runtimeDeps)}) {\n` +
      '  const m = await import(name).catch((e) => { console.error(`${name}: ${e.message}`); process.exit(1) })\n' +
      '  if (Object.keys(m).length === 0) { console.error(`${name} loaded with no exports`); process.exit(1) }\n' +
      '}\n'
  )
  const probe = spawnSync(process.execPath, [join(extracted, 'out/main/probe.mjs')], { cwd: extracted, encoding: 'utf8' })
  check('each dependency imports from inside the packed app', probe.status === 0 ? [] : [probe.stderr.trim()])

  // The FSRS optimiser's worker and its .wasm must run from the packed files, as the app starts them.
  const worker = mainBundles.find((f) => f.startsWith('chunks/') && readFileSync(join(extracted, 'out/main', f), 'utf8').includes('computeParameters'))
  writeFileSync(
    join(extracted, 'out/main/optimiser-probe.mjs'),
    'import { Worker } from "node:worker_threads"\n' +
      `const w = new Worker(new URL(${JSON.stringify(`./${worker}`)}, import.meta.url), { workerData: { tag: "revision-desk/fsrs-optimise", sequences: { ratings: new Uint8Array([3, 3, 1, 3]), days: new Int32Array([0, 2, 9, 10]), lengths: new Uint32Array([4]) }, current: null, enableShortTerm: true } })\n` +
      'w.once("message", (m) => { if (!m.ok || m.parameters.length !== 21) { console.error(JSON.stringify(m)); process.exit(1) } process.exit(0) })\n' +
      'w.once("error", (e) => { console.error(e.message); process.exit(1) })\n'
  )
  const optimiser = worker ? spawnSync(process.execPath, [join(extracted, 'out/main/optimiser-probe.mjs')], { cwd: extracted, encoding: 'utf8' }) : null
  check(
    'the optimiser worker runs its .wasm from inside the packed app',
    !optimiser ? ['out/main/chunks has no optimiser-worker bundle'] : optimiser.status === 0 ? [] : [optimiser.stderr.trim()]
  )

  // The Anki .apkg export worker loads sql.js and finds its .wasm through Node's resolver: it must write a collection from the packed files.
  const ankiWorker = mainBundles.find((f) => f.startsWith('chunks/export-worker-') && readFileSync(join(extracted, 'out/main', f), 'utf8').includes('sql.js'))
  writeFileSync(
    join(extracted, 'out/main/anki-probe.mjs'),
    'import { Worker } from "node:worker_threads"\n' +
      `const w = new Worker(new URL(${JSON.stringify(`./${ankiWorker}`)}, import.meta.url), { workerData: { tag: "revision-desk/anki-export", title: "Probe", now: new Date().toISOString(), counts: {} } })\n` +
      'w.postMessage({ notes: [{ guid: "probe1", type: "basic", fields: ["Front", "Back"], tags: [] }] })\n' +
      'w.postMessage({ done: true })\n' +
      'w.once("message", (m) => { if (!m.ok || !(m.bytes instanceof Uint8Array) || m.bytes.length < 100) { console.error(JSON.stringify(m)); process.exit(1) } process.exit(0) })\n' +
      'w.once("error", (e) => { console.error(e.message); process.exit(1) })\n'
  )
  const anki = ankiWorker ? spawnSync(process.execPath, [join(extracted, 'out/main/anki-probe.mjs')], { cwd: extracted, encoding: 'utf8' }) : null
  check(
    'the Anki export worker runs sql.js and its .wasm from inside the packed app',
    !anki ? ['out/main/chunks has no export-worker bundle'] : anki.status === 0 ? [] : [anki.stderr.trim()]
  )

  const totalBytes = files.reduce((n, f) => n + f.size, 0)
  console.log(
    `\napp.asar: ${files.length} files, ${(totalBytes / 1024 / 1024).toFixed(2)} MB; node_modules: ${[...shippedPackages].map((p) => p.replace(/^.*node_modules\//, '')).join(', ')}`
  )
  console.log(`took ${((Date.now() - started) / 1000).toFixed(1)}s`)
  if (failures.length === 0) rmSync(work, { recursive: true, force: true })
  else console.log(`left the packed app in ${work} to look at`)
  console.log(`packaging: ${passed} passed, ${failures.length} failed`)
  process.exit(failures.length === 0 ? 0 : 1)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  console.log(`packaging: ${passed} passed, ${failures.length + 1} failed`)
  process.exit(1)
})
