// Why: a UPSC-style mock paper: main picks and marks it, the page only holds
// the student's choices until they submit. An open paper is resumed after a
// restart, and a failed submit keeps every answer for another try.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '@renderer/api'
import { clearDraft, loadDraft, saveDraft, type MockAnswers } from '@renderer/lib/mock-draft'
import type { MockPaper, MockResult } from '@shared/study'
import type { Outcome } from './study'
import { useNoticesStore } from './notices'

export const useMockStore = defineStore('mock', () => {
  /** The open paper main holds, or null. */
  const paper = ref<MockPaper | null>(null)
  const answers = ref<MockAnswers>({})
  /** The result just submitted, shown until the student closes it. */
  const result = ref<MockResult | null>(null)
  const history = ref<MockResult[]>([])
  const busy = ref(false)
  /** Whether the student is sitting the open paper now (it may be open but set aside). */
  const sitting = ref(false)

  function adopt(next: MockPaper | null): void {
    paper.value = next
    answers.value = next ? loadDraft(next.mockId) : {}
  }

  async function loadActive(packId: string): Promise<void> {
    try {
      // `?? null`: a bridge that answers nothing (an older host, a bare test double) reads as "no open paper".
      adopt((await api['mock:active']({ packId })) ?? null)
    } catch (err) {
      useNoticesStore().reportError(err, 'check for an unfinished mock test')
    }
  }

  async function loadHistory(packId: string): Promise<void> {
    try {
      history.value = (await api['mock:history']({ packId })) ?? []
    } catch (err) {
      useNoticesStore().reportError(err, 'load your past mock tests')
    }
  }

  async function start(packId: string, count: number, sectionIds?: string[]): Promise<Outcome> {
    busy.value = true
    try {
      adopt(await api['mock:start']({ packId, count, ...(sectionIds?.length ? { sectionIds } : {}) }))
      result.value = null
      sitting.value = true
      return { ok: true }
    } catch (err) {
      const notice = useNoticesStore().reportError(err, 'start a mock test')
      return { ok: false, message: notice.detail ?? notice.message }
    } finally {
      busy.value = false
    }
  }

  function resume(): void {
    if (paper.value) sitting.value = true
  }

  function choose(questionId: string, option: number | null): void {
    if (!paper.value || busy.value) return
    answers.value = { ...answers.value, [questionId]: option }
    saveDraft(paper.value.mockId, answers.value)
  }

  async function submit(): Promise<Outcome> {
    const open = paper.value
    if (!open) return { ok: false, message: 'There is no open mock test.' }
    if (busy.value) return { ok: false, message: 'The paper is already being submitted.' }
    busy.value = true
    try {
      const marked = await api['mock:submit']({ mockId: open.mockId, answers: { ...answers.value } })
      clearDraft(open.mockId)
      result.value = marked
      paper.value = null
      answers.value = {}
      sitting.value = false
      history.value = [marked, ...history.value.filter((r) => r.mockId !== marked.mockId)]
      return { ok: true }
    } catch (err) {
      // The paper and every answer stay; the student can submit again.
      const notice = useNoticesStore().reportError(err, 'submit your mock test')
      return { ok: false, message: notice.detail ?? notice.message }
    } finally {
      busy.value = false
    }
  }

  function closeResult(): void {
    result.value = null
  }

  return { paper, answers, result, history, busy, sitting, loadActive, loadHistory, start, resume, choose, submit, closeResult }
})
