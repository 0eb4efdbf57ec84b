// Why: which sections a student has read and where they stopped, so the app
// reopens at the same place. Checked against the pack so a stale id is refused.
import * as z from 'zod'
import type { PackProgress, ReadingLocation } from '../../shared/domain'
import { Id } from '../../shared/pack/schema'
import { ServiceError } from './errors'
import type { PackService } from './packs/pack-service'
import { openJsonStore, type JsonStore } from './store/json-store'

const Location = z.object({ sectionId: Id, blockId: Id.optional() }).strict()
const PackEntry = z.object({ readSections: z.array(Id), location: Location.nullable() }).strict()
export const ProgressSchema = z.object({ packs: z.record(Id, PackEntry) }).strict()
export type ProgressData = z.infer<typeof ProgressSchema>

export const PROGRESS_STORE = { name: 'progress', version: 1 } as const

export interface ProgressService {
  get(packId: string): PackProgress
  markRead(packId: string, sectionId: string, read: boolean): Promise<PackProgress>
  setLocation(packId: string, location: ReadingLocation): Promise<PackProgress>
  readonly store: JsonStore<ProgressData>
}

export async function openProgressService(dir: string, packs: PackService, clock?: () => Date): Promise<ProgressService> {
  const store = await openJsonStore<ProgressData>({
    dir,
    name: PROGRESS_STORE.name,
    version: PROGRESS_STORE.version,
    schema: ProgressSchema,
    defaults: () => ({ packs: {} }),
    ...(clock ? { clock } : {})
  })

  const view = (packId: string): PackProgress => {
    const entry = store.data.packs[packId]
    return { packId, readSections: [...(entry?.readSections ?? [])], location: entry?.location ? { ...entry.location } : null }
  }
  const requireSection = (packId: string, sectionId: string, blockId?: string): void => {
    const section = packs.get(packId).sections.find((s) => s.id === sectionId)
    if (!section) throw new ServiceError('validation', `Pack "${packId}" has no section "${sectionId}".`, [{ path: 'sectionId', message: 'unknown section' }])
    if (blockId !== undefined && !section.blocks.some((b) => b.id === blockId)) {
      throw new ServiceError('validation', `Section "${sectionId}" has no block "${blockId}".`, [{ path: 'blockId', message: 'unknown block' }])
    }
  }
  const entryOf = (draft: ProgressData, packId: string): z.infer<typeof PackEntry> => (draft.packs[packId] ??= { readSections: [], location: null })

  return {
    store,
    get(packId) {
      packs.requirePack(packId)
      return view(packId)
    },
    async markRead(packId, sectionId, read) {
      requireSection(packId, sectionId)
      await store.update((draft) => {
        const entry = entryOf(draft, packId)
        const others = entry.readSections.filter((id) => id !== sectionId)
        entry.readSections = read ? [...others, sectionId] : others
      })
      return view(packId)
    },
    async setLocation(packId, location) {
      requireSection(packId, location.sectionId, location.blockId)
      await store.update((draft) => {
        entryOf(draft, packId).location = location.blockId ? { sectionId: location.sectionId, blockId: location.blockId } : { sectionId: location.sectionId }
      })
      return view(packId)
    }
  }
}
