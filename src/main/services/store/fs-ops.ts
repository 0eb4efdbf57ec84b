// Why: every filesystem call the store makes goes through this one small
// interface, so tests can inject a failing rename or write (EPERM, ENOSPC)
// without mocking node:fs or relying on chmod (root ignores it).
import { constants } from 'node:fs'
import { open, mkdir, readdir, readFile, rename, unlink, type FileHandle } from 'node:fs/promises'

/** An existing file opened for writes at known offsets (a store's append fast path). */
export interface InPlaceFile {
  /** Current length in bytes. */
  size(): Promise<number>
  /** Writes all of `data` at byte `position`; if opened `durable`, it is on the device before this resolves. */
  writeAt(data: Uint8Array, position: number): Promise<void>
  close(): Promise<void>
}

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
  /**
   * Opens an existing file to overwrite its end in place; rejects with ENOENT
   * when missing. `durable`: each write is on the device before it resolves.
   */
  openInPlace(path: string, durable: boolean): Promise<InPlaceFile>
}

async function writeFileSynced(path: string, data: string | Uint8Array, opts: { flag: 'w' | 'wx'; fsync: boolean }): Promise<void> {
  // One buffer written in a loop (short writes resumed) is ~2× faster than
  // handle.writeFile's 512 KB chunking for a multi-MB store.
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
  const handle = await open(path, opts.flag)
  try {
    for (let offset = 0; offset < bytes.length;) {
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

// Where the OS has it (Linux, macOS), O_DSYNC makes each write return only
// once its bytes and the new length are on the device, like write + fdatasync
// but in one call. The timestamps are not synced; the file itself was made
// durable (rename + folder fsync) when it was created.
const O_DSYNC: number | undefined = (constants as { O_DSYNC?: number }).O_DSYNC

async function openInPlace(path: string, durable: boolean): Promise<InPlaceFile> {
  const dsync = durable && O_DSYNC !== undefined
  const handle: FileHandle = await open(path, dsync ? constants.O_RDWR | (O_DSYNC as number) : 'r+')
  return {
    size: async () => (await handle.stat()).size,
    async writeAt(data, position) {
      for (let offset = 0; offset < data.length;) {
        const { bytesWritten } = await handle.write(data, offset, data.length - offset, position + offset)
        offset += bytesWritten
      }
      if (durable && !dsync) await handle.datasync()
    },
    close: () => handle.close()
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
  syncDir,
  openInPlace
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
