// Why: the library of notes packs the renderer browses: the bundled packs,
// plus those a student imported (kept in <dataDir>/packs). Loaded once at
// start so every later call is a lookup; an import or removal updates it only
// after the file is on disk (or gone), so the list never shows what a restart
// would not.
import type { Pack, PackList, PackLoadError, PackSummary } from '../../../shared/domain/app'
import type { PackSource } from '../../../shared/domain/data'
import { NotFoundError } from '../errors'
import { loadPacksFrom, type LoadedPacks } from './pack-loader'

export interface PackService {
  list(): PackList
  /** The loaded pack; a NotFoundError if there is none with this id. */
  get(packId: string): Pack
  has(packId: string): boolean
  /** Throws the same NotFoundError as get() when no such pack is loaded: for calls that need the pack to exist, not the pack. */
  requirePack(packId: string): void
  /** Where a loaded pack came from; undefined when no such pack is loaded. */
  sourceOf(packId: string): PackSource | undefined
  /** Shows an imported pack whose file is already written. */
  addImported(pack: Pack): void
  /** Hides an imported pack whose file is already removed. */
  removeImported(packId: string): void
}

export function summarise(pack: Pack, source: PackSource = 'bundled'): PackSummary {
  return {
    id: pack.id,
    title: pack.title,
    ...(pack.titleHi ? { titleHi: pack.titleHi } : {}),
    ...(pack.subtitle ? { subtitle: pack.subtitle } : {}),
    version: pack.version,
    asOf: pack.asOf,
    counts: { sections: pack.sections.length, questions: pack.questions.length, tables: pack.tables.length, glossary: pack.glossary.length },
    source
  }
}

const notFound = (packId: string): NotFoundError => new NotFoundError(`No notes pack with id "${packId}".`)

/** Bundled packs first; an imported pack whose id a bundled one already has is reported, not loaded. */
export function createPackService(bundled: LoadedPacks, imported: LoadedPacks = { packs: new Map(), errors: [] }): PackService {
  const packs = new Map<string, { pack: Pack; source: PackSource }>()
  for (const [id, pack] of bundled.packs) packs.set(id, { pack, source: 'bundled' })
  const errors: PackLoadError[] = [...bundled.errors, ...imported.errors]
  for (const [id, pack] of imported.packs) {
    if (packs.has(id)) {
      errors.push({
        file: id,
        message: `An imported pack has the id "${id}", which a built-in pack already uses; the built-in one is shown.`,
        issues: [{ path: 'id', message: 'duplicate pack id' }]
      })
    } else packs.set(id, { pack, source: 'imported' })
  }
  return {
    list: () => ({ packs: [...packs.values()].map((p) => summarise(p.pack, p.source)), errors: [...errors] }),
    has: (packId) => packs.has(packId),
    sourceOf: (packId) => packs.get(packId)?.source,
    get(packId) {
      const found = packs.get(packId)
      if (!found) throw notFound(packId)
      return found.pack
    },
    requirePack(packId) {
      if (!packs.has(packId)) throw notFound(packId)
    },
    addImported(pack) {
      if (packs.has(pack.id)) throw new Error(`pack "${pack.id}" is already loaded`)
      packs.set(pack.id, { pack, source: 'imported' })
    },
    removeImported(packId) {
      if (packs.get(packId)?.source === 'imported') packs.delete(packId)
    }
  }
}

/** `importedDir` is <dataDir>/packs; it need not exist yet. */
export async function openPackService(packsDir: string, importedDir?: string): Promise<PackService> {
  const [bundled, imported] = await Promise.all([loadPacksFrom(packsDir), importedDir ? loadPacksFrom(importedDir, { missingOk: true }) : undefined])
  return createPackService(bundled, imported)
}
