// Why: Ctrl/Cmd+K searches everything a student reads or writes (the notes'
// blocks, the glossary, their own annotations and the questions) in one
// in-memory MiniSearch index, built once at start and kept current as
// annotations change. Prefix and fuzzy matching forgive half-typed and
// misspelt words ("rel" → RELOS, "compcasa" → COMCASA).
// Identical entries in several packs (a glossary term or block two editions
// share) are indexed once and listed once per pack: MiniSearch's cost grows
// with the documents a word occurs in, so this keeps a library of many
// overlapping packs as fast as one. Packs with different text gain nothing.
// At start the index is built a slice at a time (buildSearchIndexInSlices),
// so 5,000 annotations or 100 packs never hold the main process for long.
import MiniSearch, { type SearchResult as MiniResult } from 'minisearch'
import { blockPlainText } from '../../../shared/anchoring'
import type { AnnotationView } from '../../../shared/annotations'
import type { Pack, Question } from '../../../shared/pack/schema'
import type { SearchKind, SearchResult } from '../../../shared/search'
import { nextSlice } from '../store/turns'
import { makeSnippet } from './snippet'

interface SearchDoc {
  /** MiniSearch id: `annotation:<id>`, or a content id shared by identical pack entries. */
  key: string
  kind: SearchKind
  id: string
  packId: string
  sectionId?: string
  blockId?: string
  /** Indexed with a boost. */
  title: string
  /** Indexed. */
  text: string
  /** What the result shows as its title. */
  label: string
}

export interface SearchQuery {
  query: string
  packId?: string
  /** Default 20. */
  limit?: number
}

export interface SearchIndex {
  search(q: SearchQuery): SearchResult[]
  /** Adds or replaces an annotation's entry (after add, update, restore). */
  upsertAnnotation(annotation: AnnotationView): void
  removeAnnotation(id: string): void
  /** Documents in the index. */
  readonly size: number
}

export const DEFAULT_LIMIT = 20
const LABEL_MAX = 80

const clip = (s: string, max = LABEL_MAX): string => {
  const flat = s.replace(/\s+/g, ' ').trim()
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`
}

const annotationKey = (id: string): string => `annotation:${id}`

function questionLabel(q: Question): string {
  switch (q.kind) {
    case 'statements':
      return q.stem
    case 'mcq':
    case 'match':
    case 'mains':
      return q.prompt
    case 'true-false':
      return q.statement
    case 'cloze':
      return q.text.replace('{{blank}}', '____')
    case 'flashcard':
      return q.front
  }
}

function questionText(q: Question): string {
  const parts: string[] = []
  switch (q.kind) {
    case 'statements':
      parts.push(q.stem, ...q.statements, q.ask, ...q.options)
      break
    case 'mcq':
      parts.push(q.prompt, ...q.options)
      break
    case 'true-false':
      parts.push(q.statement)
      break
    case 'cloze':
      parts.push(q.text.replace('{{blank}}', '____'), q.answer)
      break
    case 'match':
      parts.push(q.prompt, ...q.listI, ...q.listII)
      break
    case 'flashcard':
      parts.push(q.front, q.back)
      break
    case 'mains':
      parts.push(q.prompt, ...q.outline)
      break
  }
  parts.push(q.explanation)
  return parts.join('\n')
}

/** The pack's entries; `key` is given when they are indexed. */
function packDocs(pack: Pack): SearchDoc[] {
  const docs: SearchDoc[] = []
  for (const section of pack.sections) {
    for (const block of section.blocks) {
      docs.push({
        key: '',
        kind: 'block',
        id: block.id,
        packId: pack.id,
        sectionId: section.id,
        blockId: block.id,
        title: block.title ?? '',
        text: blockPlainText(block),
        label: block.title ?? section.title
      })
    }
  }
  for (const g of pack.glossary) {
    docs.push({
      key: '',
      kind: 'glossary',
      id: g.id,
      packId: pack.id,
      title: [g.term, ...(g.aliases ?? [])].join('\n'),
      text: `${g.expansion}: ${g.meaning}`,
      label: g.term
    })
  }
  for (const q of pack.questions) {
    docs.push({ key: '', kind: 'question', id: q.id, packId: pack.id, title: '', text: questionText(q), label: clip(questionLabel(q)) })
  }
  return docs
}

function annotationDoc(a: AnnotationView): SearchDoc {
  return {
    key: annotationKey(a.id),
    kind: 'annotation',
    id: a.id,
    packId: a.packId,
    sectionId: a.sectionId,
    blockId: a.blockId,
    // The student's words first; the quote is found too, shown as the title.
    title: a.selector.exact,
    text: a.note,
    label: `“${clip(a.selector.exact, LABEL_MAX - 2)}”`
  }
}

/** At most this many documents, or this much text, are added to MiniSearch per slice by buildSearchIndexInSlices (a few ms). */
export const SEARCH_SLICE_DOCS = 200
export const SEARCH_SLICE_CHARS = 8_000

/** Builds the index over every given pack and annotation. The bench calls this with 100 copies of a pack. */
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
  const addInSlices = async (docs: SearchDoc[]): Promise<void> => {
    for (let i = 0; i < docs.length; ) {
      let end = i
      for (let chars = 0; end < docs.length && end - i < SEARCH_SLICE_DOCS && chars < SEARCH_SLICE_CHARS; end++) {
        const doc = docs[end] as SearchDoc
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

interface Builder {
  /** The pack's entries not already indexed for an identical entry of another pack (those only gain an owner). */
  packDocs(pack: Pack): SearchDoc[]
  annotationDoc(a: AnnotationView): SearchDoc
  add(docs: SearchDoc[]): void
  index: SearchIndex
}

function createBuilder(): Builder {
  /** MiniSearch id → the entry and every pack that holds it, in load order. */
  const docs = new Map<string, { doc: SearchDoc; owners: string[]; ownerSet: Set<string> }>()
  const byContent = new Map<string, string>()
  const mini = new MiniSearch<SearchDoc>({
    idField: 'key',
    fields: ['title', 'text'],
    storeFields: [],
    searchOptions: {
      boost: { title: 2 },
      // One- and two-letter prefixes would match most of the library and say little.
      prefix: (term) => term.length >= 3,
      fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
      maxFuzzy: 2,
      combineWith: 'AND'
    }
  })
  const freshPackDocs = (pack: Pack): SearchDoc[] => {
    const fresh: SearchDoc[] = []
    for (const doc of packDocs(pack)) {
      const content = JSON.stringify([doc.kind, doc.id, doc.sectionId ?? '', doc.blockId ?? '', doc.title, doc.text, doc.label])
      const existing = byContent.get(content)
      const entry = existing === undefined ? undefined : docs.get(existing)
      if (entry) {
        if (!entry.ownerSet.has(doc.packId)) {
          entry.owners.push(doc.packId)
          entry.ownerSet.add(doc.packId)
        }
        continue
      }
      const key = `c:${byContent.size}`
      byContent.set(content, key)
      const shared = { ...doc, key }
      docs.set(key, { doc: shared, owners: [doc.packId], ownerSet: new Set([doc.packId]) })
      fresh.push(shared)
    }
    return fresh
  }
  const freshAnnotationDoc = (a: AnnotationView): SearchDoc => {
    const doc = annotationDoc(a)
    docs.set(doc.key, { doc, owners: [doc.packId], ownerSet: new Set([doc.packId]) })
    return doc
  }

  const toResult = (hit: MiniResult, doc: SearchDoc, packId: string): SearchResult => {
    const terms = new Set(hit.terms)
    const inText = hit.terms.some((t) => hit.match[t]?.includes('text'))
    let snippet = makeSnippet(inText ? doc.text : doc.title, terms)
    if (!snippet.found) snippet = makeSnippet(inText ? doc.title : doc.text, terms)
    const { found: _found, ...plain } = snippet
    return {
      kind: doc.kind,
      id: doc.id,
      packId,
      ...(doc.sectionId !== undefined ? { sectionId: doc.sectionId } : {}),
      ...(doc.blockId !== undefined ? { blockId: doc.blockId } : {}),
      title: doc.label,
      snippet: plain,
      score: Math.round(hit.score * 1000) / 1000
    }
  }

  const index: SearchIndex = {
    get size() {
      return docs.size
    },
    search({ query, packId, limit = DEFAULT_LIMIT }) {
      const text = query.trim()
      if (text === '') return []
      const hits = mini.search(text, packId === undefined ? {} : { filter: (hit) => docs.get(hit.id as string)?.ownerSet.has(packId) === true })
      const out: SearchResult[] = []
      for (const hit of hits) {
        const entry = docs.get(hit.id as string)
        if (!entry) continue
        for (const owner of packId === undefined ? entry.owners : [packId]) {
          if (out.length >= limit) return out
          out.push(toResult(hit, entry.doc, owner))
        }
      }
      return out
    },
    upsertAnnotation(annotation) {
      const doc = annotationDoc(annotation)
      if (docs.has(doc.key)) mini.replace(doc)
      else mini.add(doc)
      docs.set(doc.key, { doc, owners: [doc.packId], ownerSet: new Set([doc.packId]) })
    },
    removeAnnotation(id) {
      const key = annotationKey(id)
      if (!docs.has(key)) return
      mini.discard(key)
      docs.delete(key)
    }
  }
  return { packDocs: freshPackDocs, annotationDoc: freshAnnotationDoc, add: (list) => mini.addAll(list), index }
}
