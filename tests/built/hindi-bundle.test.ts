// Why: an English-medium student should not download the Hindi interface, and
// no student's page may compile a message at run time (the CSP has no
// 'unsafe-eval'). This reads what the build wrote: the first route's scripts
// (index.html's entry and its static imports) carry no Hindi message, a
// separate chunk does, and the runtime-only vue-i18n is what shipped.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const out = join(__dirname, '../../out/renderer')
const assets = join(out, 'assets')
const DEVANAGARI = /[\u0900-\u097F]/

/** The entry script and every chunk it imports statically, as the first route loads them. */
function firstRoute(): string[] {
  const html = readFileSync(join(out, 'index.html'), 'utf8')
  const entry = /<script[^>]+src="\.?\/?assets\/([^"]+\.js)"/.exec(html)?.[1]
  if (!entry) throw new Error('no entry script in out/renderer/index.html')
  const seen = new Set<string>()
  const visit = (file: string): void => {
    if (seen.has(file)) return
    seen.add(file)
    const code = readFileSync(join(assets, file), 'utf8')
    // Static imports only: `import ... from "./x.js"` / `import "./x.js"`, not import("./x.js").
    for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w${},\s*]+from\s*)?["']\.\/([^"']+\.js)["']/g)) visit(m[1]!)
  }
  visit(entry)
  return [...seen]
}

describe('the built Hindi interface', () => {
  it('exists (build first: npx electron-vite build)', () => {
    expect(existsSync(join(out, 'index.html'))).toBe(true)
  })

  it('is a chunk of its own, not in the first route', () => {
    const route = firstRoute()
    expect(route.length).toBeGreaterThan(0)
    const hindiChunks = readdirSync(assets).filter((f) => f.endsWith('.js') && DEVANAGARI.test(readFileSync(join(assets, f), 'utf8')))
    expect(hindiChunks.some((f) => /^hi-/.test(f))).toBe(true)
    // The language control's own name, "Language / भाषा", and the option "हिन्दी" are the only Devanagari the first route may carry.
    for (const file of route) {
      const code = readFileSync(join(assets, file), 'utf8')
      const words = new Set(code.match(/[\u0900-\u097F]+/g) ?? [])
      expect(
        [...words].filter((w) => w !== 'भाषा' && w !== 'हिन्दी'),
        file
      ).toEqual([])
    }
  })

  it('ships messages precompiled: no message with a {placeholder} is left as a string to compile', () => {
    const all = readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(assets, f), 'utf8'))
      .join('\n')
    expect(all).not.toMatch(/new Function\(|\beval\(/)
    // Compiled, "{action}" becomes an AST node ({t:4,k:"action"}); left raw, the runtime-only build could not show it.
    const catalogue = JSON.parse(readFileSync(join(__dirname, '../../src/renderer/src/i18n/locales/hi/common.json'), 'utf8')) as {
      notices: { couldNot: string }
    }
    const raw = catalogue.notices.couldNot
    expect(raw).toContain('{action}')
    expect(all).not.toContain(raw)
    expect(all).toMatch(/k:\s*[`"']action[`"']/)
  })
})
