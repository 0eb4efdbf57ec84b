// Why: the review history is kept in parts of at most ARCHIVE_BLOCK ids per
// month (study-log-YYYY-MM_bN.json), so a checkpoint rewrites a few hundred
// kB, never a whole month of reviews. Each part merges by id, so repeating a
// write a crash interrupted is harmless. A backup holds the history by month;
// this splits a month into its parts and joins them back.
import { FileShelf, groupBy } from '../store/file-shelf'
import type { StoreFileOptions } from '../store/json-store'
import { ArchiveSchema, STUDY_STORE, type ArchiveData, type LogEntry } from './study-schema'

/** Review ids per part of a month's history: ~650 kB of JSON, quick to read, check and rewrite. */
export const ARCHIVE_BLOCK = 1000

/** The part of the history a review belongs in: its month and its block of ids. */
export function archiveKey(entry: Pick<LogEntry, 'id' | 'at'>): string {
  return partKey(entry.at.slice(0, 7), entry.id)
}
const partKey = (month: string, id: number): string => `${month}_b${Math.floor(id / ARCHIVE_BLOCK)}`
const monthOfKey = (key: string): string => key.slice(0, 7)

/** Adds entries to a part, skipping ids it already holds, kept in id order. */
function mergeById(draft: ArchiveData, entries: readonly LogEntry[]): void {
  const have = new Set(draft.entries.map((e) => e.id))
  draft.entries.push(...entries.filter((e) => !have.has(e.id)))
  draft.entries.sort((a, b) => a.id - b.id)
}

/** The history files of one study folder, each opened once and kept open. */
export class StudyArchive {
  readonly shelf: FileShelf<ArchiveData>

  constructor(files: StoreFileOptions) {
    this.shelf = new FileShelf<ArchiveData>(
      {
        prefix: STUDY_STORE.archivePrefix,
        key: /^\d{4}-\d{2}_b\d+$/,
        schema: ArchiveSchema,
        version: STUDY_STORE.version,
        defaults: () => ({ entries: [] }),
        keepBackups: 2
      },
      files
    )
  }

  /** The parts on disk (and parts opened but not yet written), by month, oldest first. */
  async months(): Promise<Map<string, string[]>> {
    const months = new Map<string, string[]>()
    for (const key of await this.shelf.keys()) {
      const month = months.get(monthOfKey(key))
      if (month) month.push(key)
      else months.set(monthOfKey(key), [key])
    }
    return months
  }

  /** Every review on record in the parts, by id. */
  async entries(): Promise<LogEntry[]> {
    return (await this.shelf.all()).flatMap(({ file }) => file.data.entries)
  }

  /** Adds the entries to their parts, skipping ids a part already holds. */
  merge(folding: readonly LogEntry[]): Promise<void> {
    return this.shelf.fold(groupBy(folding, archiveKey), mergeById)
  }

  /** Every month's reviews as on disk, for a backup; months without entries are left out. */
  async exportLogs(): Promise<Record<string, ArchiveData>> {
    await this.shelf.flush()
    const logs: Record<string, ArchiveData> = {}
    for (const [month, keys] of await this.months()) {
      const entries: LogEntry[] = []
      for (const key of keys) entries.push(...(await this.shelf.open(key)).data.entries)
      if (entries.length > 0) logs[month] = structuredClone({ entries: entries.sort((a, b) => a.id - b.id) })
    }
    return logs
  }

  /** Replaces the months given: their reviews go to their parts, and the month's other parts are emptied; other months stay as they are. */
  async replaceMonths(logs: Record<string, ArchiveData>): Promise<void> {
    const existing = await this.months()
    for (const [month, data] of Object.entries(logs)) {
      const parts = groupBy(data.entries, (e) => partKey(month, e.id))
      for (const [key, entries] of parts) await (await this.shelf.open(key)).replace({ entries })
      for (const key of existing.get(month) ?? []) if (!parts.has(key)) await (await this.shelf.open(key)).replace({ entries: [] })
    }
  }
}
