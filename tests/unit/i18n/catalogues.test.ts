// Why: a Hindi screen with an English hole, or a message whose {placeholder}
// was renamed in one language, is only seen by a student who happens to open
// it. Reading both catalogues from disk catches both for every message at once.
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const LOCALES = resolve(import.meta.dirname, '../../../src/renderer/src/i18n/locales')

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = `${prefix}${key}`
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of flatten(value, `${path}.`)) out.set(k, v)
  }
  return out
}

function catalogue(locale: string): Map<string, string> {
  const dir = join(LOCALES, locale)
  const all = new Map<string, string>()
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const area = file.replace(/\.json$/, '')
    for (const [k, v] of flatten(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Tree, `${area}.`)) all.set(k, v)
  }
  return all
}

/** The named placeholders a message uses ({count}, {file}), sorted. */
export function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*\}/g)].map((m) => m[1]!))].sort()
}

/** How many plural forms a message has ("one | other" is 2). */
const forms = (message: string): number => message.split(/\s\|\s/).length

const en = catalogue('en')
const hi = catalogue('hi')

describe('the English and Hindi catalogues', () => {
  it('have the same files and the same keys', () => {
    expect(readdirSync(join(LOCALES, 'hi')).sort()).toEqual(readdirSync(join(LOCALES, 'en')).sort())
    expect([...hi.keys()].filter((k) => !en.has(k))).toEqual([])
    expect([...en.keys()].filter((k) => !hi.has(k))).toEqual([])
    expect(en.size).toBeGreaterThan(20)
  })

  it('use the same placeholders and the same number of plural forms in every message', () => {
    const mismatched = [...en].filter(([key, text]) => {
      const other = hi.get(key) ?? ''
      return placeholders(text).join() !== placeholders(other).join() || forms(text) !== forms(other)
    })
    expect(mismatched.map(([key]) => key)).toEqual([])
  })

  it('leave no Hindi message empty or identical to a long English one', () => {
    // Short strings (px, Alt+1–6, names) may rightly be the same; a whole English sentence may not.
    const untranslated = [...hi].filter(
      ([key, text]) => text.trim() === '' || (text === en.get(key) && /[a-z]{4,}\s+[a-z]{4,}/i.test(text) && !/[\u0900-\u097F]/.test(text))
    )
    expect(untranslated.map(([key]) => key)).toEqual([])
  })

  it('catches a renamed placeholder (the check itself can fail)', () => {
    expect(placeholders('{file} पढ़ी नहीं जा सकी')).not.toEqual(placeholders('We couldn’t read {name}.'))
    expect(placeholders('{ count } cards | {count} card')).toEqual(['count'])
  })
})
