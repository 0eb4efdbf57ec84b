// Why: the browser host runs as built JavaScript under plain `node`, not through
// tsx, so a SIGTERM reaches its own handler and it always exits the same way.
// out/web/server.js sits two folders below the repo root, as src/web/server.ts
// does, so the paths it derives (out/renderer, resources/packs) still resolve.
import { readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'

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
      external: [...builtinModules, /^node:/],
      output: { format: 'es', entryFileNames: 'server.js', codeSplitting: false }
    }
  },
  plugins: [bridgeClientBesideBundle()]
})
