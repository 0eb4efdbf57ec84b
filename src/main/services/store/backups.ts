// Why: a bad day (a bug that wipes highlights, a damaged file) must be
// recoverable, so each store keeps one copy per calendar day, taken before the
// day's first write, and the newest few are kept.
import { join } from 'node:path'
import { localDay } from '../../../shared/domain/dates'
import { tempPathFor } from './durable-file'
import { errnoOf, removeIfPresent, type StoreFs } from './fs-ops'
import { decodeStoreBytesSliced, type DecodeSpec } from './migrations'

export const BACKUP_FOLDER = 'backups'

export interface BackupFile {
  /** YYYY-MM-DD, the student's local calendar day. */
  day: string
  path: string
}

/** The local calendar day: "today" is what the student's clock says. */
export function dayKey(date: Date): string {
  return localDay(date)
}

export function backupsDir(dir: string): string {
  return join(dir, BACKUP_FOLDER)
}

export function backupPath(dir: string, name: string, day: string): string {
  return join(backupsDir(dir), `${name}-${day}.json`)
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** This store's backups, newest day first. Other stores' files never match. */
export async function listBackups(fs: StoreFs, dir: string, name: string): Promise<BackupFile[]> {
  let entries: string[]
  try {
    entries = await fs.readdir(backupsDir(dir))
  } catch (err) {
    if (errnoOf(err) === 'ENOENT') return []
    throw err
  }
  const pattern = new RegExp(`^${escapeRegExp(name)}-(\\d{4}-\\d{2}-\\d{2})\\.json$`)
  return entries
    .flatMap((entry) => {
      const day = pattern.exec(entry)?.[1]
      return day ? [{ day, path: join(backupsDir(dir), entry) }] : []
    })
    .sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0))
}

/** The newest backup that decodes and validates, or null. Unreadable ones are skipped. */
export async function loadNewestValidBackup<T>(fs: StoreFs, dir: string, name: string, spec: DecodeSpec<T>): Promise<{ file: BackupFile; data: T } | null> {
  for (const file of await listBackups(fs, dir, name)) {
    let bytes: Buffer
    try {
      bytes = await fs.readFile(file.path)
    } catch {
      continue
    }
    const decoded = await decodeStoreBytesSliced(bytes, spec)
    if (decoded.ok) return { file, data: decoded.data }
  }
  return null
}

export interface DailyBackupRequest {
  fs: StoreFs
  dir: string
  name: string
  /** The live store file, known to be valid. */
  source: string
  day: string
  keep: number
  fsync: boolean
}

/**
 * Copies `source` to today's backup unless today already has one (the first
 * copy of a day is the state before that day's first write), then prunes to
 * the newest `keep`. Returns whether a new backup was written.
 */
export async function ensureDailyBackup(req: DailyBackupRequest): Promise<boolean> {
  const { fs, dir, name, day } = req
  if (req.keep <= 0) return false
  const existing = await listBackups(fs, dir, name)
  if (existing.some((b) => b.day === day)) return false

  let bytes: Buffer
  try {
    bytes = await fs.readFile(req.source)
  } catch (err) {
    if (errnoOf(err) === 'ENOENT') return false
    throw err
  }
  await fs.mkdir(backupsDir(dir))
  const target = backupPath(dir, name, day)
  const temp = tempPathFor(target)
  try {
    await fs.writeFile(temp, bytes, { flag: 'w', fsync: req.fsync })
    await fs.rename(temp, target)
  } catch (err) {
    await removeIfPresent(fs, temp).catch(() => undefined)
    throw err
  }
  if (req.fsync) await fs.syncDir(backupsDir(dir))

  const stale = [{ day, path: target }, ...existing].sort((a, b) => (a.day < b.day ? 1 : -1)).slice(req.keep)
  for (const old of stale) await removeIfPresent(fs, old.path)
  return true
}

/** Removes temp files a crash may have left in the backups folder for this store. */
export async function cleanBackupTemps(fs: StoreFs, dir: string, name: string): Promise<void> {
  let entries: string[]
  try {
    entries = await fs.readdir(backupsDir(dir))
  } catch {
    return
  }
  const pattern = new RegExp(`^\\.${escapeRegExp(name)}-\\d{4}-\\d{2}-\\d{2}\\.json\\.tmp$`)
  for (const entry of entries) {
    if (pattern.test(entry)) await removeIfPresent(fs, join(backupsDir(dir), entry)).catch(() => undefined)
  }
}

/** One store's "before the day's first write" rule: which day is already covered, and whether there is a file worth copying. */
export class DailyBackup {
  readonly #req: Omit<DailyBackupRequest, 'day'>
  readonly #clock: () => Date
  #backupDay: string | null = null
  /** The file on disk is a valid store, so it may be copied as a backup. */
  fileValid: boolean

  constructor(req: Omit<DailyBackupRequest, 'day'>, clock: () => Date, fileValid: boolean) {
    this.#req = req
    this.#clock = clock
    this.fileValid = fileValid
  }

  /** Copies the file if today has no backup yet; never throws. */
  async beforeWrite(): Promise<void> {
    const keep = this.#req.keep
    const day = dayKey(this.#clock())
    if (keep <= 0 || day === this.#backupDay) return
    if (!this.fileValid) {
      // No valid file before today's first write: nothing to keep for today.
      this.#backupDay = day
      return
    }
    try {
      await ensureDailyBackup({ ...this.#req, day })
      this.#backupDay = day
    } catch {
      // A missed backup must not stop the student's change from being saved;
      // it is tried again before the next write.
    }
  }
}
