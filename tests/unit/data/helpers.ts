// Why: the data tests make real progress through the real handlers on temp
// folders, and compare folders by the hash of every file, so "nothing
// changed" is a claim about bytes on disk.
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Handlers } from '../../../src/shared/contract'
import { createAppServices, type AppServices } from '../../../src/main/services/app-services'
import { tinyPack } from '../fixtures/tiny-pack'

/** 10:00 IST on a fixed day, so recall values and backup names do not drift between calls. */
export const NOW = new Date('2026-11-25T04:30:00.000Z')
export const clock = (): Date => new Date(NOW)

export interface Dirs {
  dataDir: string
  packsDir: string
}

export async function makeDirs(): Promise<Dirs> {
  const dataDir = await mkdtemp(join(tmpdir(), 'rd-data-'))
  const packsDir = await mkdtemp(join(tmpdir(), 'rd-data-packs-'))
  await mkdir(join(packsDir, 'tiny'))
  await writeFile(join(packsDir, 'tiny', 'pack.json'), JSON.stringify(tinyPack()))
  return { dataDir, packsDir }
}

export async function removeDirs(dirs: Dirs): Promise<void> {
  await rm(dirs.dataDir, { recursive: true, force: true })
  await rm(dirs.packsDir, { recursive: true, force: true })
}

export function openApp(dirs: Dirs, at: () => Date = clock): Promise<AppServices> {
  return createAppServices({ ...dirs, host: 'web', version: '9.9.9', clock: at })
}

/** path → sha256 of every file under `dir` (optionally skipping some top-level folders). */
export async function hashes(dir: string, skip: string[] = []): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  const walk = async (d: string, top: boolean): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      if (top && skip.includes(entry.name)) continue
      const full = join(d, entry.name)
      if (entry.isDirectory()) await walk(full, false)
      else
        out[full] = createHash('sha256')
          .update(await readFile(full))
          .digest('hex')
    }
  }
  await walk(dir, true)
  return out
}

/** One of everything a student saves: settings, reading, reviews, a highlight card, an exam, a mock, highlights. */
export async function makeProgress(h: Handlers): Promise<{ keptId: string; goneId: string }> {
  await h['settings:update']({ theme: 'dark', fontSize: 22 })
  await h['progress:markRead']({ packId: 'tiny', sectionId: 'sec-one', read: true })
  await h['progress:setLocation']({ packId: 'tiny', sectionId: 'sec-one', blockId: 'blk-b' })
  await h['study:rate']({ packId: 'tiny', itemId: 'q:q-1', rating: 3 })
  await h['study:rate']({ packId: 'tiny', itemId: 'cell:row-first/russia', rating: 1 })
  await h['study:addCustomCard']({
    packId: 'tiny',
    id: 'hl-1',
    kind: 'highlight-cloze',
    text: 'India and Russia met in {{blank}}.',
    answer: 'New Delhi',
    blockId: 'blk-a'
  })
  await h['exam:set']({
    packId: 'tiny',
    dates: { prelims: '2027-05-25', mains: { gs1: null, gs2: null, gs3: null, gs4: null, essay: null } },
    minutesPerDay: 60
  })
  const paper = await h['mock:start']({ packId: 'tiny', count: 1 })
  await h['mock:submit']({ mockId: paper.mockId, answers: { 'q-1': 0 } })
  const kept = await h['annotations:add']({ packId: 'tiny', blockId: 'blk-a', selector: { exact: 'New Delhi' }, color: 'yellow', note: 'capital' })
  const gone = await h['annotations:add']({ packId: 'tiny', blockId: 'blk-a', selector: { exact: 'Russia' }, color: 'green' })
  await h['annotations:delete']({ id: gone.id })
  await h['annotations:update']({ id: kept.id, note: 'the capital' })
  return { keptId: kept.id, goneId: gone.id }
}

/** Everything the renderer can see about the student's work, through the handlers. */
export async function visibleState(h: Handlers): Promise<unknown> {
  return {
    settings: await h['settings:get'](undefined),
    progress: await h['progress:get']({ packId: 'tiny' }),
    due: await h['study:queue']({ packId: 'tiny', mode: 'cram', limit: 100 }),
    stats: await h['study:stats']({ packId: 'tiny' }),
    plan: await h['exam:plan']({ packId: 'tiny' }),
    mocks: await h['mock:history']({ packId: 'tiny' }),
    annotations: await h['annotations:list']({ packId: 'tiny' }),
    search: await h['search:query']({ query: 'capital' })
  }
}

/** The backup's stores only (createdAt differs between exports). */
export async function exportedStores(h: Handlers): Promise<unknown> {
  const { content } = await h['data:exportBackup'](undefined)
  return (JSON.parse(content) as { stores: unknown }).stores
}
