// Why: a journaled store keeps its saved state in many small files of one
// kind (the review history by month and block of ids, the annotations by a
// hash of their id), so a checkpoint rewrites only the few its entries touch,
// never one big file. This is that set of files: each opened once (through
// recovery, like every store file) and kept open, found on disk by name, and
// written a file at a time when a checkpoint folds entries into them.
import type { StoreNotice } from '../../../shared/domain'
import { storeFs } from './fs-ops'
import { openJsonStore, type JsonStore, type JsonStoreOptions } from './json-store'
import type { StoreFileOptions } from './store-types'

export interface ShelfSpec<T> extends Pick<JsonStoreOptions<T>, 'schema' | 'version' | 'defaults' | 'keepBackups'> {
  /** Each file is `${prefix}${key}.json`. */
  prefix: string
  /** The keys this shelf owns; a file whose key does not match is someone else's. */
  key: RegExp
}

export class FileShelf<T> {
  readonly #spec: ShelfSpec<T>
  readonly #files: StoreFileOptions
  readonly #opening = new Map<string, Promise<JsonStore<T>>>()
  readonly #open = new Map<string, JsonStore<T>>()

  constructor(spec: ShelfSpec<T>, files: StoreFileOptions) {
    this.#spec = spec
    this.#files = files
  }

  /** The file for `key`, opened once and kept open. */
  open(key: string): Promise<JsonStore<T>> {
    if (!this.#spec.key.test(key)) return Promise.reject(new TypeError(`"${key}" is not a key of ${this.#spec.prefix}*`))
    let file = this.#opening.get(key)
    if (!file) {
      const { schema, version, defaults, keepBackups } = this.#spec
      file = openJsonStore<T>({
        ...this.#files,
        name: `${this.#spec.prefix}${key}`,
        schema,
        version,
        defaults,
        ...(keepBackups !== undefined ? { keepBackups } : {})
      })
      this.#opening.set(key, file)
      file.then(
        (store) => this.#open.set(key, store),
        () => this.#opening.delete(key)
      )
    }
    return file
  }

  /** An already opened file, without waiting (undefined when not opened yet). */
  loaded(key: string): JsonStore<T> | undefined {
    return this.#open.get(key)
  }

  /** Every key with a file on disk or opened here, sorted. */
  async keys(): Promise<string[]> {
    const names = await storeFs(this.#files.fs)
      .readdir(this.#files.dir)
      .catch(() => [] as string[])
    const keys = new Set(this.#opening.keys())
    for (const name of names) {
      if (!name.startsWith(this.#spec.prefix) || !name.endsWith('.json')) continue
      const key = name.slice(this.#spec.prefix.length, -'.json'.length)
      if (this.#spec.key.test(key)) keys.add(key)
    }
    return [...keys].sort()
  }

  /** Every file on disk, opened. */
  async all(): Promise<{ key: string; file: JsonStore<T> }[]> {
    const keys = await this.keys()
    return Promise.all(keys.map(async (key) => ({ key, file: await this.open(key) })))
  }

  /** Folds each group of entries into its file, one file at a time in key order; each write is atomic, so a crash between files loses nothing. */
  async fold<E>(groups: Map<string, E[]>, apply: (draft: T, entries: E[]) => void): Promise<void> {
    for (const key of [...groups.keys()].sort()) {
      const entries = groups.get(key) as E[]
      await (await this.open(key)).update((draft) => apply(draft, entries))
    }
  }

  /** Recovery notices of every file opened so far. */
  get notices(): StoreNotice[] {
    return [...this.#open.values()].flatMap((file) => file.notices)
  }

  async flush(): Promise<void> {
    await Promise.all([...this.#open.values()].map((file) => file.flush()))
  }
}

/** Entries grouped by the key `keyOf` gives each, in their order. */
export function groupBy<E>(entries: readonly E[], keyOf: (entry: E) => string): Map<string, E[]> {
  const groups = new Map<string, E[]>()
  for (const entry of entries) {
    const key = keyOf(entry)
    const group = groups.get(key)
    if (group) group.push(entry)
    else groups.set(key, [entry])
  }
  return groups
}
