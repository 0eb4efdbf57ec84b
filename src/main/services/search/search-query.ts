// Why: the query side of the Ctrl/Cmd+K index. Identical entries in several
// packs are one MiniSearch document with a list of owner packs, so a search
// across the library walks each hit once and lists it once per pack. Each
// pack also has an index of its own, because the search box is scoped to the
// open pack by default, and a scoped search over one shared index would score
// every pack's hits for a common word before throwing most away. Annotations
// are kept current one by one as the student edits them. How the documents
// are fed in (all at once or a slice at a time) is search-index.ts's concern.
// Entries with Hindi text are also in a small Hindi index (hindi-index.ts),
// library-wide and per pack like the main one, so a Hindi word typed in Latin
// letters finds them.
import MiniSearch from 'minisearch'
import type { AnnotationView } from '../../../shared/annotations'
import type { Pack } from '../../../shared/pack/schema'
import type { SearchResult } from '../../../shared/domain/search'
import { hindiDoc, hindiTermsOf, mergeHits, newHindiSearch, type Hit, type HindiDoc } from './hindi-index'
import { annotationDoc, annotationKey, packDocs, type SearchDoc } from './search-docs'
import { makeSnippet, type SnippetOptions } from './snippet'
import { hasDevanagari } from '../../../shared/domain/hindi-text'

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

/** One entry to index: always in its pack's own index; in the library index only if no identical entry is there yet. */
export interface Placement {
  doc: SearchDoc
  packId: string
  inLibrary: boolean
}

export interface Builder {
  packDocs(pack: Pack): Placement[]
  annotationDoc(a: AnnotationView): Placement
  add(placements: Placement[]): void
  index: SearchIndex
}

function newMiniSearch(): MiniSearch<SearchDoc> {
  return new MiniSearch<SearchDoc>({
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
}

export function createBuilder(): Builder {
  /** MiniSearch id → the entry and every pack that holds it, in load order. */
  const docs = new Map<string, { doc: SearchDoc; owners: string[]; ownerSet: Set<string> }>()
  const byContent = new Map<string, string>()
  const mini = newMiniSearch()
  const perPack = new Map<string, MiniSearch<SearchDoc>>()
  const packIndex = (packId: string): MiniSearch<SearchDoc> => {
    let found = perPack.get(packId)
    if (!found) perPack.set(packId, (found = newMiniSearch()))
    return found
  }
  const hindi = newHindiSearch()
  const hindiPerPack = new Map<string, MiniSearch<HindiDoc>>()
  const hindiPackIndex = (packId: string): MiniSearch<HindiDoc> => {
    let found = hindiPerPack.get(packId)
    if (!found) hindiPerPack.set(packId, (found = newHindiSearch()))
    return found
  }
  /** Adds, replaces or drops an annotation's Hindi entry, as its text now has Hindi or not. */
  const syncHindi = (index: MiniSearch<HindiDoc>, key: string, doc: HindiDoc | undefined): void => {
    if (doc === undefined) {
      if (index.has(key)) index.discard(key)
    } else if (index.has(key)) index.replace(doc)
    else index.add(doc)
  }
  const freshPackDocs = (pack: Pack): Placement[] => {
    const placements: Placement[] = []
    for (const doc of packDocs(pack)) {
      const content = JSON.stringify([doc.kind, doc.id, doc.sectionId ?? '', doc.blockId ?? '', doc.title, doc.text, doc.label, doc.labelHi ?? ''])
      const existing = byContent.get(content)
      const entry = existing === undefined ? undefined : docs.get(existing)
      if (entry) {
        if (!entry.ownerSet.has(doc.packId)) {
          entry.owners.push(doc.packId)
          entry.ownerSet.add(doc.packId)
          placements.push({ doc: entry.doc, packId: doc.packId, inLibrary: false })
        }
        continue
      }
      const key = `c:${byContent.size}`
      byContent.set(content, key)
      const shared = { ...doc, key }
      docs.set(key, { doc: shared, owners: [doc.packId], ownerSet: new Set([doc.packId]) })
      placements.push({ doc: shared, packId: doc.packId, inLibrary: true })
    }
    return placements
  }
  const freshAnnotationDoc = (a: AnnotationView): Placement => {
    const doc = annotationDoc(a)
    docs.set(doc.key, { doc, owners: [doc.packId], ownerSet: new Set([doc.packId]) })
    return { doc, packId: doc.packId, inLibrary: true }
  }
  const add = (placements: Placement[]): void => {
    mini.addAll(placements.filter((p) => p.inLibrary).map((p) => p.doc))
    for (const p of placements) packIndex(p.packId).add(p.doc)
    for (const p of placements) {
      const hi = hindiDoc(p.doc)
      if (hi === undefined) continue
      if (p.inLibrary) hindi.add(hi)
      hindiPackIndex(p.packId).add(hi)
    }
  }

  const toResult = (hit: Hit, doc: SearchDoc, packId: string): SearchResult => {
    const terms = new Set(hit.terms)
    // A Hindi-spelling hit matched folded Latin terms: look for the Hindi words they stand for, title first.
    const inText = hit.viaHindi !== true && hit.terms.some((t) => hit.match[t]?.includes('text'))
    const options: SnippetOptions = hit.viaHindi === true ? { termsOf: hindiTermsOf } : {}
    let snippet = makeSnippet(inText ? doc.text : doc.title, terms, options)
    if (!snippet.found) snippet = makeSnippet(inText ? doc.title : doc.text, terms, options)
    const { found: _found, ...plain } = snippet
    return {
      kind: doc.kind,
      id: doc.id,
      packId,
      ...(doc.sectionId !== undefined ? { sectionId: doc.sectionId } : {}),
      ...(doc.blockId !== undefined ? { blockId: doc.blockId } : {}),
      title: doc.label,
      ...(doc.labelHi !== undefined && hasDevanagari(plain.match) ? { titleHi: doc.labelHi } : {}),
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
      if (packId !== undefined && !perPack.has(packId)) return []
      const words = packId === undefined ? mini.search(text) : perPack.get(packId)!.search(text)
      const hindiIndex = packId === undefined ? hindi : hindiPerPack.get(packId)
      const hindiHits = hindiIndex === undefined || hindiIndex.documentCount === 0 ? [] : hindiIndex.search(text)
      const hits: Hit[] = hindiHits.length === 0 ? words : mergeHits(words, hindiHits)
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
      const own = packIndex(doc.packId)
      if (docs.has(doc.key)) {
        mini.replace(doc)
        own.replace(doc)
      } else {
        mini.add(doc)
        own.add(doc)
      }
      const hi = hindiDoc(doc)
      syncHindi(hindi, doc.key, hi)
      if (hi !== undefined || hindiPerPack.has(doc.packId)) syncHindi(hindiPackIndex(doc.packId), doc.key, hi)
      docs.set(doc.key, { doc, owners: [doc.packId], ownerSet: new Set([doc.packId]) })
    },
    removeAnnotation(id) {
      const key = annotationKey(id)
      const entry = docs.get(key)
      if (!entry) return
      mini.discard(key)
      perPack.get(entry.doc.packId)?.discard(key)
      syncHindi(hindi, key, undefined)
      const ownHindi = hindiPerPack.get(entry.doc.packId)
      if (ownHindi) syncHindi(ownHindi, key, undefined)
      docs.delete(key)
    }
  }
  return { packDocs: freshPackDocs, annotationDoc: freshAnnotationDoc, add, index }
}
