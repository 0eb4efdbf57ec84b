// Why: the review history is kept in parts of at most ARCHIVE_BLOCK ids per
// month (study-log-YYYY-MM_bN.json), so a checkpoint rewrites a few hundred
// kB, never a whole month of reviews. A month file without a part
// (study-log-YYYY-MM.json, from before the parts) is still read, never
// written by a checkpoint. Each part merges by id, so repeating a write a
// crash interrupted is harmless.
import { readdir } from 'node:fs/promises'
import { openJsonStore, type JsonStore } from '../store/json-store'
import { STUDY_STORE } from './study-journal'
import { ArchiveSchema, type ArchiveData, type LogEntry } from './study-schema'

/** `study-log-2026-11.json` (a whole month, older files) or `study-log-2026-11_b20.json` (ids 20000-20999 of that month). */
const ARCHIVE_FILE = /^study-log-(\d{4}-\d{2})(?:_b(\d+))?\.json$/
/** Review ids per part of a month's history: ~650 kB of JSON, quick to read, check and rewrite. */
export const ARCHIVE_BLOCK = 1000

/** The part of the history a review belongs in: its month and its block of ids. */
export function archiveKey(entry: Pick<LogEntry, 'id' | 'at'>): string {
  return `${entry.at.slice(0, 7)}_b${Math.floor(entry.id / ARCHIVE_BLOCK)}`
}
const monthOfKey = (key: string): string => key.slice(0, 7)

/** The history files of one study folder, each opened once and kept open. */
export class StudyArchive {
  readonly #opts: { dir: string; clock?: () => Date }
  readonly #archives = new Map<string, Promise<JsonStore<ArchiveData>>>()

  constructor(opts: { dir: string; clock?: () => Date }) {
    this.#opts = opts
  }

  /** `key`: `YYYY-MM` (an older whole-month file) or `YYYY-MM_bN` (a part, see archiveKey). */
  open(key: string): Promise<JsonStore<ArchiveData>> {
    let store = this.#archives.get(key)
    if (!store) {
      store = openJsonStore<ArchiveData>({
        dir: this.#opts.dir,
        name: `${STUDY_STORE.archivePrefix}${key}`,
        version: STUDY_STORE.version,
        schema: ArchiveSchema,
        defaults: () => ({ entries: [] }),
        keepBackups: 2,
        ...(this.#opts.clock ? { clock: this.#opts.clock } : {})
      })
      this.#archives.set(key, store)
      store.catch(() => this.#archives.delete(key))
    }
    return store
  }

  /** The history files on disk (and parts opened but not yet written), by month, oldest first. */
  async months(): Promise<Map<string, string[]>> {
    const names = await readdir(this.#opts.dir).catch(() => [] as string[])
    const keys = new Set(this.#archives.keys())
    for (const name of names) {
      const m = ARCHIVE_FILE.exec(name)
      if (m) keys.add(m[2] === undefined ? (m[1] as string) : `${m[1]}_b${m[2]}`)
    }
    const months = new Map<string, string[]>()
    for (const key of [...keys].sort()) months.get(monthOfKey(key))?.push(key) ?? months.set(monthOfKey(key), [key])
    return months
  }

  async all(): Promise<JsonStore<ArchiveData>[]> {
    const keys = [...(await this.months()).values()].flat()
    return Promise.all(keys.map((key) => this.open(key)))
  }

  /** Adds the entries to their parts, skipping ids a part already holds. */
  async merge(folding: LogEntry[]): Promise<void> {
    const parts = new Map<string, LogEntry[]>()
    for (const e of folding) {
      const key = archiveKey(e)
      const list = parts.get(key)
      if (list) list.push(e)
      else parts.set(key, [e])
    }
    for (const [key, entries] of parts) {
      const archive = await this.open(key)
      await archive.update((draft) => {
        const have = new Set(draft.entries.map((e) => e.id))
        draft.entries.push(...entries.filter((e) => !have.has(e.id)))
        draft.entries.sort((a, b) => a.id - b.id)
      })
    }
  }

  /** Every month's reviews as on disk, for a backup; months without entries are left out. */
  async exportLogs(): Promise<Record<string, ArchiveData>> {
    const logs: Record<string, ArchiveData> = {}
    for (const [month, keys] of await this.months()) {
      const byId = new Map<number, LogEntry>()
      for (const key of keys) {
        const archive = await this.open(key)
        await archive.flush()
        for (const e of archive.data.entries) byId.set(e.id, e)
      }
      if (byId.size > 0) logs[month] = structuredClone({ entries: [...byId.values()].sort((a, b) => a.id - b.id) })
    }
    return logs
  }

  /** Replaces the months given; every other file of such a month is emptied, other months stay as they are. */
  async replaceMonths(logs: Record<string, ArchiveData>): Promise<void> {
    const existing = await this.months()
    for (const [month, data] of Object.entries(logs)) {
      // The month's reviews go to their parts; every other file of the month is emptied.
      const parts = new Map<string, LogEntry[]>()
      for (const e of data.entries) {
        const key = `${month}_b${Math.floor(e.id / ARCHIVE_BLOCK)}`
        parts.get(key)?.push(e) ?? parts.set(key, [e])
      }
      for (const [key, entries] of parts) await (await this.open(key)).replace({ entries })
      for (const key of existing.get(month) ?? []) if (!parts.has(key)) await (await this.open(key)).replace({ entries: [] })
    }
  }
}
