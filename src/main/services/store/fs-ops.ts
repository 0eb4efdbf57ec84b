// Why: every filesystem call the store makes goes through this one small
// interface, so tests can inject a failing rename or write (EPERM, ENOSPC)
// without mocking node:fs or relying on chmod (root ignores it).
import { open, mkdir, readdir, readFile, rename, unlink } from 'node:fs/promises'

export interface StoreFs {
  /** Whole file as bytes; rejects with ENOENT when missing. */
  readFile(path: string): Promise<Buffer>
  /**
   * Writes `data` to `path`; with `fsync` the bytes are flushed to the device
   * before this resolves. `flag: 'wx'` refuses to overwrite (EEXIST).
   */
  writeFile(path: string, data: string | Uint8Array, opts: { flag: 'w' | 'wx'; fsync: boolean }): Promise<void>
  rename(from: string, to: string): Promise<void>
  unlink(path: string): Promise<void>
  readdir(dir: string): Promise<string[]>
  /** Recursive; fine if it exists. */
  mkdir(dir: string): Promise<void>
  /** Makes a rename inside `dir` durable. Best effort: never rejects. */
  syncDir(dir: string): Promise<void>
}

async function writeFileSynced(path: string, data: string | Uint8Array, opts: { flag: 'w' | 'wx'; fsync: boolean }): Promise<void> {
  // One buffer written in a loop (short writes resumed) is ~2× faster than
  // handle.writeFile's 512 KB chunking for a multi-MB store.
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
  const handle = await open(path, opts.flag)
  try {
    for (let offset = 0; offset < bytes.length; ) {
      const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset)
      offset += bytesWritten
    }
    if (opts.fsync) await handle.sync()
  } finally {
    await handle.close()
  }
}

async function syncDir(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return
  try {
    const handle = await open(dir, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // Some filesystems (network, FAT) reject fsync on a directory: the file
    // data itself was already synced, which is the part that matters most.
  }
}

export const nodeStoreFs: StoreFs = {
  readFile: (path) => readFile(path),
  writeFile: writeFileSynced,
  rename: (from, to) => rename(from, to),
  unlink: (path) => unlink(path),
  readdir: (dir) => readdir(dir),
  mkdir: async (dir) => {
    await mkdir(dir, { recursive: true })
  },
  syncDir
}

/** The real filesystem with any test overrides laid over it. */
export function storeFs(overrides?: Partial<StoreFs>): StoreFs {
  return { ...nodeStoreFs, ...overrides }
}

export function errnoOf(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code
}

/** Removes a file, ignoring "already gone". */
export async function removeIfPresent(fs: StoreFs, path: string): Promise<void> {
  try {
    await fs.unlink(path)
  } catch (err) {
    if (errnoOf(err) !== 'ENOENT') throw err
  }
}
