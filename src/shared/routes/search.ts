// Why: the one search channel (Ctrl/Cmd+K) with its strict input schema;
// merged into the one contract.
import * as z from 'zod'
import { Id } from '../pack/schema'
import { SEARCH_QUERY_MAX, type SearchResult } from '../domain/search'
import { route } from '../route'

export const SearchInput = z
  .object({
    query: z.string().trim().min(1, 'type something to search for').max(SEARCH_QUERY_MAX),
    /** Only this pack; default every loaded pack. */
    packId: Id.optional(),
    limit: z.number().int().min(1).max(100).optional()
  })
  .strict()

export const searchRoutes = {
  'search:query': route<SearchResult[]>()(SearchInput)
}
