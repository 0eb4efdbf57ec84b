// Why: the data and pack-import channels, added to the app's handler map in
// one call. Each runs alone through the app's gate (see gate/app-gate.ts), and
// every other handler goes through it as an ordinary call, so a restore, reset
// or import never interleaves with a review or a highlight being saved.
import type { Channel } from '../../../shared/channels'
import type { Handlers } from '../../../shared/contract'
import type { PackService } from '../packs/pack-service'
import { behindGate, type Gate } from '../gate/app-gate'
import type { StoreFs } from '../store/fs-ops'
import { createDataService } from './data-service'
import { createPackImporter } from './pack-import'
import type { StateServices } from './state-io'

export type DataChannel = Extract<Channel, `data:${string}` | 'packs:import' | 'packs:remove'>
export type BaseHandlers = Omit<Handlers, DataChannel>

export interface DataDeps extends StateServices {
  dataDir: string
  version: string
  packs: PackService
  clock?: (() => Date) | undefined
  /** The app's gate: the data channels take it exclusively, the others share it. */
  gate: Gate
  /** Test seam for the backups and imported-packs folders. */
  fs?: Partial<StoreFs>
}

export function withDataHandlers(base: BaseHandlers, deps: DataDeps): Handlers {
  const { gate } = deps
  const clock = deps.clock ?? (() => new Date())
  const data = createDataService({ ...deps, clock })
  const importer = createPackImporter({ dataDir: deps.dataDir, packs: deps.packs, clock, ...(deps.fs ? { fs: deps.fs } : {}) })
  const alone = <T>(task: () => Promise<T>): Promise<T> => gate.exclusive(task)

  const gated = behindGate(base, gate)

  const own: Pick<Handlers, DataChannel> = {
    'data:exportBackup': () => alone(() => data.exportBackup()),
    'data:summary': () => alone(() => data.summary()),
    // Reads nothing but its input, so it needs no turn of its own.
    'data:inspectBackup': async ({ content }) => data.inspect(content),
    'data:restoreBackup': ({ content }) => alone(() => data.restore(content)),
    'data:reset': () => alone(() => data.reset()),
    'data:listBackups': () => gate.shared(() => data.listBackups()),
    'data:restoreAutomatic': ({ id }) => alone(() => data.restoreAutomatic(id)),
    'data:deletePackProgress': ({ packId }) => alone(() => data.deletePackProgress(packId)),
    'packs:import': ({ fileName, content }) => alone(() => importer.import(fileName, content)),
    'packs:remove': ({ packId }) => alone(() => importer.remove(packId))
  }
  return { ...gated, ...own }
}
