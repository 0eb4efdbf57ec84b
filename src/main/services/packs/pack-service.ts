// Why: the read-only library of notes packs the renderer browses; loaded once
// at start so every later call is a lookup.
import type { Pack, PackList, PackSummary } from '../../../shared/domain'
import { NotFoundError } from '../errors'
import { loadPacksFrom, type LoadedPacks } from './pack-loader'

export interface PackService {
  list(): PackList
  get(packId: string): Pack
  has(packId: string): boolean
}

export function summarise(pack: Pack): PackSummary {
  return {
    id: pack.id,
    title: pack.title,
    ...(pack.subtitle ? { subtitle: pack.subtitle } : {}),
    version: pack.version,
    asOf: pack.asOf,
    counts: { sections: pack.sections.length, questions: pack.questions.length, tables: pack.tables.length, glossary: pack.glossary.length }
  }
}

export function createPackService(loaded: LoadedPacks): PackService {
  const summaries = [...loaded.packs.values()].map(summarise)
  return {
    list: () => ({ packs: summaries, errors: loaded.errors }),
    has: (packId) => loaded.packs.has(packId),
    get(packId) {
      const pack = loaded.packs.get(packId)
      if (!pack) throw new NotFoundError(`No notes pack with id "${packId}".`)
      return pack
    }
  }
}

export async function openPackService(packsDir: string): Promise<PackService> {
  return createPackService(await loadPacksFrom(packsDir))
}
