// Why: reading mode's services opened and wired together in one call, so
// app-services.ts needs one line: the search index follows every annotation
// change once it is on disk.
// Perf: the search index (thousands of annotations) is built in the
// background, a slice at a time, once the annotations are open, so start-up
// does not wait for it; a search that comes first waits for it, and the
// changes made meanwhile are applied to it in order before it answers.
import type { Handlers } from '../../../shared/contract'
import type { PackService } from '../packs/pack-service'
import { buildSearchIndexInSlices, type SearchIndex } from '../search/search-index'
import { openAnnotationService, type AnnotationChange, type AnnotationService } from './annotation-service'

type ReadingChannel = `annotations:${string}` | 'search:query'
export type ReadingHandlers = Pick<Handlers, Extract<keyof Handlers, ReadingChannel>>

export interface ReadingServices {
  annotations: AnnotationService
  /** The search index, once built, with every annotation change so far applied. */
  search: Promise<SearchIndex>
  handlers: ReadingHandlers
}

export async function openReadingServices(opts: { dir: string; packs: PackService; clock?: () => Date }): Promise<ReadingServices> {
  const annotations = await openAnnotationService({ dir: opts.dir, packs: opts.packs, ...(opts.clock ? { clock: opts.clock } : {}) })
  const loaded = opts.packs.list().packs.map((summary) => opts.packs.get(summary.id))
  const apply = (index: SearchIndex, change: AnnotationChange): void => {
    if (change.type === 'upsert') index.upsertAnnotation(change.annotation)
    else index.removeAnnotation(change.id)
  }
  let built: SearchIndex | null = null
  const meanwhile: AnnotationChange[] = []
  // Subscribed before the build takes its snapshot: a change it already has is applied again, harmlessly.
  annotations.subscribe((change) => {
    if (built) apply(built, change)
    else meanwhile.push(change)
  })
  const search = buildSearchIndexInSlices(loaded, annotations.allInSlices()).then((index) => {
    for (const change of meanwhile.splice(0)) apply(index, change)
    built = index
    return index
  })
  search.catch((error: unknown) => console.error('[search] building the index failed', error))
  const handlers: ReadingHandlers = {
    'annotations:list': async ({ packId }) => annotations.listInSlices(packId),
    'annotations:add': async (input) => annotations.add(input),
    'annotations:update': async (input) => annotations.update(input),
    'annotations:delete': async ({ id }) => annotations.delete(id),
    'annotations:restore': async ({ id }) => annotations.restore(id),
    'annotations:export': async ({ packId }) => annotations.export(packId),
    'search:query': async (input) => {
      if (input.packId !== undefined) opts.packs.requirePack(input.packId)
      return (built ?? (await search)).search(input)
    }
  }
  return { annotations, search, handlers }
}
