// Why: the browser host runs as built JavaScript under plain `node`, not through
// tsx, so a SIGTERM reaches its own handler and it always exits the same way.
// out/web/server.js sits two folders below the repo root, as src/web/server.ts
// does, so the paths it derives (out/renderer, resources/packs) still resolve.
import { readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { basename, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, defineConfig, type Plugin, type Rolldown } from 'vite'

const root = fileURLToPath(new URL('.', import.meta.url))

/** bridge.ts reads bridge-client.js beside itself at run time, so it ships beside the bundle. */
function bridgeClientBesideBundle(): Plugin {
  const source = resolve(root, 'src/web/bridge-client.js')
  return {
    name: 'revision-desk:bridge-client',
    buildStart() {
      this.addWatchFile(source)
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'bridge-client.js', source: readFileSync(source, 'utf8') })
    }
  }
}

const nodeExternals = [...builtinModules, /^node:/]

/**
 * `?modulePath` as electron-vite gives it to the main build: the file bundled
 * on its own and written beside server.js, the import being its absolute path
 * (the FSRS optimiser's worker thread loads from it).
 */
function modulePathBesideBundle(): Plugin {
  const QUERY = '?modulePath'
  // Emitted at generateBundle: Vite drops assets emitted earlier from an SSR build.
  const workers = new Map<string, string>()
  return {
    name: 'revision-desk:module-path',
    buildStart() {
      workers.clear()
    },
    generateBundle() {
      for (const [fileName, source] of workers) this.emitFile({ type: 'asset', fileName, source })
    },
    async load(id) {
      if (!id.endsWith(QUERY)) return null
      const file = id.slice(0, -QUERY.length)
      const fileName = `${basename(file).replace(/\.[cm]?[jt]s$/, '')}.js`
      const built = (await build({
        configFile: false,
        logLevel: 'warn',
        build: {
          ssr: file,
          write: false,
          target: 'node20',
          minify: false,
          rollupOptions: { external: nodeExternals, output: { format: 'es', entryFileNames: fileName, codeSplitting: false } }
        }
      })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[]
      const entry = (Array.isArray(built) ? built[0]! : built).output.find((c) => c.type === 'chunk' && c.isEntry) as Rolldown.OutputChunk
      this.addWatchFile(file)
      workers.set(fileName, entry.code)
      return `import { dirname, join } from 'node:path'\nimport { fileURLToPath } from 'node:url'\nexport default join(dirname(fileURLToPath(import.meta.url)), ${JSON.stringify(fileName)})`
    }
  }
}

export default defineConfig({
  root,
  publicDir: false,
  // The host reads its own env (PORT, REVISION_DESK_DATA_DIR) at run time.
  envPrefix: 'REVISION_DESK_BUILD_',
  build: {
    ssr: resolve(root, 'src/web/server.ts'),
    outDir: resolve(root, 'out/web'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    copyPublicDir: false,
    rollupOptions: {
      // Dependencies stay in node_modules, loaded by node as the services load them in Electron.
      external: nodeExternals,
      output: { format: 'es', entryFileNames: 'server.js', codeSplitting: false }
    }
  },
  plugins: [bridgeClientBesideBundle(), modulePathBesideBundle()]
})
