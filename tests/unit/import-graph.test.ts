// Why: the layering rules are what keep zod out of the page and the preload
// and keep modules loadable in any order, and nothing in the compiler enforces
// them: this reads every import in src/ (Vue script blocks included) and
// checks there is no cycle, that the zod-free core stays zod-free, and that
// the page and the preload reach the schemas through type imports only.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(__dirname, '../..')
const src = join(root, 'src')
const ALIASES: Record<string, string> = { '@renderer/': 'src/renderer/src/', '@shared/': 'src/shared/' }

interface Edge {
  from: string
  /** A file under src/ (repo-relative), or the bare package name. */
  to: string
  typeOnly: boolean
  dynamic: boolean
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return walk(path)
    return /\.(ts|vue)$/.test(name) ? [path] : []
  })
}

/** The code of a file: a .vue file's script blocks, with comments blanked out. */
function code(path: string): string {
  const text = readFileSync(path, 'utf8')
  const scripts = path.endsWith('.vue') ? [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n') : text
  return scripts.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')
}

function resolveSpecifier(from: string, query: string): string {
  // A build query (`./worker?modulePath`) still names the file it builds.
  const spec = query.replace(/\?[\w&=-]+$/, '')
  const alias = Object.keys(ALIASES).find((a) => spec.startsWith(a))
  let base: string
  if (alias) base = join(root, ALIASES[alias] as string, spec.slice(alias.length))
  else if (spec.startsWith('.')) base = resolve(dirname(from), spec)
  else return spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] as string)
  for (const candidate of [base, `${base}.ts`, `${base}.vue`, `${base}.d.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(root, candidate)
  }
  throw new Error(`${relative(root, from)}: cannot resolve "${spec}"`)
}

// `import a, { b, type c } from 'x'`, `export * from 'x'`, `import 'x'`, `import('x')`.
const STATIC = /(?:^|[;\n])\s*(import|export)\s+(type\s+)?([\w\s{},*$]*?)\s*from\s*['"]([^'"]+)['"]/g
const BARE = /(?:^|[;\n])\s*import\s*['"]([^'"]+)['"]/g
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g

function edgesOf(path: string): Edge[] {
  const text = code(path)
  const from = relative(root, path)
  const edges: Edge[] = []
  for (const m of text.matchAll(STATIC)) {
    const clause = (m[3] ?? '').trim()
    const names = /^\{([\s\S]*)\}$/
      .exec(clause)?.[1]
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    // Without verbatimModuleSyntax an import whose every name is `type X` is erased, like `import type`.
    const typeOnly = m[2] !== undefined || (names !== undefined && names.length > 0 && names.every((n) => n.startsWith('type ')))
    edges.push({ from, to: resolveSpecifier(path, m[4] as string), typeOnly, dynamic: false })
  }
  for (const m of text.matchAll(BARE)) edges.push({ from, to: resolveSpecifier(path, m[1] as string), typeOnly: false, dynamic: false })
  for (const m of text.matchAll(DYNAMIC)) edges.push({ from, to: resolveSpecifier(path, m[1] as string), typeOnly: false, dynamic: true })
  return edges.filter((e) => !/\.(css|json|svg|png|woff2?)$/.test(e.to))
}

const files = walk(src)
const edges = files.flatMap(edgesOf)
const inSrc = (to: string): boolean => to.startsWith('src/')

/**
 * Strongly connected components of more than one file (Tarjan) over the given
 * edges. Lazy imports count: a view loaded on demand still runs its imports.
 */
function cycles(include: (e: Edge) => boolean): string[][] {
  const next = new Map<string, string[]>()
  for (const e of edges) if (inSrc(e.to) && include(e)) next.set(e.from, [...(next.get(e.from) ?? []), e.to])
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  let counter = 0
  const visit = (v: string): void => {
    index.set(v, counter)
    low.set(v, counter++)
    stack.push(v)
    onStack.add(v)
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number))
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = []
      let w: string
      do {
        w = stack.pop() as string
        onStack.delete(w)
        scc.push(w)
      } while (w !== v)
      if (scc.length > 1 || (next.get(v) ?? []).includes(v)) found.push(scc.sort())
    }
  }
  for (const f of files.map((p) => relative(root, p))) if (!index.has(f)) visit(f)
  return found
}

const runtime = (e: Edge): boolean => !e.typeOnly
const fmt = (e: Edge): string => `${e.from} → ${e.to}`
const isCore = (f: string): boolean => f.startsWith('src/shared/domain/')
/** What the page and the preload may load at run time from src/shared: the zod-free core and the two plain modules. */
const ZOD_FREE = (f: string): boolean => isCore(f) || f === 'src/shared/channels.ts' || f === 'src/shared/result.ts'

describe('import graph of src/', () => {
  it('reads a real graph (a guard against a parser that finds nothing)', () => {
    expect(files.length).toBeGreaterThan(150)
    expect(edges.some((e) => e.from === 'src/renderer/src/api.ts' && e.to === 'src/shared/channels.ts' && !e.typeOnly)).toBe(true)
    expect(edges.some((e) => e.from === 'src/shared/channels.ts' && e.to === 'src/shared/contract.ts' && e.typeOnly)).toBe(true)
    expect(edges.some((e) => e.from === 'src/renderer/src/router.ts' && e.dynamic)).toBe(true)
  })

  // Type-only imports are erased before anything loads, so a cycle through one cannot change load order (ESLint's import-x/no-cycle skips them too).
  it('has no import cycle among the imports that run, lazy ones included', () => {
    expect(cycles((e) => !e.typeOnly)).toEqual([])
  })

  it('has no cycle inside src/shared, not even through type imports, so the core can be read (and split) file by file', () => {
    expect(cycles((e) => e.from.startsWith('src/shared/'))).toEqual([])
  })

  it('keeps the domain core zod-free: at run time it imports only itself', () => {
    const leaks = edges.filter((e) => isCore(e.from) && runtime(e) && !isCore(e.to)).map(fmt)
    expect(leaks).toEqual([])
  })

  it('keeps channels.ts and result.ts free of run-time imports, so the preload bundles neither zod nor the contract', () => {
    const leaks = edges.filter((e) => (e.from === 'src/shared/channels.ts' || e.from === 'src/shared/result.ts') && runtime(e)).map(fmt)
    expect(leaks).toEqual([])
  })

  it('lets the page and the preload load only the zod-free side of src/shared (types from the schemas are erased)', () => {
    const page = (f: string): boolean => f.startsWith('src/renderer/') || f.startsWith('src/preload/')
    const leaks = edges.filter((e) => page(e.from) && runtime(e) && (e.to === 'zod' || (e.to.startsWith('src/shared/') && !ZOD_FREE(e.to)))).map(fmt)
    expect(leaks).toEqual([])
  })

  it('keeps src/shared free of electron, node and vue', () => {
    const leaks = edges.filter((e) => e.from.startsWith('src/shared/') && !e.to.startsWith('src/shared/') && e.to !== 'zod').map(fmt)
    expect(leaks).toEqual([])
  })

  it('keeps stores and lib below the components: they never import a component folder or a view', () => {
    const lower = (f: string): boolean => f.startsWith('src/renderer/src/stores/') || f.startsWith('src/renderer/src/lib/')
    const upper = (f: string): boolean => f.startsWith('src/renderer/src/components/') || f.startsWith('src/renderer/src/views/')
    const leaks = edges.filter((e) => lower(e.from) && upper(e.to)).map(fmt)
    expect(leaks).toEqual([])
  })
})
