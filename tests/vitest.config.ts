// Why: unit tests run in node against real temp files; component tests run in
// happy-dom with the api client mocked. One config, two projects.
import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

const root = resolve(__dirname, '..')

export default defineConfig({
  root,
  test: {
    projects: [
      {
        root,
        test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'], testTimeout: 60_000 }
      },
      {
        root,
        plugins: [vue()],
        resolve: { alias: { '@renderer': resolve(root, 'src/renderer/src'), '@shared': resolve(root, 'src/shared') } },
        test: { name: 'component', environment: 'happy-dom', include: ['tests/component/**/*.test.ts'] }
      }
    ]
  }
})
