// Why: the shape of a search hit, shared so the renderer can draw it and jump
// to it. Snippets are plain strings: the renderer wraps `match` in <mark>.
/** The longest query main accepts; the page trims to it before asking. */
export const SEARCH_QUERY_MAX = 200

export type SearchKind = 'block' | 'glossary' | 'annotation' | 'question'

export interface Snippet {
  /** Text before the match; starts with "…" when cut. */
  before: string
  /** The matched words exactly as they appear in the source text. */
  match: string
  /** Text after the match; ends with "…" when cut. */
  after: string
}

export interface SearchResult {
  kind: SearchKind
  /** The block, glossary entry, annotation or question id. */
  id: string
  packId: string
  /** Where to jump: set for blocks and annotations (current section), glossary has none. */
  sectionId?: string
  blockId?: string
  title: string
  /** The title's Hindi, given when the match itself is Hindi and the entry has one (a glossary term's, a section's). */
  titleHi?: string
  snippet: Snippet
  score: number
}
