// Why: unit tests run in node against real temp files; component tests run in
// happy-dom with the api client mocked; built tests read what the build wrote
// to out/, so `npm run test:unit` (unit and component only) needs no build.
// Threads, not forks: the files start faster, and no test needs its own process.
import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'

const root = resolve(import.meta.dirname, '..')

export default defineConfig({
  root,
  test: {
    projects: [
      {
        root,
        test: { name: 'unit', pool: 'threads', environment: 'node', include: ['tests/unit/**/*.test.ts'], testTimeout: 60_000 }
      },
      {
        root,
        // The same precompiled messages as the build, so a component test renders what the app renders.
        plugins: [vue(), VueI18nPlugin({ include: [resolve(root, 'src/renderer/src/i18n/locales/**/*.json')], compositionOnly: true, fullInstall: false })],
        resolve: { alias: { '@renderer': resolve(root, 'src/renderer/src'), '@shared': resolve(root, 'src/shared') } },
        // The first test of a file pays for transforming the lazily loaded views; on a busy 2-core
        // machine that alone has passed vitest's 5 s default, and a test timed out mid-mount leaves
        // its app in the DOM for the next. Speed is measured in `npm run bench`, never here.
        test: { name: 'component', pool: 'threads', environment: 'happy-dom', include: ['tests/component/**/*.test.ts'], testTimeout: 30_000 }
      },
      {
        root,
        test: { name: 'built', pool: 'threads', environment: 'node', include: ['tests/built/**/*.test.ts'], testTimeout: 60_000 }
      }
    ]
  }
})
