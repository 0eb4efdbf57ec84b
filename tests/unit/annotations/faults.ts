// Why: filesystem operations that fail on demand, to stop a save at a chosen
// file: a rename refused (EPERM, a file held open on Windows) or a full disk
// (ENOSPC on writing a whole file; an append in place still fits).
import { rename } from 'node:fs/promises'
import { nodeStoreFs, type StoreFs } from '../../../src/main/services/store/fs-ops'

export function renameFaults(): { fs: Partial<StoreFs>; failWhen: (to: string) => boolean } {
  const faults = {
    failWhen: (_to: string) => false,
    fs: {
      rename: async (from: string, to: string) => {
        if (faults.failWhen(to)) throw Object.assign(new Error('injected EPERM'), { code: 'EPERM' })
        await rename(from, to)
      }
    } satisfies Partial<StoreFs>
  }
  return faults
}

/** Whole-file writes whose path `failWhen` picks fail with ENOSPC; `failed` counts them. */
export function diskFullFaults(): { fs: Partial<StoreFs>; failWhen: (path: string) => boolean; failed: number } {
  const faults = {
    failWhen: (_path: string) => false,
    failed: 0,
    fs: {
      writeFile: async (path: string, data: string | Uint8Array, opts: { flag: 'w' | 'wx'; fsync: boolean }) => {
        if (faults.failWhen(path)) {
          faults.failed++
          throw Object.assign(new Error('injected ENOSPC: no space left on device'), { code: 'ENOSPC' })
        }
        await nodeStoreFs.writeFile(path, data, opts)
      }
    } satisfies Partial<StoreFs>
  }
  return faults
}
