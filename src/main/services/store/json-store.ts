// Why: a student must never lose a highlight or a review. Every store file
// (settings, progress, reviews, …) is opened here, and the store it gets:
//   - opens through recovery (bad file kept byte for byte, backup or defaults
//     loaded, notice raised) and runs schema migrations;
//   - resolves `update()` only once a write containing that change is on disk
//     (temp + fsync + rename, see durable-file.ts);
//   - keeps one write in flight per store and folds the updates that arrive
//     meanwhile into the next write, so N rapid updates cost ~2 writes;
//   - on a failed write rejects every update of that write with
//     WriteFailedError and rolls memory back to what is on disk;
//   - copies the file to backups/ before the first write of each day.
// Data is validated with zod on open only (a big file a slice at a time, so
// opening never stalls the main process for long); writes are trusted (perf:
// a 20k-log state must save in ~10 ms), so schemas must describe plain JSON values.
// A store opened with `appendTo` (the journals of journaled-store.ts) can also
// add items to the end of one array without rewriting the file (see append-writer.ts).
// This file is the way in: it checks the options, opens through recovery and
// saves at once what opening had to fix. The pieces behind it: store-types.ts
// (the contract), file-json-store.ts (the write queue and rollback),
// append-writer.ts (in-place appends), disk-image.ts (what a rollback returns to).
import { join } from 'node:path'
import { FileJsonStore } from './file-json-store'
import { storeFs } from './fs-ops'
import type { DecodeSpec } from './migrations'
import { loadStoreFile } from './recovery'
import type { AppendableJsonStore, AppendableStoreOptions, JsonStore, JsonStoreOptions } from './store-types'

export type { AppendableJsonStore, AppendableStoreOptions, ItemOf, JsonStore, JsonStoreOptions, StoreFileOptions } from './store-types'

const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/

export async function openJsonStore<T>(opts: JsonStoreOptions<T>): Promise<JsonStore<T>> {
  return openStore(opts)
}

/** A store whose `appendTo` array can grow without rewriting the file (see append()). */
export async function openAppendableJsonStore<T, K extends keyof T & string>(opts: AppendableStoreOptions<T, K>): Promise<AppendableJsonStore<T, K>> {
  return openStore(opts) as Promise<AppendableJsonStore<T, K>>
}

async function openStore<T>(opts: JsonStoreOptions<T> & { appendTo?: string }): Promise<FileJsonStore<T>> {
  if (!NAME.test(opts.name)) throw new TypeError(`store name "${opts.name}" must be letters, digits, - or _`)
  if (!Number.isSafeInteger(opts.version) || opts.version < 1) throw new TypeError(`store version must be an integer ≥ 1`)
  const fs = storeFs(opts.fs)
  const spec: DecodeSpec<T> = { schema: opts.schema, version: opts.version, ...(opts.migrations ? { migrations: opts.migrations } : {}) }
  const loaded = await loadStoreFile<T>({
    fs,
    dir: opts.dir,
    name: opts.name,
    file: join(opts.dir, `${opts.name}.json`),
    spec,
    defaults: opts.defaults,
    clock: opts.clock ?? (() => new Date()),
    ...(opts.appendTo !== undefined ? { appendTo: opts.appendTo } : {})
  })
  const store = new FileJsonStore<T>(opts, fs, loaded)
  if (loaded.needsSave) await store.saveLoadedState()
  return store
}
