// Why: the one place the services are built and mapped onto the contract, so
// Electron's IPC and the browser host serve exactly the same code.
import type { Handlers } from '../../shared/contract'
import type { StoreNotice } from '../../shared/domain'
import { openPackService } from './packs/pack-service'
import { openProgressService } from './progress-service'
import { openSettingsService } from './settings-service'
import { createStudyHandlers } from './study/handlers'
import { openStudyService } from './study/study-service'
import { openReadingServices } from './annotations/reading-services'
import { browserPlatform, type Platform } from './platform'
import { withDataHandlers } from './data/handlers'
import { createGate } from './gate/app-gate'
import { importedPacksDir } from './data/pack-import'
import { createPrelimsHandlers } from './prelims/handlers'
import { openPrelimsService } from './prelims/prelims-service'
import { createWritingHandlers } from './writing/handlers'
import { openWritingService } from './writing/writing-service'
import { createTuningHandlers } from './tuning/handlers'
import { builtOptimiserWorker } from './tuning/optimiser-worker-path'
import { openTuningService } from './tuning/tuning-service'
import { allCards, allReviews } from './tuning/study-sources'
import { createNotesHandlers } from './notes/handlers'
import { createAnkiHandlers } from './anki/handlers'
import { builtAnkiExportWorker } from './anki/export-worker-path'

export interface AppServicesOptions {
  dataDir: string
  packsDir: string
  host: 'electron' | 'web'
  version: string
  clock?: () => Date
  /** Desktop-only abilities (save dialog, open folder); the browser host uses the defaults. */
  platform?: Platform
  /** The built FSRS optimiser worker (default: the one built beside this bundle). */
  optimiserWorker?: string
}

export interface AppServices {
  handlers: Handlers
  /** Every https address the packs cite, asked afresh each time so pack import and removal count at once. */
  sourceAddresses(): string[]
  /** Waits for every pending write to land. */
  close(): Promise<void>
}

export async function createAppServices(opts: AppServicesOptions): Promise<AppServices> {
  const packs = await openPackService(opts.packsDir, importedPacksDir(opts.dataDir))
  // Opened first: the study service asks it for retention and parameters at each answer.
  const tuning = await openTuningService({
    dir: opts.dataDir,
    workerPath: opts.optimiserWorker ?? (await builtOptimiserWorker()),
    sources: { reviews: () => allReviews(packs, study), cards: () => allCards(packs, study) },
    ...(opts.clock ? { clock: opts.clock } : {})
  })
  const [settings, progress, study, reading, writing] = await Promise.all([
    openSettingsService(opts.dataDir, opts.clock),
    openProgressService(opts.dataDir, packs, opts.clock),
    openStudyService({ dir: opts.dataDir, packs, tuning: tuning.fsrs, ...(opts.clock ? { clock: opts.clock } : {}) }),
    openReadingServices({ dir: opts.dataDir, packs, ...(opts.clock ? { clock: opts.clock } : {}) }),
    openWritingService({ dir: opts.dataDir, packs, ...(opts.clock ? { clock: opts.clock } : {}) })
  ])
  const prelims = await openPrelimsService({ dir: opts.dataDir, packs, rate: study.rateAnswers, ...(opts.clock ? { clock: opts.clock } : {}) })
  const platform = opts.platform ?? browserPlatform
  // Asked for afresh each time: a notice can be raised after start (a
  // checkpoint that keeps failing) and goes away once its cause is fixed.
  const notices = (): StoreNotice[] => [
    ...settings.store.notices,
    ...progress.store.notices,
    ...study.notices(),
    ...reading.annotations.notices(),
    ...prelims.store.notices,
    ...writing.notices(),
    ...tuning.store.notices
  ]

  const gate = createGate()
  const notes = createNotesHandlers({ dataDir: opts.dataDir, packs, gate, clock: opts.clock })
  const anki = createAnkiHandlers({
    dataDir: opts.dataDir,
    packs,
    gate,
    clock: opts.clock,
    highlights: (id) => Object.values(study.store.pack(id).highlights),
    exportWorker: await builtAnkiExportWorker()
  })
  const handlers: Handlers = withDataHandlers(
    {
      'app:info': async () => ({ name: 'Revision Desk', version: opts.version, host: opts.host, dataDir: opts.dataDir }),
      'app:notices': async () => notices().map((n) => ({ ...n })),
      'packs:list': async () => packs.list(),
      'packs:get': async ({ packId }) => packs.get(packId),
      'settings:get': async () => settings.get(),
      'settings:update': async (patch) => settings.update(patch),
      'progress:get': async ({ packId }) => progress.get(packId),
      'progress:markRead': async ({ packId, sectionId, read }) => progress.markRead(packId, sectionId, read),
      'progress:setLocation': async ({ packId, sectionId, blockId }) => progress.setLocation(packId, blockId ? { sectionId, blockId } : { sectionId }),
      ...createStudyHandlers(study),
      ...reading.handlers,
      ...createPrelimsHandlers(prelims),
      'files:save': async (request) => platform.saveFile(request),
      'files:openDataFolder': async () => platform.openDataFolder(opts.dataDir),
      ...createWritingHandlers(writing),
      ...createTuningHandlers(tuning),
      ...notes,
      ...anki
    },
    {
      gate,
      dataDir: opts.dataDir,
      version: opts.version,
      clock: opts.clock,
      packs,
      settings,
      progress,
      study,
      annotations: reading.annotations,
      prelims,
      writing,
      tuning
    }
  )
  // The notes channels take the gate themselves (an import runs alone), so they
  // replace the copies the data layer wrapped as ordinary gated calls.
  Object.assign(handlers, notes)
  Object.assign(handlers, anki)

  const sourceAddresses = () =>
    packs.list().packs.flatMap((summary) => packs.get(summary.id).sources.flatMap((source) => (source.address ? [source.address] : [])))

  return {
    handlers,
    sourceAddresses,
    close: async () => {
      // First, so a run that ends meanwhile does not write after its file was flushed.
      tuning.stop()
      await Promise.all([
        settings.store.flush(),
        progress.store.flush(),
        study.flush(),
        reading.annotations.flush(),
        prelims.store.flush(),
        writing.flush(),
        tuning.store.flush()
      ])
      study.store.close()
      reading.annotations.store.close()
      writing.close()
    }
  }
}
