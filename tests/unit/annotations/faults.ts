// Why: a rename that fails on demand, to stop a save at a chosen file.
import { rename } from 'node:fs/promises'
import type { StoreFs } from '../../../src/main/services/store/fs-ops'

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
