// Why: a student can add a notes pack from a file and take it out again.
// Everything about the file is checked before the first byte is written
// (size, nesting, forbidden keys, the pack schema with the path of the bad
// field, an id no loaded pack has), so a bad file changes nothing on disk.
// A good one is written to a hidden staging folder and renamed into
// <dataDir>/packs/<id> in one step, so a crash never leaves half a pack.
// Removing a pack removes only its file: its progress stays, and comes back
// if the pack is imported again (deleting progress is a separate, confirmed step).
// Replacing an imported pack (update from an edited notes file) writes the new
// file the same way and keeps every review and highlight, which are keyed by id.
import { randomBytes } from 'node:crypto'
import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { PACK_MAX_BYTES } from '../../../shared/domain/data'
import type { Pack, PackList, PackSummary } from '../../../shared/domain'
import { PackSchema } from '../../../shared/pack/schema'
import { NotFoundError, ServiceError, WriteFailedError } from '../errors'
import { summarise, type PackService } from '../packs/pack-service'
import { errnoOf, storeFs, type StoreFs } from '../store/fs-ops'
import { fileStamp } from '../store/recovery'
import { parseUntrustedJson } from './safe-json'

export const IMPORTED_PACKS_FOLDER = 'packs'
export const importedPacksDir = (dataDir: string): string => join(dataDir, IMPORTED_PACKS_FOLDER)

export interface PackImporterOptions {
  dataDir: string
  packs: PackService
  clock?: () => Date
  /** Test seam: a write or rename that fails. */
  fs?: Partial<StoreFs>
}

export interface PackImporter {
  import(fileName: string, content: string): Promise<PackSummary>
  /** Update from file: the pack in `content` takes the place of the imported pack `packId` (same id), in one rename. */
  replace(fileName: string, content: string, packId: string): Promise<PackSummary>
  remove(packId: string): Promise<PackList>
}

const badPack = (message: string, issues: { path: string; message: string }[] = []): ServiceError => new ServiceError('bad-pack', message, issues)

/** Best effort: folders an import or removal left when it was cut short. */
async function clearLeftovers(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[])
  for (const name of names) if (/^\.(staging|removed)-/.test(name)) await rm(join(dir, name), { recursive: true, force: true }).catch(() => undefined)
}

export function createPackImporter(opts: PackImporterOptions): PackImporter {
  const { packs } = opts
  const fs = storeFs(opts.fs)
  const clock = opts.clock ?? (() => new Date())
  const dir = importedPacksDir(opts.dataDir)

  async function write(id: string, text: string, asideAs = '.broken-'): Promise<void> {
    const target = join(dir, id)
    const staging = join(dir, `.staging-${id}-${randomBytes(6).toString('hex')}`)
    try {
      await fs.mkdir(staging)
      await fs.writeFile(join(staging, 'pack.json'), text, { flag: 'wx', fsync: true })
      try {
        await fs.rename(staging, target)
      } catch (error) {
        const code = errnoOf(error)
        if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EPERM') throw error
        // A folder with this id that did not load (its file was broken): keep it aside, untouched, and put the new one in.
        await fs.rename(target, join(dir, `${asideAs}${id}-${fileStamp(clock())}`))
        await fs.rename(staging, target)
      }
      await fs.syncDir(dir)
    } catch (error) {
      await rm(staging, { recursive: true, force: true }).catch(() => undefined)
      throw new WriteFailedError(join(target, 'pack.json'), error)
    }
  }

  function validate(fileName: string, content: string): { pack: Pack; text: string } {
    const parsed = parseUntrustedJson(content, { label: fileName, maxBytes: PACK_MAX_BYTES })
    if (!parsed.ok) throw badPack(parsed.message, parsed.issues)
    const result = PackSchema.safeParse(parsed.value)
    if (!result.success) {
      const issues = result.error.issues.slice(0, 50).map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }))
      const first = issues[0] as { path: string; message: string }
      const hint = (parsed.value as { format?: unknown } | null)?.format === 'revision-desk-backup' ? ' It is a backup: restore it under Settings → Data.' : ''
      throw badPack(`${fileName} is not a valid notes pack: ${first.path}: ${first.message}.${hint}`, issues)
    }
    return { pack: result.data, text: parsed.text }
  }

  return {
    async import(fileName, content) {
      const { pack, text } = validate(fileName, content)
      const source = packs.sourceOf(pack.id)
      if (source) {
        const title = packs.get(pack.id).title
        throw badPack(
          source === 'bundled'
            ? `${fileName} has the id "${pack.id}", which the built-in pack “${title}” already uses. A pack needs its own id to be imported.`
            : `A pack with the id "${pack.id}" (“${title}”) is already imported. Remove it first to import this file in its place.`,
          [{ path: 'id', message: 'already in use' }]
        )
      }
      await clearLeftovers(dir)
      await write(pack.id, text)
      packs.addImported(pack)
      return summarise(pack, 'imported')
    },

    async replace(fileName, content, packId) {
      const { pack, text } = validate(fileName, content)
      if (pack.id !== packId)
        throw badPack(`${fileName} has the id "${pack.id}", not "${packId}", so it cannot update that pack.`, [
          { path: 'id', message: 'not the pack being updated' }
        ])
      const source = packs.sourceOf(packId)
      if (!source) throw new NotFoundError(`No notes pack with id "${packId}".`)
      if (source === 'bundled') throw new ServiceError('validation', `“${packs.get(packId).title}” is built into the app and cannot be updated from a file.`)
      await clearLeftovers(dir)
      // The old folder is set aside under a name clearLeftovers removes, and the new one renamed in.
      await write(pack.id, text, '.removed-')
      packs.removeImported(packId)
      packs.addImported(pack)
      return summarise(pack, 'imported')
    },

    async remove(packId) {
      const source = packs.sourceOf(packId)
      if (!source) throw new NotFoundError(`No notes pack with id "${packId}".`)
      if (source === 'bundled') throw new ServiceError('validation', `“${packs.get(packId).title}” is built into the app and cannot be removed.`)
      const aside = join(dir, `.removed-${packId}-${fileStamp(clock())}`)
      try {
        // One rename takes the pack out of what the next start loads.
        await fs.rename(join(dir, packId), aside)
        await fs.syncDir(dir)
      } catch (error) {
        throw new WriteFailedError(join(dir, packId), error)
      }
      packs.removeImported(packId)
      await rm(aside, { recursive: true, force: true }).catch(() => undefined)
      return packs.list()
    }
  }
}
