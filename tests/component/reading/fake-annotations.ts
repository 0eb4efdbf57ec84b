// Why: a small in-memory "main" for the annotation, search, flashcard and
// file channels, layered on the shared fake api, so reading tests drive the
// real stores and components. It anchors and validates the way main does
// (same shared functions), so a test sees what the real app would.
import { anchor, blockPlainText } from '@shared/domain/anchoring'
import type { AnnotationColor, AnnotationView } from '@shared/annotations'
import type { Pack } from '@shared/pack/schema'
import { ApiError } from '@shared/result'
import type { SearchResult } from '@shared/domain/search'
import { fixturePack } from '../fixtures/pack'
import { api } from '../helpers/fake-api'

export interface FakeNotes {
  pack: Pack
  items: AnnotationView[]
  trash: Map<string, AnnotationView>
  search: SearchResult[]
  nextId: number
}

export const notes: FakeNotes = { pack: fixturePack(), items: [], trash: new Map(), search: [], nextId: 1 }

const copy = <T>(value: T): T => structuredClone(value)
const NOW = '2026-11-02T10:00:00.000Z'

function blockOf(pack: Pack, blockId: string): { text: string; sectionId: string } | undefined {
  for (const s of pack.sections) for (const b of s.blocks) if (b.id === blockId) return { text: blockPlainText(b), sectionId: s.id }
  return undefined
}

/** An annotation as main would list it against `pack`, anchored (or orphaned) there. */
export function makeAnnotation(
  pack: Pack,
  blockId: string,
  exact: string,
  options: { color?: AnnotationColor; note?: string; id?: string; nth?: number } = {}
): AnnotationView {
  const block = blockOf(pack, blockId)
  let start = -1
  for (let i = 0; i <= (options.nth ?? 0); i++) start = block ? block.text.indexOf(exact, start + 1) : -1
  const at = Math.max(0, start)
  return {
    id: options.id ?? `ann-${notes.nextId++}`,
    packId: pack.id,
    blockId,
    sectionId: block?.sectionId ?? 'sec-gone',
    selector: {
      type: 'TextQuoteSelector',
      exact,
      prefix: block?.text.slice(Math.max(0, at - 32), at) ?? '',
      suffix: block?.text.slice(at + exact.length, at + exact.length + 32) ?? ''
    },
    position: { start: at, end: at + exact.length },
    color: options.color ?? 'yellow',
    note: options.note ?? '',
    createdAt: NOW,
    updatedAt: NOW,
    status: start >= 0 ? 'anchored' : 'orphaned',
    range: start >= 0 ? { start, end: start + exact.length } : null
  }
}

const validation = (message: string): ApiError => new ApiError({ code: 'validation', message, issues: [{ path: 'note', message }] })

/** Installs working fakes; call after resetApi(). */
export function installNotes(items: AnnotationView[] = [], pack: Pack = fixturePack()): void {
  Object.assign(notes, { pack, items: copy(items), trash: new Map(), search: [] })
  api['packs:get'].mockImplementation(async () => copy(notes.pack))
  api['annotations:list'].mockReset().mockImplementation(async () => copy(notes.items))
  api['annotations:add'].mockReset().mockImplementation(async ({ blockId, selector, start, color, note }) => {
    const block = blockOf(notes.pack, blockId)
    const found = block ? anchor(block.text, selector, { exactOnly: true, ...(start !== undefined ? { hint: start } : {}) }) : null
    if (!block || !found) throw new ApiError({ code: 'validation', message: 'The highlighted text does not occur in this block.' })
    const view: AnnotationView = {
      id: `ann-${notes.nextId++}`,
      packId: notes.pack.id,
      blockId,
      sectionId: block.sectionId,
      selector: { type: 'TextQuoteSelector', exact: selector.exact, prefix: selector.prefix ?? '', suffix: selector.suffix ?? '' },
      position: { start: found.start, end: found.end },
      color,
      note: note ?? '',
      createdAt: NOW,
      updatedAt: NOW,
      status: 'anchored',
      range: { start: found.start, end: found.end }
    }
    notes.items.push(view)
    return copy(view)
  })
  api['annotations:update'].mockReset().mockImplementation(async ({ id, color, note }) => {
    const a = notes.items.find((x) => x.id === id)
    if (!a) throw new ApiError({ code: 'not-found', message: `No annotation with id "${id}".` })
    if (note !== undefined && note.length > 10_000) {
      throw validation(`A note can be at most 10,000 characters; this one has ${note.length.toLocaleString('en-US')}.`)
    }
    if (color) a.color = color
    if (note !== undefined) a.note = note
    return copy(a)
  })
  api['annotations:delete'].mockReset().mockImplementation(async ({ id }) => {
    const a = notes.items.find((x) => x.id === id)
    if (!a) throw new ApiError({ code: 'not-found', message: 'gone' })
    notes.items = notes.items.filter((x) => x.id !== id)
    notes.trash.set(id, a)
    return copy(a)
  })
  api['annotations:restore'].mockReset().mockImplementation(async ({ id }) => {
    const a = notes.trash.get(id)
    if (!a) throw new ApiError({ code: 'not-found', message: 'not in the trash' })
    notes.trash.delete(id)
    notes.items.push(a)
    return copy(a)
  })
  api['annotations:export'].mockReset().mockImplementation(async () => ({
    fileName: 'fixture-annotations-2026-11-02.md',
    markdown: notes.items.map((a) => `> ${a.selector.exact}\n\n${a.note}`).join('\n\n')
  }))
  api['files:save'].mockReset().mockImplementation(async () => ({ mode: 'saved', path: '/home/student/fixture-annotations-2026-11-02.md' }))
  api['search:query'].mockReset().mockImplementation(async () => copy(notes.search))
  api['study:addCustomCard'].mockReset().mockImplementation(async (input) => ({
    itemId: `hl:${input.id}`,
    ref: { kind: 'highlight', id: input.id, text: input.text, answer: input.answer, blockId: input.blockId, createdAt: NOW },
    sectionIds: ['sec-origins'],
    card: { itemId: `hl:${input.id}`, state: 'new', due: null, stability: 0, difficulty: 0, reps: 0, lapses: 0, lastReview: null, retrievability: null }
  }))
}
