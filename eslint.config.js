// Why: the house rules a reviewer would otherwise have to notice, held by a
// tool: shared code imports no electron/node/vue, the renderer imports nothing
// from main, services never import electron, no import cycles, no v-html.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import importX from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import prettier from 'eslint-config-prettier'
import { builtinModules } from 'node:module'

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)]
const restrict = (...groups) => ['error', { patterns: groups }]
/** Node's modules by exact name: a pattern would also catch our own `domain` folder. */
const noNode = (message) => nodeBuiltins.map((name) => ({ name, message }))
const restrictWithNode = (message, ...groups) => ['error', { paths: noNode(message), patterns: groups }]

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'build/**',
      'src/web/bridge-client.js',
      'tests/desktop/stand-in/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' } }
  },
  {
    files: ['**/*.{ts,vue,js,mjs}'],
    // The TypeScript parser inside .vue files, also when import-x reads a .vue file while linting a .ts one.
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js', '.mjs', '.vue'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'], 'vue-eslint-parser': ['.vue'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.node.json', 'tsconfig.web.json'], noWarnOnMultipleProjects: true })]
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'vue/no-v-html': 'error',
      // Match questions name their lists "List I" and "List II", as UPSC papers do.
      'vue/attribute-hyphenation': ['warn', 'always', { ignore: ['listI', 'listII'] }],
      'vue/multi-word-component-names': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-undef': 'off'
    }
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': restrictWithNode(
        'src/shared is plain TypeScript: no electron, node or vue.',
        { group: ['electron', 'vue', 'vue-router', 'pinia'], message: 'src/shared is plain TypeScript: no electron, node or vue.' },
        { group: ['**/main/**', '**/renderer/**', '**/web/**', '**/preload/**'], message: 'src/shared imports no other layer.' }
      )
    }
  },
  {
    files: ['src/renderer/**'],
    rules: {
      'no-restricted-imports': restrictWithNode(
        'The renderer runs in a sandboxed page: no electron, no node.',
        { group: ['electron'], message: 'The renderer runs in a sandboxed page: no electron, no node.' },
        {
          group: ['**/main/**', '**/web/**', '**/preload/index', '**/preload/index.ts'],
          message: 'The renderer imports nothing from main; it talks to it through api.ts.'
        }
      )
    }
  },
  {
    files: ['src/main/**'],
    ignores: ['src/main/index.ts', 'src/main/ipc.ts'],
    rules: {
      'no-restricted-imports': restrict({
        group: ['electron'],
        message: 'Only src/main/index.ts and src/main/ipc.ts import electron; services stay plain TypeScript.'
      })
    }
  },
  {
    files: ['src/preload/**'],
    rules: {
      'no-restricted-imports': restrict({ group: ['**/main/**', '**/renderer/**', '**/web/**'], message: 'The preload exposes the contract and nothing else.' })
    }
  },
  {
    files: ['src/web/**'],
    rules: {
      'no-restricted-imports': restrict({ group: ['electron'], message: 'The browser host runs the same services without Electron.' })
    }
  },
  {
    files: ['tests/**', 'bench/**'],
    // Playwright fixtures must destructure `{}` to declare they use no other fixture.
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off', 'no-empty-pattern': 'off' }
  },
  prettier
)
