// Why: the notes channels on the app's gate, like pack import: a preview reads
// the installed packs as an ordinary call, an import runs alone, so it never
// interleaves with a review or a highlight being saved.
import type { Handlers } from '../../../shared/contract'
import { createPackImporter } from '../data/pack-import'
import type { Gate } from '../gate/app-gate'
import type { PackService } from '../packs/pack-service'
import { createNotesService } from './notes-service'

export type NotesChannel = 'notes:preview' | 'notes:import'

export interface NotesDeps {
  dataDir: string
  packs: PackService
  gate: Gate
  clock?: (() => Date) | undefined
}

export function createNotesHandlers(deps: NotesDeps): Pick<Handlers, NotesChannel> {
  const importer = createPackImporter({ dataDir: deps.dataDir, packs: deps.packs, ...(deps.clock ? { clock: deps.clock } : {}) })
  const notes = createNotesService({ packs: deps.packs, importer, clock: deps.clock })
  return {
    'notes:preview': (input) => deps.gate.shared(() => notes.preview(input)),
    'notes:import': (input) => deps.gate.exclusive(() => notes.import(input))
  }
}
