// Why: the full Prelims paper as the student sits it. Main sets and marks it;
// this store keeps the answer sheet (answers, marks for review, time per
// question) and sends it whole to main on every answer or mark, and a few
// seconds after moving between questions, so a restart mid-paper loses at
// most those seconds of timing and never an answer. Saves go one after
// another, so an older sheet can never overwrite a newer one.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api } from '@renderer/api'
import { t } from '@renderer/i18n'
import type { PrelimsAvailability, PrelimsPaper, PrelimsResult, PrelimsResultSummary } from '@shared/domain/prelims'
import { clockTotals, pauseClock, startClock, switchQuestion, type QuestionClock } from '@shared/domain/prelims-time'
import type { Outcome } from './study'
import { useNoticesStore } from './notices'

/** Moving between questions only changes the timing; it is saved this long after the last move. */
const TIME_SAVE_DELAY_MS = 3000

export const usePrelimsStore = defineStore('prelims', () => {
  const availability = ref<PrelimsAvailability | null>(null)
  const paper = ref<PrelimsPaper | null>(null)
  const answers = ref<(number | null)[]>([])
  const review = ref<boolean[]>([])
  const index = ref(0)
  const result = ref<PrelimsResult | null>(null)
  const history = ref<PrelimsResultSummary[]>([])
  const sitting = ref(false)
  const busy = ref(false)
  const saveState = ref<'saved' | 'saving' | 'failed'>('saved')
  let clock: QuestionClock = startClock([], null, 0)
  let saving: Promise<void> = Promise.resolve()
  /** Counts saves asked for, so only the newest one's landing shows as saved. */
  let saves = 0
  let timeSave: ReturnType<typeof setTimeout> | undefined

  const answered = computed(() => answers.value.filter((a) => a !== null).length)
  const marked = computed(() => review.value.filter(Boolean).length)

  function adopt(next: PrelimsPaper | null): void {
    paper.value = next
    answers.value = next ? [...next.answers] : []
    review.value = next ? [...next.review] : []
    index.value = 0
    clock = startClock(next ? next.timeMs : [], null, Date.now())
  }

  /** Only the latest load may adopt what it found: an older one would bring back a paper handed in since. */
  let loads = 0
  async function load(): Promise<void> {
    const mine = ++loads
    // A sheet saved on leaving the paper must land before the paper is read back, or its last seconds would be lost.
    await saving
    try {
      const [avail, active, past] = await Promise.all([api['prelims:availability'](), api['prelims:active'](), api['prelims:history']()])
      if (mine !== loads) return
      availability.value = avail ?? null
      if (!sitting.value) adopt(active ?? null)
      history.value = past ?? []
    } catch (err) {
      useNoticesStore().reportError(err, () => t('prelims.actions.check'))
      return
    }
    // The bell rang while the app was closed: hand the paper in as it was saved, as the exam hall would.
    if (paper.value && !sitting.value && Date.parse(paper.value.endsAt) <= Date.now()) await submit()
  }

  async function start(allowShort: boolean): Promise<Outcome> {
    busy.value = true
    try {
      adopt(await api['prelims:start']({ allowShort }))
      result.value = null
      sitting.value = true
      clock = startClock(clock.spent, 0, Date.now())
      return { ok: true }
    } catch (err) {
      const notice = useNoticesStore().reportError(err, () => t('prelims.actions.start'))
      return { ok: false, message: notice.detail ?? notice.message }
    } finally {
      busy.value = false
    }
  }

  function resume(): void {
    if (!paper.value) return
    sitting.value = true
    clock = startClock(clock.spent, index.value, Date.now())
  }

  /** Leaving the view stops the clock on the question shown. */
  function pause(): void {
    clock = pauseClock(clock, Date.now())
    if (paper.value && sitting.value) void save()
    sitting.value = false
  }

  /** The window is hidden (minimised, another app in front): no question is being read, so none gets the time. */
  function hide(): void {
    clock = pauseClock(clock, Date.now())
  }

  function show(): void {
    if (sitting.value && !clock.open) clock = startClock(clock.spent, index.value, Date.now())
  }

  function sheet(open: PrelimsPaper) {
    return { paperId: open.paperId, answers: [...answers.value], review: [...review.value], timeMs: clockTotals(clock, Date.now()) }
  }

  function save(): Promise<void> {
    const open = paper.value
    clearTimeout(timeSave)
    if (!open || busy.value) return saving
    const snapshot = sheet(open)
    const mine = ++saves
    saveState.value = 'saving'
    saving = saving.then(async () => {
      try {
        await api['prelims:save'](snapshot)
        // "Saved" only once the newest sheet has landed: an older save finishing while newer answers wait must not say so.
        if (paper.value === open && mine === saves) saveState.value = 'saved'
      } catch (err) {
        // The sheet stays on screen and goes to main again with the next change or on submit.
        saveState.value = 'failed'
        useNoticesStore().reportError(err, () => t('prelims.actions.save'))
      }
    })
    return saving
  }

  function go(i: number): void {
    const open = paper.value
    if (!open) return
    const next = Math.min(Math.max(i, 0), open.questions.length - 1)
    if (next === index.value) return
    clock = switchQuestion(clock, next, Date.now())
    index.value = next
    clearTimeout(timeSave)
    timeSave = setTimeout(() => void save(), TIME_SAVE_DELAY_MS)
  }

  function choose(option: number | null): Promise<void> {
    if (!paper.value || busy.value) return saving
    answers.value = answers.value.map((a, i) => (i === index.value ? option : a))
    return save()
  }

  function toggleReview(): Promise<void> {
    if (!paper.value || busy.value) return saving
    review.value = review.value.map((r, i) => (i === index.value ? !r : r))
    return save()
  }

  async function submit(): Promise<Outcome> {
    const open = paper.value
    if (!open) return { ok: false, message: t('prelims.errors.noPaper') }
    if (busy.value) return { ok: false, message: t('prelims.errors.alreadyHandingIn') }
    clearTimeout(timeSave)
    // Busy before waiting, so a second hand-in (the bell and the button, or two loads) cannot slip in meanwhile.
    busy.value = true
    try {
      await saving
      const marked = await api['prelims:submit'](sheet(open))
      result.value = marked
      adopt(null)
      sitting.value = false
      history.value = [
        { paperId: marked.paperId, submittedAt: marked.submittedAt, questions: marked.questions, score: marked.score, maxScore: marked.maxScore },
        ...history.value
      ]
      return { ok: true }
    } catch (err) {
      // The paper and every answer stay; the student can hand it in again.
      const notice = useNoticesStore().reportError(err, () => t('prelims.actions.submit'))
      return { ok: false, message: notice.detail ?? notice.message }
    } finally {
      busy.value = false
    }
  }

  async function showResult(paperId: string): Promise<void> {
    try {
      result.value = await api['prelims:result']({ paperId })
    } catch (err) {
      useNoticesStore().reportError(err, () => t('prelims.actions.result'))
    }
  }

  function closeResult(): void {
    result.value = null
    void load()
  }

  return {
    availability,
    paper,
    answers,
    review,
    index,
    result,
    history,
    sitting,
    busy,
    saveState,
    answered,
    marked,
    load,
    start,
    resume,
    pause,
    hide,
    show,
    go,
    choose,
    toggleReview,
    submit,
    showResult,
    closeResult
  }
})
