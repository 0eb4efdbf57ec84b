// Why: the CSP that ships is the one in the built page, not the source; this
// reads out/renderer/index.html and fails if it was loosened.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const built = join(__dirname, '../../out/renderer/index.html')

function policyOf(html: string): Map<string, string[]> {
  const match = html.match(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i)
  if (!match) throw new Error('no CSP meta tag in the built index.html')
  return new Map(
    match[1]!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map((parts) => [parts[0]!, parts.slice(1)])
  )
}

describe('the built renderer CSP', () => {
  it('exists (build first: npx electron-vite build)', () => {
    expect(existsSync(built), `${built} is missing; run npx electron-vite build before the tests`).toBe(true)
  })

  const policy = (): Map<string, string[]> => policyOf(readFileSync(built, 'utf8'))

  it("is default-src 'self' and script-src 'self' only", () => {
    expect(policy().get('default-src')).toEqual(["'self'"])
    expect(policy().get('script-src')).toEqual(["'self'"])
    expect(policy().get('object-src')).toEqual(["'none'"])
    expect(policy().get('base-uri')).toEqual(["'none'"])
  })

  it('allows no eval, no inline script and no remote origin anywhere', () => {
    for (const [directive, sources] of policy()) {
      for (const source of sources) {
        expect(source, `${directive} ${source}`).not.toMatch(/unsafe-eval|unsafe-inline|^https?:|^wss?:|^\*/)
        if (directive !== 'img-src') expect(source, `${directive} ${source}`).not.toBe('data:')
      }
    }
  })

  it('loads only local scripts', () => {
    const html = readFileSync(built, 'utf8')
    const srcs = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!)
    expect(srcs.length).toBeGreaterThan(0)
    for (const src of srcs) expect(src).toMatch(/^\.?\//)
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/)
  })
})
