// Why: reading mode's services opened and wired together in one call, so
// app-services.ts needs one line: the search index follows every annotation
// change once it is on disk.
import type { Handlers } from '../../../shared/contract'
import type { PackService } from '../packs/pack-service'
import { buildSearchIndexInSlices, type SearchIndex } from '../search/search-index'
import { openAnnotationService, type AnnotationService } from './annotation-service'

type ReadingChannel = `annotations:${string}` | 'search:query'
export type ReadingHandlers = Pick<Handlers, Extract<keyof Handlers, ReadingChannel>>

export interface ReadingServices {
  annotations: AnnotationService
  search: SearchIndex
  handlers: ReadingHandlers
}

export async function openReadingServices(opts: { dir: string; packs: PackService; clock?: () => Date }): Promise<ReadingServices> {
  const annotations = await openAnnotationService({ dir: opts.dir, packs: opts.packs, ...(opts.clock ? { clock: opts.clock } : {}) })
  const loaded = opts.packs.list().packs.map((summary) => opts.packs.get(summary.id))
  const search = await buildSearchIndexInSlices(loaded, annotations.allInSlices())
  annotations.subscribe((change) => {
    if (change.type === 'upsert') search.upsertAnnotation(change.annotation)
    else search.removeAnnotation(change.id)
  })
  const handlers: ReadingHandlers = {
    'annotations:list': async ({ packId }) => annotations.listInSlices(packId),
    'annotations:add': async (input) => annotations.add(input),
    'annotations:update': async (input) => annotations.update(input),
    'annotations:delete': async ({ id }) => annotations.delete(id),
    'annotations:restore': async ({ id }) => annotations.restore(id),
    'annotations:export': async ({ packId }) => annotations.export(packId),
    'search:query': async (input) => {
      if (input.packId !== undefined) opts.packs.get(input.packId)
      return search.search(input)
    }
  }
  return { annotations, search, handlers }
}
