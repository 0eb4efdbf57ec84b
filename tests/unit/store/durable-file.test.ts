// Why: lowdb writes through this adapter; on Windows an antivirus or indexer briefly locks the target,
// so a locked rename is retried a few times while a real fault (a full disk) fails at once, leaving nothing.
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DurableDataFile } from '../../../src/main/services/store/durable-file'
import { nodeStoreFs, type StoreFs } from '../../../src/main/services/store/fs-ops'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rd-adapter-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const errnoError = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: injected`), { code })

describe('DurableDataFile (lowdb adapter)', () => {
  const adapterWith = (rename: StoreFs['rename'], renameRetries: number): DurableDataFile<{ n: number }> =>
    new DurableDataFile(join(dir, 'a.json'), {
      parse: JSON.parse,
      stringify: (d) => JSON.stringify(d),
      fs: { ...nodeStoreFs, rename },
      renameRetries,
      retryDelayMs: 1
    })

  it('retries a briefly locked target (Windows antivirus: EBUSY/EPERM), then succeeds', async () => {
    let failures = 2
    const adapter = adapterWith(async (from, to) => {
      if (failures-- > 0) throw errnoError('EBUSY')
      await nodeStoreFs.rename(from, to)
    }, 3)
    await adapter.write({ n: 1 })
    expect(await adapter.read()).toEqual({ n: 1 })
  })

  it('gives up after its retries, and never retries a non-transient error', async () => {
    let calls = 0
    const eperm = adapterWith(async () => {
      calls++
      throw errnoError('EPERM')
    }, 2)
    await expect(eperm.write({ n: 1 })).rejects.toMatchObject({ code: 'EPERM' })
    expect(calls).toBe(3)

    calls = 0
    const enospc = adapterWith(async () => {
      calls++
      throw errnoError('ENOSPC')
    }, 5)
    await expect(enospc.write({ n: 1 })).rejects.toMatchObject({ code: 'ENOSPC' })
    expect(calls).toBe(1)
    expect(await readdir(dir)).toEqual([])
  })

  it('reads null for a missing file, like lowdb adapters', async () => {
    expect(await adapterWith(nodeStoreFs.rename, 0).read()).toBeNull()
  })
})
