// Why: serves the built renderer and nothing else. A request path is decoded
// once, refused if it smuggles `..`, a backslash or NUL, and the resolved real
// path must still sit inside the renderer folder, so no file beside it leaks.
import { realpathSync } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm'
}

export function mimeType(file: string): string {
  return MIME[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

export type StaticLookup = { kind: 'file'; file: string; size: number } | { kind: 'bad-request' } | { kind: 'not-found' }

export interface StaticRoot {
  /** Maps a raw request pathname (still percent-encoded) to a file inside the root. */
  lookup(rawPathname: string): Promise<StaticLookup>
}

export function createStaticRoot(dir: string): StaticRoot {
  const root = realpathSync(resolve(dir))
  const inside = (p: string) => p === root || p.startsWith(root + sep)

  return {
    async lookup(rawPathname) {
      let decoded: string
      try {
        decoded = decodeURIComponent(rawPathname)
      } catch {
        return { kind: 'bad-request' }
      }
      if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return { kind: 'bad-request' }
      const segments = decoded.split('/')
      if (segments.some((s) => s === '..' || s === '.')) return { kind: 'bad-request' }
      // Dotfiles are never part of a build; refusing them keeps stray secrets out.
      if (segments.some((s) => s.startsWith('.'))) return { kind: 'not-found' }

      const candidate = resolve(root, '.' + (decoded.endsWith('/') ? decoded + 'index.html' : decoded))
      if (!inside(candidate)) return { kind: 'not-found' }
      try {
        const real = await realpath(candidate)
        if (!inside(real)) return { kind: 'not-found' }
        const info = await stat(real)
        if (!info.isFile()) return { kind: 'not-found' }
        return { kind: 'file', file: real, size: info.size }
      } catch {
        return { kind: 'not-found' }
      }
    }
  }
}
