// Why: one build for the three Electron targets. The preload is bundled into a
// single CommonJS file because a sandboxed preload cannot load ES modules or
// require its own chunks.
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import type { Plugin } from 'vite'

const root = fileURLToPath(new URL('.', import.meta.url))

/**
 * Vite's dev server injects component styles as <style> tags, which the strict
 * CSP refuses. Relax style-src for `electron-vite dev` only; builds keep the
 * policy exactly as written in index.html (a test checks out/renderer).
 */
function devOnlyInlineStyles(): Plugin {
  return {
    name: 'revision-desk:dev-inline-styles',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
  }
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: { input: { index: resolve(root, 'src/main/index.ts') } }
    }
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false }
      }
    }
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    resolve: { alias: { '@renderer': resolve(root, 'src/renderer/src'), '@shared': resolve(root, 'src/shared') } },
    build: {
      minify: true,
      rollupOptions: { input: { index: resolve(root, 'src/renderer/index.html') } }
    },
    plugins: [
      vue(),
      // Messages are compiled here, at build time: the page then runs vue-i18n's runtime-only
      // build, which never compiles a message, so the CSP needs no 'unsafe-eval'.
      VueI18nPlugin({ include: [resolve(root, 'src/renderer/src/i18n/locales/**/*.json')], runtimeOnly: true, compositionOnly: true, fullInstall: false }),
      devOnlyInlineStyles()
    ]
  }
})
