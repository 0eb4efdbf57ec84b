// Why: a UPSC-style mock paper: main picks and marks it, and keeps every choice
// on disk as it is made (mock:saveAnswers), so an open paper resumes after a
// restart with its answers, and a failed submit keeps them for another try.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '@renderer/api'
import { t } from '@renderer/i18n'
import type { MockPaper, MockResult } from '@shared/domain/study'
import type { Outcome } from './study'
import { useNoticesStore } from './notices'
import { useLibraryStore } from './library'

export type MockAnswers = Record<string, number | null>

export const useMockStore = defineStore('mock', () => {
  /** The open paper main holds, or null. */
  const paper = ref<MockPaper | null>(null)
  const answers = ref<MockAnswers>({})
  /** The result just submitted, shown until the student closes it. */
  const result = ref<MockResult | null>(null)
  const history = ref<MockResult[]>([])
  const busy = ref(false)
  /** 'saving' while a choice is on its way to disk; 'failed' if the last one did not get there. */
  const saveState = ref<'saved' | 'saving' | 'failed'>('saved')
  /** Choices are saved one after another, so an older one can never overwrite a newer one. */
  let saving: Promise<void> = Promise.resolve()
  /** Whether the student is sitting the open paper now (it may be open but set aside). */
  const sitting = ref(false)

  function adopt(next: MockPaper | null): void {
    paper.value = next
    answers.value = next ? { ...(next.answers ?? {}) } : {}
  }

  async function loadActive(packId: string): Promise<void> {
    try {
      // `?? null`: a bridge that answers nothing (an older host, a bare test double) reads as "no open paper".
      adopt((await api['mock:active']({ packId })) ?? null)
    } catch (err) {
      useNoticesStore().reportError(err, () => t('selftest.actions.checkMock'))
    }
  }

  async function loadHistory(packId: string): Promise<void> {
    try {
      history.value = (await api['mock:history']({ packId })) ?? []
    } catch (err) {
      useNoticesStore().reportError(err, () => t('selftest.actions.loadHistory'))
    }
  }

  async function start(packId: string, count: number, sectionIds?: string[]): Promise<Outcome> {
    busy.value = true
    try {
      const started = await api['mock:start']({ packId, count, ...(sectionIds?.length ? { sectionIds } : {}) })
      // Switched packs meanwhile: the paper stays saved in main and is offered again in its own pack.
      if (!useLibraryStore().stillOpen(packId)) return { ok: false, message: t('shell.gate.packChanged') }
      adopt(started)
      result.value = null
      sitting.value = true
      return { ok: true }
    } catch (err) {
      const notice = useNoticesStore().reportError(err, () => t('selftest.actions.startMock'))
      return { ok: false, message: notice.detail ?? notice.message }
    } finally {
      busy.value = false
    }
  }

  function resume(): void {
    if (paper.value) sitting.value = true
  }

  function choose(questionId: string, option: number | null): Promise<void> {
    const open = paper.value
    if (!open || busy.value) return saving
    answers.value = { ...answers.value, [questionId]: option }
    const snapshot = { ...answers.value }
    saveState.value = 'saving'
    saving = saving.then(async () => {
      try {
        await api['mock:saveAnswers']({ mockId: open.mockId, answers: snapshot })
        if (answers.value === snapshot || sameAnswers(answers.value, snapshot)) saveState.value = 'saved'
      } catch (err) {
        // The choice stays on screen and goes to main again with the next choice or on submit.
        saveState.value = 'failed'
        useNoticesStore().reportError(err, () => t('selftest.actions.saveMockAnswer'))
      }
    })
    return saving
  }

  async function submit(): Promise<Outcome> {
    const open = paper.value
    if (!open) return { ok: false, message: t('selftest.mock.noPaper') }
    if (busy.value) return { ok: false, message: t('selftest.mock.submitting') }
    busy.value = true
    try {
      await saving
      const marked = await api['mock:submit']({ mockId: open.mockId, answers: { ...answers.value } })
      result.value = marked
      paper.value = null
      answers.value = {}
      sitting.value = false
      history.value = [marked, ...history.value.filter((r) => r.mockId !== marked.mockId)]
      return { ok: true }
    } catch (err) {
      // The paper and every answer stay; the student can submit again.
      const notice = useNoticesStore().reportError(err, () => t('selftest.actions.submitMock'))
      return { ok: false, message: notice.detail ?? notice.message }
    } finally {
      busy.value = false
    }
  }

  function closeResult(): void {
    result.value = null
  }

  return { paper, answers, result, history, busy, saveState, sitting, loadActive, loadHistory, start, resume, choose, submit, closeResult }
})

function sameAnswers(a: MockAnswers, b: MockAnswers): boolean {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k])
}
