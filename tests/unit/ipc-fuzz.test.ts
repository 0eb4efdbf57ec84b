// Why: whatever a compromised page sends, a bad input must come back as a
// validation error and must not touch a single byte on disk.
import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHANNELS } from '../../src/shared/channels'
import { contract } from '../../src/shared/contract'
import { createDispatcher, type Dispatch } from '../../src/main/dispatch'
import { createAppServices, type AppServices } from '../../src/main/services/app-services'
import { tinyPack } from './fixtures/tiny-pack'
import { mkdir, writeFile } from 'node:fs/promises'

let dataDir: string
let packsDir: string
let services: AppServices
let dispatch: Dispatch

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  const walk = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const full = join(d, entry.name)
      if (entry.isDirectory()) await walk(full)
      else
        out[full] = createHash('sha256')
          .update(await readFile(full))
          .digest('hex')
    }
  }
  await walk(dir)
  return out
}

/** Inputs shaped like the real ones but wrong, and anything at all. */
const hostile = fc.oneof(
  fc.anything({
    maxDepth: 3,
    withNullPrototype: true,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true
  }),
  fc.record(
    {
      packId: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', '../../etc', 'tiny', ''), fc.integer()),
      sectionId: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'sec-one'), fc.constant(null)),
      read: fc.oneof(fc.boolean(), fc.string()),
      theme: fc.oneof(fc.string(), fc.constantFrom('dark', '<script>alert(1)</script>')),
      fontSize: fc.oneof(fc.double(), fc.integer(), fc.string()),
      extra: fc.anything()
    },
    { requiredKeys: [] }
  )
)

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rd-fuzz-data-'))
  packsDir = await mkdtemp(join(tmpdir(), 'rd-fuzz-packs-'))
  await mkdir(join(packsDir, 'tiny'))
  await writeFile(join(packsDir, 'tiny', 'pack.json'), JSON.stringify(tinyPack()))
  services = await createAppServices({ dataDir, packsDir, host: 'web', version: 'test' })
  dispatch = createDispatcher(services.handlers, () => undefined)
  // Put real files on disk first, so "unchanged" is a claim about bytes, not absence.
  expect(await dispatch('settings:update', { theme: 'dark' })).toMatchObject({ ok: true })
  expect(await dispatch('progress:markRead', { packId: 'tiny', sectionId: 'sec-one', read: true })).toMatchObject({ ok: true })
  await services.close()
})

afterAll(async () => {
  await services.close()
  await rm(dataDir, { recursive: true, force: true })
  await rm(packsDir, { recursive: true, force: true })
})

describe('every channel refuses hostile input', () => {
  it.each(CHANNELS)('%s: 1,000 invalid inputs give only validation errors and leave the files unchanged', async (channel) => {
    const before = await snapshot(dataDir)
    expect(Object.keys(before).length).toBeGreaterThanOrEqual(2)
    const schema = contract[channel].input
    let runs = 0
    await fc.assert(
      fc.asyncProperty(
        hostile.filter((input) => !schema.safeParse(input).success),
        async (input) => {
          runs += 1
          const result = await dispatch(channel, input)
          expect(result.ok).toBe(false)
          if (!result.ok) expect(result.error.code).toBe('validation')
        }
      ),
      { numRuns: 1000 }
    )
    await services.close()
    expect(runs).toBeGreaterThanOrEqual(1000)
    expect(await snapshot(dataDir)).toEqual(before)
  })

  it('refuses an unknown channel the same way', async () => {
    expect(await dispatch('fs:readFile', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'validation' } })
  })
})
