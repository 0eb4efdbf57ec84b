// Why: one study session (due, cram or section quiz) as main scheduled it. An
// item leaves the session only after main has written its rating to disk, so
// a failed save leaves the student's answer on screen to try again.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api } from '@renderer/api'
import { t } from '@renderer/i18n'
import type { QueueItem, QueueMode, StudyQueue, StudyRating } from '@shared/domain/study'
import { ApiError } from '@shared/result'
import { useNoticesStore } from './notices'
import { useLibraryStore } from './library'

export interface SessionOptions {
  packId: string
  mode: QueueMode
  sectionId?: string
  /** Cram only: let these answers move the schedule. */
  reschedule?: boolean
}

export type Outcome = { ok: true } | { ok: false; message: string }

const SESSION_LIMIT = 200

export const useStudyStore = defineStore('study', () => {
  const session = ref<SessionOptions | null>(null)
  const items = ref<QueueItem[]>([])
  const counts = ref<StudyQueue['counts'] | null>(null)
  /** Items rated in this session, newest last, so an undo can bring one back. */
  const rated = ref<QueueItem[]>([])
  const reviewed = ref(0)
  const loading = ref(false)
  const saving = ref(false)

  const current = computed(() => items.value[0] ?? null)

  async function fetchQueue(opts: SessionOptions, limit: number): Promise<StudyQueue> {
    return api['study:queue']({
      packId: opts.packId,
      mode: opts.mode,
      limit,
      ...(opts.mode === 'section' && opts.sectionId ? { sectionId: opts.sectionId } : {})
    })
  }

  /** Counts for the start screen, without starting anything. */
  async function peek(packId: string): Promise<void> {
    try {
      counts.value = (await fetchQueue({ packId, mode: 'due' }, 1))?.counts ?? null
    } catch (err) {
      useNoticesStore().reportError(err, () => t('selftest.actions.countDue'))
    }
  }

  async function start(opts: SessionOptions): Promise<boolean> {
    if (loading.value) return false
    loading.value = true
    try {
      const queue = await fetchQueue(opts, SESSION_LIMIT)
      // The student switched packs while the queue was on its way: a session of the pack they left is not what they see.
      if (!useLibraryStore().stillOpen(opts.packId)) return false
      session.value = { ...opts }
      items.value = queue.items
      counts.value = queue.counts
      rated.value = []
      reviewed.value = 0
      return true
    } catch (err) {
      useNoticesStore().reportError(err, () => t('selftest.actions.start'))
      return false
    } finally {
      loading.value = false
    }
  }

  /** Due mode only: learning steps come due again within minutes, so ask main once the list runs dry. */
  async function refill(): Promise<void> {
    const opts = session.value
    if (!opts || opts.mode !== 'due' || items.value.length > 0) return
    try {
      const queue = await fetchQueue(opts, SESSION_LIMIT)
      items.value = queue.items
      counts.value = queue.counts
    } catch (err) {
      useNoticesStore().reportError(err, () => t('selftest.actions.refill'))
    }
  }

  async function rate(rating: StudyRating): Promise<Outcome> {
    const opts = session.value
    const item = current.value
    if (!opts || !item) return { ok: false, message: t('selftest.session.noItem') }
    if (saving.value) return { ok: false, message: t('selftest.session.stillSaving') }
    saving.value = true
    try {
      const cram = opts.mode === 'cram'
      const card = await api['study:rate']({
        packId: opts.packId,
        itemId: item.itemId,
        rating,
        ...(cram ? { cram: true, ...(opts.reschedule ? { reschedule: true } : {}) } : {})
      })
      // Main has it on disk: only now does the item leave the screen.
      rated.value = [...rated.value, { ...item, card }]
      items.value = items.value.filter((i) => i !== item)
      reviewed.value += 1
    } catch (err) {
      const notice = useNoticesStore().reportError(err, () => t('selftest.actions.rate'))
      return { ok: false, message: notice.detail ?? notice.message }
    } finally {
      saving.value = false
    }
    await refill()
    return { ok: true }
  }

  async function undo(): Promise<Outcome & { itemId?: string }> {
    const opts = session.value
    if (!opts) return { ok: false, message: t('selftest.session.nothingToUndo') }
    if (saving.value) return { ok: false, message: t('selftest.session.waitUndo') }
    saving.value = true
    try {
      const undone = await api['study:undo']({ packId: opts.packId })
      const back = [...rated.value].reverse().find((i) => i.itemId === undone.itemId)
      if (back) {
        rated.value = rated.value.filter((i) => i !== back)
        reviewed.value = Math.max(0, reviewed.value - 1)
        // The undone item is asked again first, as it was before the rating.
        items.value = [{ ...back, card: undone.card }, ...items.value.filter((i) => i.itemId !== back.itemId)]
      }
      return { ok: true, itemId: undone.itemId }
    } catch (err) {
      if (err instanceof ApiError && err.code === 'not-found') return { ok: false, message: t('selftest.session.noRatingToUndo') }
      const notice = useNoticesStore().reportError(err, () => t('selftest.actions.undo'))
      return { ok: false, message: notice.detail ?? notice.message }
    } finally {
      saving.value = false
    }
  }

  function end(): void {
    session.value = null
    items.value = []
    rated.value = []
    reviewed.value = 0
  }

  return { session, items, counts, rated, reviewed, loading, saving, current, peek, start, rate, undo, end }
})
