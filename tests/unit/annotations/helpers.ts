// Why: annotation tests open the real service on a temp folder with a fixed
// clock and a pack they can edit between "restarts".
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openAnnotationService, type AnnotationServiceOptions } from '../../../src/main/services/annotations/annotation-service'
import { createPackService } from '../../../src/main/services/packs/pack-service'
import type { Pack } from '../../../src/shared/pack/schema'
import { tinyPack } from '../fixtures/tiny-pack'

export const FIXED = new Date('2026-11-02T09:30:00.000Z')
export const fixedClock = (): Date => new Date(FIXED)

/** The tiny pack plus a second section, so grouping by section can be seen. */
export function twoSectionPack(): Pack {
  const pack = tinyPack()
  pack.sections.push({
    id: 'sec-two',
    title: 'Two',
    blocks: [
      {
        id: 'blk-c',
        kind: 'paragraph',
        title: 'Logistics',
        text: 'RELOS was signed in February 2025 and ratified by Russia in December 2025.',
        sourceIds: ['src-a']
      }
    ]
  })
  return pack
}

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'rd-annotations-'))
}

export const removeDir = (dir: string): Promise<void> => rm(dir, { recursive: true, force: true })

/** Sequential ids so expectations can name them. */
export function counterIds(): () => string {
  let n = 0
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`
}

export function openWith(dir: string, packs: Pack[], extra: Partial<AnnotationServiceOptions> = {}) {
  const service = createPackService({ packs: new Map(packs.map((p) => [p.id, p])), errors: [] })
  return openAnnotationService({ dir, packs: service, clock: fixedClock, newId: counterIds(), ...extra })
}

/** The saved state as a restart reads it, before the journal: annotations-meta.json and the annotations-part-NN.json files. */
export async function savedOnDisk(dir: string): Promise<{ appliedThrough: number; annotations: Record<string, any>; trash: any[] }> {
  const read = async (name: string) => {
    try {
      return JSON.parse(await readFile(join(dir, name), 'utf8')).data
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw error
    }
  }
  const meta = (await read('annotations-meta.json')) ?? { appliedThrough: 0, trash: [] }
  const annotations: Record<string, unknown> = {}
  for (const name of (await readdir(dir)).filter((n) => /^annotations-part-\d\d\.json$/.test(n)).sort())
    Object.assign(annotations, (await read(name)).annotations)
  return { appliedThrough: meta.appliedThrough, annotations, trash: meta.trash }
}
