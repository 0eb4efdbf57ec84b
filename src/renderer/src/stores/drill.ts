// Why: a drill session over table cells. Each grade goes to main's scheduler
// (study:rate) and the session moves on only once main says it is saved, so a
// failed write keeps the card on screen to retry instead of silently losing it.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api } from '@renderer/api'
import { t } from '@renderer/i18n'
import { cardRef, columnCards, randomCards, toCard, whichCards, type DrillCard } from '@renderer/lib/drill-picks'
import { ratingForAnswer } from '@shared/domain/grading'
import type { StudyRating } from '@shared/domain/study'
import type { CompareTable, TableRow } from '@shared/pack/schema'
import { useCompareStore } from './compare'
import { useNoticesStore } from './notices'
import { useLibraryStore } from './library'

export type DrillMode = 'column' | 'random' | 'due' | 'which'

export interface DrillSession {
  mode: DrillMode
  /** What is being drilled, for the title ("India–Russia 2+2 column hidden", "6 random cells hidden"); the title itself is worded when shown, in the page's language. */
  column?: string
  count?: number
  packId: string
  cards: DrillCard[]
}

export const useDrillStore = defineStore('drill', () => {
  const session = ref<DrillSession | null>(null)
  const index = ref(0)
  const revealed = ref(false)
  const typed = ref('')
  /** "Which dialogue?": the column the student picked for the current card. */
  const choice = ref<string | null>(null)
  /** The grade main has not confirmed yet, kept so "Try again" resends it. */
  const pending = ref<StudyRating | null>(null)
  const saved = ref(false)
  const saving = ref(false)
  const error = ref('')
  const starting = ref(false)
  const tally = ref({ graded: 0, again: 0, right: 0, wrong: 0 })

  const current = computed(() => session.value?.cards[index.value] ?? null)
  const total = computed(() => session.value?.cards.length ?? 0)
  const done = computed(() => session.value !== null && index.value >= total.value)

  /** Cells still blank in the table: the cards not yet reached, and the current one until revealed. */
  const hidden = computed(() => {
    const cards = session.value?.cards ?? []
    const from = revealed.value ? index.value + 1 : index.value
    return new Set(cards.slice(from).map(cardRef))
  })

  function begin(mode: DrillMode, about: Pick<DrillSession, 'column' | 'count'>, packId: string, cards: DrillCard[]): void {
    session.value = { mode, ...about, packId, cards }
    index.value = 0
    tally.value = { graded: 0, again: 0, right: 0, wrong: 0 }
    resetCard()
  }

  function resetCard(): void {
    revealed.value = false
    typed.value = ''
    choice.value = null
    pending.value = null
    saved.value = false
    error.value = ''
  }

  function startColumn(packId: string, table: CompareTable, rows: readonly TableRow[], columnId: string): void {
    const label = table.columns.find((c) => c.id === columnId)?.label ?? columnId
    begin('column', { column: label }, packId, columnCards(table, rows, columnId))
  }

  function startRandom(packId: string, table: CompareTable, rows: readonly TableRow[], k: number, random?: () => number): void {
    begin('random', { count: k }, packId, randomCards(table, rows, k, random))
  }

  function startWhich(packId: string, table: CompareTable, rows: readonly TableRow[], k: number, random?: () => number): void {
    begin('which', {}, packId, whichCards(table, rows, k, random))
  }

  /** Cells main's scheduler says are due (or new for today), across every table of the pack. */
  async function startDue(packId: string): Promise<void> {
    starting.value = true
    try {
      const queue = await api['study:queue']({ packId, mode: 'due', kinds: ['cell'], limit: 50 })
      if (!useLibraryStore().stillOpen(packId)) return
      const cards = queue.items.flatMap((item) => (item.ref.kind === 'cell' ? [toCard(item.ref.tableId, item.ref.rowId, item.ref.columnId)] : []))
      begin('due', {}, packId, cards)
    } catch (err) {
      useNoticesStore().reportError(err, () => t('compare.actions.findDue'))
    } finally {
      starting.value = false
    }
  }

  function reveal(): void {
    revealed.value = true
  }

  /** Sends the grade; true once main has saved it. */
  async function save(rating: StudyRating): Promise<boolean> {
    const s = session.value
    const card = current.value
    if (!s || !card || saving.value) return false
    pending.value = rating
    saving.value = true
    error.value = ''
    try {
      const summary = await api['study:rate']({ packId: s.packId, itemId: card.itemId, rating })
      useCompareStore().setCard(summary)
      pending.value = null
      saved.value = true
      tally.value = { ...tally.value, graded: tally.value.graded + 1, again: tally.value.again + (rating === 1 ? 1 : 0) }
      return true
    } catch (err) {
      const notice = useNoticesStore().reportError(err, () => t('compare.actions.saveAnswer'))
      error.value = t('compare.drill.notSaved', { reason: notice.detail ?? notice.message })
      return false
    } finally {
      saving.value = false
    }
  }

  async function grade(rating: StudyRating): Promise<void> {
    if (await save(rating)) next()
  }

  /** "Which dialogue?": marked like any answer (right Good, wrong Again); the card stays to show the answer. */
  async function choose(columnId: string): Promise<void> {
    const card = current.value
    if (!card || choice.value !== null) return
    choice.value = columnId
    revealed.value = true
    const right = columnId === card.columnId
    tally.value = { ...tally.value, right: tally.value.right + (right ? 1 : 0), wrong: tally.value.wrong + (right ? 0 : 1) }
    await save(ratingForAnswer(right))
  }

  async function retry(): Promise<void> {
    if (pending.value !== null && (await save(pending.value)) && session.value?.mode !== 'which') next()
  }

  function next(): void {
    if (!session.value || index.value >= total.value) return
    index.value += 1
    resetCard()
  }

  function stop(): void {
    session.value = null
    index.value = 0
    resetCard()
  }

  return {
    session,
    index,
    revealed,
    typed,
    choice,
    pending,
    saved,
    saving,
    error,
    starting,
    tally,
    current,
    total,
    done,
    hidden,
    startColumn,
    startRandom,
    startWhich,
    startDue,
    reveal,
    grade,
    choose,
    retry,
    next,
    stop
  }
})
