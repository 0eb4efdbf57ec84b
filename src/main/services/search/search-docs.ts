// Why: what the search finds is decided here, apart from how the index is
// built: a pack's blocks, glossary and questions, and an annotation, each
// become one flat document (the title boosted, the text indexed, a short
// label to show), so the builder and the query side never look inside a pack.
// Hindi fields are searched with the English ones: a glossary entry's Hindi
// term and meaning, and a section's Hindi title on the section's first block
// (a Hindi title search lands at the top of the section).
import { blockPlainText } from '../../../shared/domain/anchoring'
import { BLANK } from '../../../shared/domain/cloze'
import type { AnnotationView } from '../../../shared/annotations'
import type { Pack, Question } from '../../../shared/pack/schema'
import type { SearchResult } from '../../../shared/domain/search'
import { hasDevanagari } from '../../../shared/domain/hindi-text'

/** An indexed entry: where a result points (as SearchResult says it), plus what is searched and shown. */
export interface SearchDoc extends Pick<SearchResult, 'kind' | 'id' | 'packId' | 'sectionId' | 'blockId'> {
  /** MiniSearch id: `annotation:<id>`, or a content id shared by identical pack entries. */
  key: string
  /** Indexed with a boost. */
  title: string
  /** Indexed. */
  text: string
  /** What the result shows as its title. */
  label: string
  /** The label's Hindi, shown beside it when a Hindi word matched. */
  labelHi?: string
  /** The entry's Hindi (also in title or text), for the index of Hindi typed in Latin letters; absent when it has none. */
  hindi?: string
}

const LABEL_MAX = 80

const clip = (s: string, max = LABEL_MAX): string => {
  const flat = s.replace(/\s+/g, ' ').trim()
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`
}

export const annotationKey = (id: string): string => `annotation:${id}`

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
      return q.text.replace(BLANK, '____')
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
      parts.push(q.text.replace(BLANK, '____'), q.answer)
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
export function packDocs(pack: Pack): SearchDoc[] {
  const docs: SearchDoc[] = []
  for (const section of pack.sections) {
    for (const [i, block] of section.blocks.entries()) {
      const sectionHi = i === 0 ? section.titleHi : undefined
      const text = blockPlainText(block)
      // Notes written in Hindi (an imported pack) are Hindi too.
      const hindi = [sectionHi, hasDevanagari(block.title ?? '') ? block.title : undefined, hasDevanagari(text) ? text : undefined].filter(Boolean).join('\n')
      docs.push({
        key: '',
        kind: 'block',
        id: block.id,
        packId: pack.id,
        sectionId: section.id,
        blockId: block.id,
        title: sectionHi === undefined ? (block.title ?? '') : [block.title, sectionHi].filter(Boolean).join('\n'),
        text,
        label: block.title ?? section.title,
        ...(block.title === undefined && section.titleHi ? { labelHi: section.titleHi } : {}),
        ...(hindi ? { hindi } : {})
      })
    }
  }
  for (const g of pack.glossary) {
    docs.push({
      key: '',
      kind: 'glossary',
      id: g.id,
      packId: pack.id,
      title: [g.term, ...(g.aliases ?? []), ...(g.termHi ? [g.termHi] : [])].join('\n'),
      text: g.meaningHi ? `${g.expansion}: ${g.meaning}\n${g.meaningHi}` : `${g.expansion}: ${g.meaning}`,
      label: g.term,
      ...(g.termHi ? { labelHi: g.termHi } : {}),
      ...(g.termHi || g.meaningHi ? { hindi: [g.termHi, g.meaningHi].filter(Boolean).join('\n') } : {})
    })
  }
  for (const q of pack.questions) {
    const text = questionText(q)
    docs.push({
      key: '',
      kind: 'question',
      id: q.id,
      packId: pack.id,
      title: '',
      text,
      label: clip(questionLabel(q)),
      ...(hasDevanagari(text) ? { hindi: text } : {})
    })
  }
  return docs
}

export function annotationDoc(a: AnnotationView): SearchDoc {
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
    label: `“${clip(a.selector.exact, LABEL_MAX - 2)}”`,
    ...(hasDevanagari(a.selector.exact) || hasDevanagari(a.note) ? { hindi: `${a.selector.exact}\n${a.note}` } : {})
  }
}
