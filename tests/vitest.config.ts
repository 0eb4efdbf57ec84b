// Why: unit tests run in node against real temp files; component tests run in
// happy-dom with the api client mocked; built tests read what the build wrote
// to out/, so `npm run test:unit` (unit and component only) needs no build.
// Threads, not forks: the files start faster, and no test needs its own process.
import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

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
        plugins: [vue()],
        resolve: { alias: { '@renderer': resolve(root, 'src/renderer/src'), '@shared': resolve(root, 'src/shared') } },
        test: { name: 'component', pool: 'threads', environment: 'happy-dom', include: ['tests/component/**/*.test.ts'] }
      },
      {
        root,
        test: { name: 'built', pool: 'threads', environment: 'node', include: ['tests/built/**/*.test.ts'], testTimeout: 60_000 }
      }
    ]
  }
})
