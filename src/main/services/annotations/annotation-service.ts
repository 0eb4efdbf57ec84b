// Why: a student's highlights and notes, in their own files (see
// annotation-store.ts) so nothing else's save can touch them. Every change is on disk before it is
// confirmed; an annotation whose words left the pack is listed as orphaned,
// never dropped; a deleted one waits in a small trash so undo is exact.
import { randomUUID } from 'node:crypto'
import type * as z from 'zod'
import { anchor, quoteSelector, type TextRange } from '../../../shared/domain/anchoring'
import type { Annotation, AnnotationExport, AnnotationView } from '../../../shared/annotations'
import type { StoreNotice } from '../../../shared/domain'
import type { Pack } from '../../../shared/pack/schema'
import type { AddAnnotationInput, UpdateAnnotationInput } from '../../../shared/routes/annotations'
import { NotFoundError, ServiceError } from '../errors'
import type { PackService } from '../packs/pack-service'
import { nextSlice } from '../store/turns'
import { AnnotationStore, type AnnotationStoreOptions } from './annotation-store'
import { blockTable, type BlockEntry } from './pack-blocks'
import { annotationsMarkdown, exportFileName } from './markdown-export'

export type AddInput = z.output<typeof AddAnnotationInput>
export type UpdateInput = z.output<typeof UpdateAnnotationInput>

/** An annotation as listed, with the keys it is sorted by. */
interface Shown {
  entry: BlockEntry | undefined
  view: AnnotationView
  block: number
  start: number
  created: number
}

/** `2026-11-25T10:00:00.000Z`, as toISOString writes it. */
const ISO_FIXED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/** Views built per turn of the event loop by listInSlices and allInSlices. */
const LIST_SLICE = 500

export type AnnotationChange = { type: 'upsert'; annotation: AnnotationView } | { type: 'remove'; id: string; packId: string }

export interface AnnotationService {
  /** Every annotation of the pack in reading order, orphans last. */
  list(packId: string): AnnotationView[]
  /** The same, built a slice at a time with a pause between slices (the annotations:list channel). */
  listInSlices(packId: string): Promise<AnnotationView[]>
  /** Every annotation of every pack (for the search index). */
  all(): AnnotationView[]
  /** The same, a slice at a time with a pause between slices, so 5,000 highlights never stall the main process (search index at start). */
  allInSlices(size?: number): AsyncIterable<AnnotationView[]>
  add(input: AddInput): Promise<AnnotationView>
  update(input: UpdateInput): Promise<AnnotationView>
  delete(id: string): Promise<AnnotationView>
  restore(id: string): Promise<AnnotationView>
  export(packId: string): AnnotationExport
  /** Called after each change is on disk. Returns an unsubscribe function. */
  subscribe(listener: (change: AnnotationChange) => void): () => void
  /** Waits for pending writes and any checkpoint in progress. */
  flush(): Promise<void>
  /** Replaces the stored files (restore, reset) and tells the listeners what came and went. */
  replaceAll(next: Parameters<AnnotationStore['replaceAll']>[0]): Promise<void>
  /** Its files' recovery notices and any checkpoint failure, as they are now. */
  notices(): StoreNotice[]
  readonly store: AnnotationStore
}

export interface AnnotationServiceOptions {
  dir: string
  packs: Pick<PackService, 'get' | 'has'>
  clock?: () => Date
  /** Test seam; default crypto.randomUUID. */
  newId?: () => string
  /** Passed to every store file (tests inject failing writes). */
  store?: AnnotationStoreOptions['store']
  checkpointAt?: number
  retryMs?: number
}

export async function openAnnotationService(opts: AnnotationServiceOptions): Promise<AnnotationService> {
  const clock = opts.clock ?? (() => new Date())
  const newId = opts.newId ?? randomUUID
  const { packs } = opts
  const store = await AnnotationStore.open({
    dir: opts.dir,
    clock,
    ...(opts.store ? { store: opts.store } : {}),
    ...(opts.checkpointAt !== undefined ? { checkpointAt: opts.checkpointAt } : {}),
    ...(opts.retryMs !== undefined ? { retryMs: opts.retryMs } : {})
  })
  const listeners = new Set<(change: AnnotationChange) => void>()
  const emit = (change: AnnotationChange): void => {
    for (const listener of listeners) {
      try {
        listener(change)
      } catch (error) {
        // A listener (the search index) must not turn a saved change into a failed call.
        console.error('[annotations] change listener failed', error)
      }
    }
  }

  const packOf = (packId: string): Pack | undefined => (packs.has(packId) ? packs.get(packId) : undefined)
  const tableOf = (packId: string): Map<string, BlockEntry> | undefined => {
    const pack = packOf(packId)
    return pack ? blockTable(pack) : undefined
  }

  // Anchoring is pure in (block text, selector); a selector never changes after creation.
  const anchorCache = new Map<string, { text: string; range: TextRange | null }>()
  const locate = (a: Annotation, text: string): TextRange | null => {
    const cached = anchorCache.get(a.id)
    if (cached && cached.text === text) return cached.range
    const found = anchor(text, a.selector, { hint: a.position.start })
    const range = found ? { start: found.start, end: found.end } : null
    anchorCache.set(a.id, { text, range })
    return range
  }

  // Perf: listing 5,000 highlights builds 5,000 views; each is built once per
  // (stored annotation, pack block), with its sort keys, and handed out
  // frozen, so a caller can never change the copy the next caller gets.
  const shown = new WeakMap<Annotation, Shown>()
  const show = (a: Annotation, table = tableOf(a.packId)): Shown => {
    const entry = table?.get(a.blockId)
    const cached = shown.get(a)
    if (cached && cached.entry === entry) return cached
    const range = entry ? locate(a, entry.text) : null
    const made: Shown = {
      entry,
      view: deepFreeze({
        ...a,
        selector: { ...a.selector },
        position: { ...a.position },
        sectionId: entry ? entry.section.id : a.sectionId,
        status: range ? 'anchored' : 'orphaned',
        range: range ? { ...range } : null
      }),
      block: entry && range ? entry.order : Number.MAX_SAFE_INTEGER,
      start: range?.start ?? 0,
      // A number only in toISOString's fixed form, where numeric order is string order.
      created: ISO_FIXED.test(a.createdAt) ? Date.parse(a.createdAt) : Number.NaN
    }
    shown.set(a, made)
    return made
  }
  const view = (a: Annotation, table = tableOf(a.packId)): AnnotationView => show(a, table).view

  /** Reading order: block order, then offset; orphans last; then oldest first. */
  const inReadingOrder = (items: Shown[]): AnnotationView[] => {
    // Perf: many highlights share a block and offset, so ties are common: compare numbers first.
    items.sort((x, y) => {
      const byPlace = x.block - y.block || x.start - y.start
      if (byPlace !== 0) return byPlace
      const byTime = x.created === x.created && y.created === y.created ? x.created - y.created : cmp(x.view.createdAt, y.view.createdAt)
      return byTime || cmp(x.view.id, y.view.id)
    })
    return items.map((x) => x.view)
  }

  const list = (packId: string): AnnotationView[] => {
    const table = tableOf(packId)
    const mine: Shown[] = []
    for (const a of store.values()) if (a.packId === packId) mine.push(show(a, table))
    // A pack that is gone still lists its annotations (all orphaned); a name nobody used is an error.
    if (!table && mine.length === 0) throw new NotFoundError(`No notes pack with id "${packId}".`)
    return inReadingOrder(mine)
  }

  // The state as the call began (the annotations are never changed in place),
  // so a change landing between slices is simply not in this answer.
  const listInSlices = async (packId: string): Promise<AnnotationView[]> => {
    const table = tableOf(packId)
    const all = store.values()
    const mine: Shown[] = []
    for (let i = 0; i < all.length; i += LIST_SLICE) {
      if (i > 0) await nextSlice()
      for (let j = i; j < Math.min(all.length, i + LIST_SLICE); j++) {
        const a = all[j] as Annotation
        if (a.packId === packId) mine.push(show(a, table))
      }
    }
    if (!table && mine.length === 0) throw new NotFoundError(`No notes pack with id "${packId}".`)
    return inReadingOrder(mine)
  }

  const requireLive = (id: string): Annotation => {
    const found = store.get(id)
    if (!found) throw new NotFoundError(`No annotation with id "${id}"; it may have been deleted.`)
    return found
  }

  return {
    store,
    notices: () => store.notices,
    flush: () => store.flush(),
    async replaceAll(next) {
      const before = store.values()
      try {
        await store.replaceAll(next)
      } finally {
        // Even after a failed write: memory is what is on disk, and search must match it.
        anchorCache.clear()
        for (const a of before) emit({ type: 'remove', id: a.id, packId: a.packId })
        for (const a of store.values()) emit({ type: 'upsert', annotation: view(a) })
      }
    },
    list,
    all: () => store.values().map((a) => view(a)),
    listInSlices,
    async *allInSlices(size = LIST_SLICE) {
      const all = store.values()
      for (let i = 0; i < all.length; i += size) {
        if (i > 0) await nextSlice()
        yield all.slice(i, i + size).map((a) => view(a))
      }
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },

    async add(input) {
      const pack = packs.get(input.packId)
      const entry = blockTable(pack).get(input.blockId)
      if (!entry) {
        throw new ServiceError('validation', `Pack "${input.packId}" has no block "${input.blockId}".`, [{ path: 'blockId', message: 'unknown block' }])
      }
      const found = anchor(entry.text, input.selector, { exactOnly: true, ...(input.start !== undefined ? { hint: input.start } : {}) })
      if (!found) {
        throw new ServiceError('validation', `The highlighted text does not occur in block "${input.blockId}"; reload the section and select it again.`, [
          { path: 'selector.exact', message: 'not found in this block' }
        ])
      }
      const now = clock().toISOString()
      const annotation: Annotation = {
        id: newId(),
        packId: input.packId,
        blockId: input.blockId,
        sectionId: entry.section.id,
        // Rebuilt from the pack's own text: the page's prefix/suffix only helped choose the occurrence.
        selector: quoteSelector(entry.text, found.start, found.end),
        position: { start: found.start, end: found.end },
        color: input.color,
        note: input.note ?? '',
        createdAt: now,
        updatedAt: now
      }
      await store.add(annotation)
      const saved = view(annotation)
      emit({ type: 'upsert', annotation: saved })
      return view(annotation)
    },

    async update({ id, color, note }) {
      const current = requireLive(id)
      if ((color === undefined || color === current.color) && (note === undefined || note === current.note)) return view(current)
      const now = clock().toISOString()
      const updated = await store.edit(id, (a) => ({
        ...a,
        ...(color !== undefined ? { color } : {}),
        ...(note !== undefined ? { note } : {}),
        updatedAt: now
      }))
      emit({ type: 'upsert', annotation: view(updated) })
      return view(updated)
    },

    async delete(id) {
      const before = view(requireLive(id))
      const deletedAt = clock().toISOString()
      await store.remove(id, deletedAt)
      emit({ type: 'remove', id, packId: before.packId })
      return before
    },

    async restore(id) {
      const live = store.get(id)
      // A second undo of the same delete changes nothing.
      if (live) return view(live)
      const restored = await store.restore(id)
      emit({ type: 'upsert', annotation: view(restored) })
      return view(restored)
    },

    export(packId) {
      const views = list(packId)
      const at = clock()
      return { fileName: exportFileName(packId, at), markdown: annotationsMarkdown({ packId, pack: packOf(packId), annotations: views, exportedAt: at }) }
    }
  }
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

function deepFreeze<V extends AnnotationView>(v: V): V {
  Object.freeze(v.selector)
  Object.freeze(v.position)
  if (v.range) Object.freeze(v.range)
  return Object.freeze(v)
}
