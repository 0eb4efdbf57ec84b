// Why: the Anki channels on the app's gate. An export or a preview reads the
// packs as an ordinary call; an import runs alone, so it never interleaves with
// a review or a highlight being saved.
import type { Handlers } from '../../../shared/contract'
import type { HighlightCard } from '../../../shared/domain/study'
import { createPackImporter } from '../data/pack-import'
import type { Gate } from '../gate/app-gate'
import type { PackService } from '../packs/pack-service'
import { createAnkiService } from './anki-service'

export type AnkiChannel = 'anki:export' | 'anki:preview' | 'anki:import'

export interface AnkiDeps {
  dataDir: string
  packs: PackService
  gate: Gate
  /** The student's highlight cards of a pack, exported beside the pack's own. */
  highlights: (packId: string) => HighlightCard[]
  clock?: (() => Date) | undefined
  /** The built .apkg export worker (see export-worker-path.ts). */
  exportWorker?: string | undefined
}

export function createAnkiHandlers(deps: AnkiDeps): Pick<Handlers, AnkiChannel> {
  const importer = createPackImporter({ dataDir: deps.dataDir, packs: deps.packs, ...(deps.clock ? { clock: deps.clock } : {}) })
  const anki = createAnkiService({ packs: deps.packs, importer, highlights: deps.highlights, clock: deps.clock, exportWorker: deps.exportWorker })
  return {
    'anki:export': ({ packId, format }) => deps.gate.shared(() => anki.export(packId, format)),
    'anki:preview': (input) => deps.gate.shared(() => anki.preview(input)),
    'anki:import': (input) => deps.gate.exclusive(() => anki.import(input))
  }
}
