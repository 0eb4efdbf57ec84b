// Why: serves the built renderer and nothing else, to both hosts (the app://
// scheme in Electron, loopback HTTP in the browser host). A request path is
// decoded once, refused if it smuggles `..`, a backslash, a drive or NUL, and
// the resolved real path must still sit inside the renderer folder.
import { realpathSync } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import nodePath from 'node:path'

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
  return MIME[nodePath.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/** The parts of `node:path` the mapping needs; tests pass `path.win32` to check Windows folders on any OS. */
export type PathApi = Pick<typeof nodePath, 'resolve' | 'sep' | 'isAbsolute'>

export type PathMapping = { kind: 'path'; path: string } | { kind: 'bad-request' } | { kind: 'not-found' }

/** True when `candidate` is `root` or inside it; Windows paths compare without case, as NTFS does. */
export function isInside(root: string, candidate: string, pathApi: PathApi = nodePath): boolean {
  const fold = pathApi.sep === '\\' ? (s: string) => s.toLowerCase() : (s: string) => s
  const r = fold(root.endsWith(pathApi.sep) ? root.slice(0, -1) : root)
  const c = fold(candidate)
  return c === r || c.startsWith(r + pathApi.sep)
}

/**
 * Maps a raw request pathname (still percent-encoded) to a path inside `root`,
 * with no file system access. `root` must already be absolute and real.
 */
export function mapRequestPath(rawPathname: string, root: string, pathApi: PathApi = nodePath): PathMapping {
  let decoded: string
  try {
    decoded = decodeURIComponent(rawPathname)
  } catch {
    return { kind: 'bad-request' }
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return { kind: 'bad-request' }
  const segments = decoded.split('/')
  if (segments.some((s) => s === '..' || s === '.')) return { kind: 'bad-request' }
  // A drive (`/C:/x`) or stream name (`a.js:x`) would let Windows resolve outside the folder.
  if (segments.some((s) => s.includes(':'))) return { kind: 'bad-request' }
  // Dotfiles are never part of a build; refusing them keeps stray secrets out.
  if (segments.some((s) => s.startsWith('.'))) return { kind: 'not-found' }
  const relative = '.' + (decoded.endsWith('/') ? decoded + 'index.html' : decoded)
  const candidate = pathApi.resolve(root, ...relative.split('/'))
  if (!isInside(root, candidate, pathApi)) return { kind: 'not-found' }
  return { kind: 'path', path: candidate }
}

export type StaticLookup = { kind: 'file'; file: string; size: number } | { kind: 'bad-request' } | { kind: 'not-found' }

export interface StaticRoot {
  /** Maps a raw request pathname (still percent-encoded) to a file inside the root. */
  lookup(rawPathname: string): Promise<StaticLookup>
}

export function createStaticRoot(dir: string): StaticRoot {
  const root = realpathSync(nodePath.resolve(dir))
  return {
    async lookup(rawPathname) {
      const mapped = mapRequestPath(rawPathname, root)
      if (mapped.kind !== 'path') return mapped
      try {
        // A symlink inside the build must not lead outside it.
        const real = await realpath(mapped.path)
        if (!isInside(root, real)) return { kind: 'not-found' }
        const info = await stat(real)
        if (!info.isFile()) return { kind: 'not-found' }
        return { kind: 'file', file: real, size: info.size }
      } catch {
        return { kind: 'not-found' }
      }
    }
  }
}
