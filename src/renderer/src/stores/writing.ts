// Why: the Mains answer-writing desk's state: the prompts on offer, the answer
// being written (its clock starts when the student starts), the attempt being
// scored, and the history main keeps. Main saves each answer before the desk
// moves on, so a failed save leaves the text on screen to try again.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api } from '@renderer/api'
import { t } from '@renderer/i18n'
import { fromPack, ownPrompt, pickPaper, type DeskPrompt } from '@renderer/lib/mains-paper'
import { saveTextFile } from '@renderer/lib/save-file'
import { createDraftSaver } from './draft-saver'
import type { MainsPrompt, Rubric, WritingAttempt, WritingDraft, WritingOverview } from '@shared/domain/writing'
import { paperSeconds } from '@shared/domain/writing'
import { useNoticesStore } from './notices'
import type { Outcome } from './study'

export interface Draft {
  prompt: DeskPrompt
  onPaper: boolean
  startedAt: string
  text: string
}

export interface Paper {
  id: string
  prompts: DeskPrompt[]
  onPaper: boolean
  startedAt: string
  /** Seconds for the whole paper (3 hours for 20 questions). */
  seconds: number
  /** The question being written (index into prompts); prompts.length once all are in. */
  index: number
  attemptIds: string[]
}

const EMPTY: WritingOverview = { attempts: [], rewritesDue: [], nextRewrite: null }

const keyOf = (p: DeskPrompt): string => (p.source.kind === 'pack' ? `${p.source.packId}/${p.source.questionId}` : '')

export const useWritingStore = defineStore('writing', () => {
  const prompts = ref<MainsPrompt[]>([])
  const overview = ref<WritingOverview>(EMPTY)
  const status = ref<'idle' | 'loading' | 'ready' | 'failed'>('idle')
  const draft = ref<Draft | null>(null)
  const paper = ref<Paper | null>(null)
  /** The attempt being self-scored now. */
  const scoring = ref<WritingAttempt | null>(null)
  /** The attempt just scored: its result and the model outline are shown. */
  const reviewed = ref<WritingAttempt | null>(null)
  const busy = ref(false)
  const keeper = createDraftSaver(() => draftToSave())

  const attempts = computed(() => overview.value.attempts)
  const paperAttempts = computed(() => (paper.value ? attempts.value.filter((a) => a.paperId === paper.value?.id) : []))

  async function load(): Promise<void> {
    status.value = 'loading'
    try {
      const [list, view, saved] = await Promise.all([api['writing:prompts'](), api['writing:overview'](), api['writing:draft']()])
      prompts.value = list ?? []
      overview.value = view ?? EMPTY
      if (!draft.value && saved) resume(saved)
      status.value = 'ready'
    } catch (err) {
      useNoticesStore().reportError(err, () => t('write.actions.load'))
      status.value = 'failed'
    }
  }

  async function refresh(): Promise<void> {
    try {
      overview.value = (await api['writing:overview']()) ?? EMPTY
    } catch (err) {
      useNoticesStore().reportError(err, () => t('write.actions.refresh'))
    }
  }

  /** Puts back the answer (and paper) main kept from before a restart; one whose question is gone stays on disk, untouched. */
  function resume(saved: WritingDraft): void {
    const src = saved.source
    const prompt = src.kind === 'own' ? ownPrompt(src.prompt, src.marks) : promptFor(`${src.packId}/${src.questionId}`)
    if (!prompt) return
    const p = saved.paper
    const paperPrompts = p ? p.promptKeys.map(promptFor) : []
    if (p && paperPrompts.every((x) => x !== null)) {
      paper.value = {
        id: p.id,
        prompts: paperPrompts as DeskPrompt[],
        onPaper: saved.onPaper,
        startedAt: p.startedAt,
        seconds: p.seconds,
        index: p.index,
        attemptIds: []
      }
    }
    draft.value = { prompt, onPaper: saved.onPaper, startedAt: saved.startedAt, text: saved.text }
  }

  /** What main keeps of the draft: the prompt's source, the text, the clock, and the paper it belongs to. */
  function draftToSave(): WritingDraft | null {
    const d = draft.value
    if (!d) return null
    const p = paper.value
    return {
      source: d.prompt.source,
      onPaper: d.onPaper,
      text: d.onPaper ? '' : d.text,
      startedAt: d.startedAt,
      ...(p ? { paper: { id: p.id, promptKeys: p.prompts.map(keyOf), index: p.index, startedAt: p.startedAt, seconds: p.seconds } } : {})
    }
  }

  function promptFor(promptKey: string): DeskPrompt | null {
    const found = prompts.value.find((p) => p.promptKey === promptKey)
    return found ? fromPack(found) : null
  }

  function start(prompt: DeskPrompt, onPaper: boolean): void {
    reviewed.value = null
    scoring.value = null
    draft.value = { prompt, onPaper, startedAt: new Date().toISOString(), text: '' }
    void keeper.save()
  }

  function setText(text: string): void {
    if (!draft.value) return
    draft.value = { ...draft.value, text }
    void keeper.save('later')
  }

  function abandon(): void {
    draft.value = null
    void keeper.save()
  }

  /** Saves the draft; resolves with the attempt main kept, or null (the draft stays on screen). */
  async function send(paperId?: string): Promise<WritingAttempt | null> {
    const d = draft.value
    if (!d || busy.value) return null
    busy.value = true
    try {
      // A draft save still on its way must land before the submit that clears it.
      await keeper.settle()
      const saved = await api['writing:submit']({
        source: d.prompt.source,
        onPaper: d.onPaper,
        text: d.onPaper ? '' : d.text,
        startedAt: d.startedAt,
        ...(paperId ? { paperId } : {})
      })
      overview.value = { ...overview.value, attempts: [saved, ...overview.value.attempts] }
      draft.value = null
      return saved
    } catch (err) {
      useNoticesStore().reportError(err, () => t('write.actions.submit'))
      // Not submitted: the text stays on screen, and on disk as a draft.
      void keeper.save()
      return null
    } finally {
      busy.value = false
    }
  }

  async function submit(): Promise<Outcome> {
    const saved = await send()
    if (!saved) return { ok: false, message: t('write.errors.notSaved') }
    scoring.value = saved
    return { ok: true }
  }

  function startPaper(onPaper: boolean): Outcome {
    const picked = pickPaper(prompts.value)
    if (picked.length === 0) return { ok: false, message: t('write.errors.noPaperPrompts') }
    const startedAt = new Date().toISOString()
    const desk = picked.map(fromPack)
    reviewed.value = null
    scoring.value = null
    paper.value = {
      id: `wp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`,
      prompts: desk,
      onPaper,
      startedAt,
      seconds: paperSeconds(desk.map((p) => p.marks)),
      index: 0,
      attemptIds: []
    }
    draft.value = { prompt: desk[0] as DeskPrompt, onPaper, startedAt, text: '' }
    void keeper.save()
    return { ok: true }
  }

  /** Saves this question's answer and moves to the next (or to the end of the paper). */
  async function nextInPaper(): Promise<Outcome> {
    const p = paper.value
    if (!p) return { ok: false, message: t('write.errors.noPaper') }
    const saved = await send(p.id)
    if (!saved) return { ok: false, message: t('write.errors.paperAnswerNotSaved') }
    const index = p.index + 1
    paper.value = { ...p, index, attemptIds: [...p.attemptIds, saved.id] }
    const next = p.prompts[index]
    if (next) {
      draft.value = { prompt: next, onPaper: p.onPaper, startedAt: new Date().toISOString(), text: '' }
      void keeper.save()
    }
    return { ok: true }
  }

  function endPaper(): void {
    const hadDraft = draft.value !== null
    paper.value = null
    draft.value = null
    if (hadDraft) void keeper.save()
  }

  function scoreLater(attempt: WritingAttempt): void {
    reviewed.value = null
    scoring.value = attempt
  }

  async function score(covered: number[], rubric: Rubric): Promise<Outcome> {
    const target = scoring.value
    if (!target || busy.value) return { ok: false, message: t('write.errors.nothingToScore') }
    busy.value = true
    try {
      const saved = await api['writing:score']({ attemptId: target.id, covered, rubric })
      scoring.value = null
      reviewed.value = saved
      // Rewrites due change with every score: ask main again.
      await refresh()
      return { ok: true }
    } catch (err) {
      const notice = useNoticesStore().reportError(err, () => t('write.actions.score'))
      return { ok: false, message: notice.detail ?? notice.message }
    } finally {
      busy.value = false
    }
  }

  function closeReview(): void {
    reviewed.value = null
  }

  /**
   * The file is main's, with English headings whatever the page shows: it leaves the app (to a mentor, to
   * another machine), the prompts and key points in it are English pack text, and the answers are kept verbatim
   * in whatever script they were written. Print, which is the page itself, follows the page's language.
   */
  async function exportMarkdown(promptKey?: string): Promise<Outcome> {
    try {
      const file = await api['writing:export'](promptKey ? { promptKey } : undefined)
      const result = await saveTextFile(file.fileName, file.content, 'text/markdown')
      return result.mode === 'cancelled' ? { ok: false, message: t('write.errors.exportCancelled') } : { ok: true }
    } catch (err) {
      const notice = useNoticesStore().reportError(err, () => t('write.actions.export'))
      return { ok: false, message: notice.detail ?? notice.message }
    }
  }

  return {
    prompts,
    overview,
    attempts,
    status,
    draft,
    paper,
    paperAttempts,
    scoring,
    reviewed,
    busy,
    draftState: keeper.state,
    load,
    refresh,
    promptFor,
    start,
    setText,
    abandon,
    submit,
    startPaper,
    nextInPaper,
    endPaper,
    scoreLater,
    score,
    closeReview,
    exportMarkdown
  }
})
