// Why: the automatic copies a student can go back to, all in <dataDir>/backups:
// the stores' own daily copies (<store>-<YYYY-MM-DD>.json, see store/backups.ts)
// and the full copies taken before a restore, a reset or a deletion
// (before-<kind>-<timestamp>.json). The page names one by an opaque id that is
// only ever looked up in this folder's own listing, so it can never name a path.
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { AutomaticBackup, AutomaticBackupKind } from '../../../shared/domain/data'
import { NotFoundError } from '../errors'
import { backupsDir } from '../store/backups'
import { tempPathFor } from '../store/durable-file'
import { errnoOf, removeIfPresent, type StoreFs } from '../store/fs-ops'
import { fileStamp } from '../store/recovery'

/** Full copies kept; the oldest beyond this are removed when a new one is made. */
export const FULL_BACKUPS_KEPT = 10

export type FullKind = Exclude<AutomaticBackupKind, 'daily'>

const FULL = /^before-(restore|reset|delete)-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)(?:-(\d+))?\.json$/
const DAILY =
  /^(settings|progress|study|study-journal|study-mocks|annotations|annotations-journal|prelims-paper|tuning|study-log-\d{4}-\d{2})-(\d{4}-\d{2}-\d{2})\.json$/

const STORE_LABELS: Record<string, string> = {
  settings: 'Display settings',
  progress: 'Reading progress',
  study: 'Study cards, highlight cards and exam dates',
  'study-journal': 'Recent reviews',
  'study-mocks': 'Mock tests',
  annotations: 'Highlights and notes',
  'annotations-journal': 'Recent highlight changes',
  'prelims-paper': 'Prelims papers',
  tuning: 'Scheduler: desired retention and fitted parameters'
}
const FULL_LABELS: Record<FullKind, string> = {
  'before-restore': 'Everything, as it was before a restore',
  'before-reset': 'Everything, as it was before a reset',
  'before-delete': 'Everything, as it was before a pack’s progress was deleted'
}

export function storeLabel(store: string): string {
  const month = /^study-log-(\d{4}-\d{2})$/.exec(store)?.[1]
  return month ? `Review history for ${month}` : (STORE_LABELS[store] ?? store)
}

interface Parsed {
  kind: AutomaticBackupKind
  store?: string
  day?: string
}

function parseName(name: string): Parsed | null {
  const full = FULL.exec(name)
  if (full) return { kind: `before-${full[1]}` as FullKind }
  const daily = DAILY.exec(name)
  if (daily) return { kind: 'daily', store: daily[1] as string, day: daily[2] as string }
  return null
}

async function names(fs: StoreFs, dir: string): Promise<string[]> {
  try {
    return await fs.readdir(backupsDir(dir))
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return []
    throw error
  }
}

/** Every automatic backup, newest first. */
export async function listAutomaticBackups(fs: StoreFs, dir: string): Promise<AutomaticBackup[]> {
  const out: AutomaticBackup[] = []
  for (const name of await names(fs, dir)) {
    const parsed = parseName(name)
    if (!parsed) continue
    let info
    try {
      info = await stat(join(backupsDir(dir), name))
    } catch {
      continue // removed while listing
    }
    if (!info.isFile()) continue
    const label =
      parsed.kind === 'daily'
        ? `${storeLabel(parsed.store as string)}, as it was before the first change on ${parsed.day}`
        : FULL_LABELS[parsed.kind as FullKind]
    out.push({
      id: name,
      kind: parsed.kind,
      createdAt: info.mtime.toISOString(),
      sizeBytes: info.size,
      label,
      ...(parsed.store ? { store: parsed.store } : {})
    })
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1))
}

/** Reads the backup with this id, if the folder lists one. */
export async function readAutomaticBackup(fs: StoreFs, dir: string, id: string): Promise<{ backup: AutomaticBackup; bytes: Buffer }> {
  const backup = (await listAutomaticBackups(fs, dir)).find((b) => b.id === id)
  if (!backup) throw new NotFoundError(`There is no automatic backup called "${id}"; the list may be out of date.`)
  return { backup, bytes: await fs.readFile(join(backupsDir(dir), backup.id)) }
}

/**
 * Writes a full copy (temp + fsync + rename), never over an existing one,
 * then removes the oldest full copies beyond FULL_BACKUPS_KEPT. Returns its file name.
 */
export async function writeFullBackup(fs: StoreFs, dir: string, kind: FullKind, content: string, at: Date): Promise<string> {
  const folder = backupsDir(dir)
  await fs.mkdir(folder)
  const existing = new Set(await names(fs, dir))
  let name = `${kind}-${fileStamp(at)}.json`
  for (let n = 2; existing.has(name); n++) name = `${kind}-${fileStamp(at)}-${n}.json`
  const target = join(folder, name)
  const temp = tempPathFor(target)
  try {
    await fs.writeFile(temp, content, { flag: 'w', fsync: true })
    await fs.rename(temp, target)
  } catch (error) {
    await removeIfPresent(fs, temp).catch(() => undefined)
    throw error
  }
  await fs.syncDir(folder)
  const full = (await listAutomaticBackups(fs, dir)).filter((b) => b.kind !== 'daily' && b.id !== name)
  for (const old of full.slice(FULL_BACKUPS_KEPT - 1)) await removeIfPresent(fs, join(folder, old.id)).catch(() => undefined)
  return name
}
