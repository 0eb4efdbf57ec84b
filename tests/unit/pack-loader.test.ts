// Why: a malformed pack must give an error naming the file and the bad field,
// and must never stop the good packs from loading.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadPacksFrom, readPackFile } from '../../src/main/services/packs/pack-loader'
import { createPackService } from '../../src/main/services/packs/pack-service'
import { tinyPack } from './fixtures/tiny-pack'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rd-packs-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function putPack(folder: string, content: unknown): Promise<string> {
  await mkdir(join(dir, folder), { recursive: true })
  const file = join(dir, folder, 'pack.json')
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content))
  return file
}

describe('pack loader', () => {
  it('loads a valid pack', async () => {
    await putPack('tiny', tinyPack())
    const { packs, errors } = await loadPacksFrom(dir)
    expect(errors).toEqual([])
    expect([...packs.keys()]).toEqual(['tiny'])
  })

  it('names the file when it is not JSON', async () => {
    const file = await putPack('tiny', '{"id": "tiny",')
    const result = await readPackFile(file)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.file).toBe(file)
      expect(result.error.message).toContain(file)
      expect(result.error.message).toMatch(/not valid JSON/)
    }
  })

  it('names the path of a bad field', async () => {
    const pack = tinyPack()
    ;(pack.sections[0]!.blocks[0] as { kind: string }).kind = 'poem'
    const file = await putPack('tiny', pack)
    const result = await readPackFile(file)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.issues.map((i) => i.path)).toContain('sections.0.blocks.0.kind')
      expect(result.error.message).toContain('sections.0.blocks.0.kind')
    }
  })

  it.each([
    ['a duplicate id', (p: ReturnType<typeof tinyPack>) => (p.sections[0]!.blocks[1]!.id = p.sections[0]!.blocks[0]!.id), /duplicate id/],
    ['an unknown source', (p: ReturnType<typeof tinyPack>) => (p.sections[0]!.blocks[0]!.sourceIds = ['nope']), /unknown source id "nope"/],
    ['a question testing nothing real', (p: ReturnType<typeof tinyPack>) => (p.questions[0]!.tests = ['ghost-block']), /neither a block id nor a cell ref/],
    [
      'a missing table cell',
      (p: ReturnType<typeof tinyPack>) => delete (p.tables[0]!.rows[0]!.cells as Record<string, unknown>)['russia'],
      /missing cell for column "russia"/
    ],
    ['an answer past the options', (p: ReturnType<typeof tinyPack>) => ((p.questions[0] as { answer: number }).answer = 9), /past the last option/],
    ['a javascript: source address', (p: ReturnType<typeof tinyPack>) => (p.sources[0]!.address = 'javascript:alert(1)'), /.+/]
  ])('rejects %s', async (_name, spoil, message) => {
    const pack = tinyPack()
    spoil(pack)
    const result = await readPackFile(await putPack('tiny', pack))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.issues.map((i) => i.message).join('\n')).toMatch(message)
  })

  it('keeps loading good packs beside a bad one, and refuses an id that does not match its folder', async () => {
    await putPack('tiny', tinyPack())
    await putPack('broken', '[]')
    await putPack('other', { ...tinyPack(), id: 'tiny' })
    const { packs, errors } = await loadPacksFrom(dir)
    expect([...packs.keys()]).toEqual(['tiny'])
    expect(errors.map((e) => e.file).sort()).toEqual([join(dir, 'broken', 'pack.json'), join(dir, 'other', 'pack.json')])
  })

  it('reports a missing packs folder instead of throwing', async () => {
    const { packs, errors } = await loadPacksFrom(join(dir, 'nowhere'))
    expect(packs.size).toBe(0)
    expect(errors[0]!.message).toMatch(/Cannot read the packs folder/)
  })

  it('serves summaries and refuses an unknown pack id with not-found', async () => {
    await putPack('tiny', tinyPack())
    const service = createPackService(await loadPacksFrom(dir))
    expect(service.list().packs[0]).toMatchObject({ id: 'tiny', counts: { sections: 1, questions: 1, tables: 1 } })
    expect(() => service.get('missing')).toThrow(expect.objectContaining({ code: 'not-found' }))
  })
})
