// Why: Ctrl/Cmd+K searches everything a student reads or writes (the notes'
// blocks, the glossary, their own annotations and the questions) in one
// in-memory MiniSearch index, built once at start and kept current as
// annotations change. Prefix and fuzzy matching forgive half-typed and
// misspelt words ("rel" → RELOS, "compcasa" → COMCASA).
// Identical entries in several packs (a glossary term or block two editions
// share) are indexed once in the library index and listed once per pack;
// each pack's own index, for searches scoped to it, holds all its entries.
// At start the index is built a slice at a time (buildSearchIndexInSlices),
// so 5,000 annotations or 100 packs never hold the main process for long.
import type { AnnotationView } from '../../../shared/annotations'
import type { Pack } from '../../../shared/pack/schema'
import { nextSlice } from '../store/turns'
import { createBuilder, type Placement, type SearchIndex } from './search-query'

export { DEFAULT_LIMIT, type SearchIndex, type SearchQuery } from './search-query'

/** At most this many documents, or this much text, are added to MiniSearch per slice by buildSearchIndexInSlices (a few ms). */
export const SEARCH_SLICE_DOCS = 200
export const SEARCH_SLICE_CHARS = 8_000

/** Builds the index over every given pack and annotation. */
export function buildSearchIndex(packs: readonly Pack[], annotations: readonly AnnotationView[] = []): SearchIndex {
  const builder = createBuilder()
  const fresh = packs.flatMap((pack) => builder.packDocs(pack))
  for (const a of annotations) fresh.push(builder.annotationDoc(a))
  builder.add(fresh)
  return builder.index
}

/**
 * The same index as buildSearchIndex, built a slice of documents at a time
 * with a pause between slices. `annotations` may arrive in slices too.
 */
export async function buildSearchIndexInSlices(
  packs: readonly Pack[],
  annotations: AsyncIterable<readonly AnnotationView[]> | Iterable<readonly AnnotationView[]>,
  pause: () => Promise<void> = nextSlice
): Promise<SearchIndex> {
  const builder = createBuilder()
  const addInSlices = async (docs: Placement[]): Promise<void> => {
    for (let i = 0; i < docs.length;) {
      let end = i
      for (let chars = 0; end < docs.length && end - i < SEARCH_SLICE_DOCS && chars < SEARCH_SLICE_CHARS; end++) {
        const { doc } = docs[end] as Placement
        chars += doc.title.length + doc.text.length
      }
      builder.add(docs.slice(i, end))
      i = end
      await pause()
    }
  }
  for (const pack of packs) await addInSlices(builder.packDocs(pack))
  for await (const slice of annotations) await addInSlices(slice.map((a) => builder.annotationDoc(a)))
  return builder.index
}
