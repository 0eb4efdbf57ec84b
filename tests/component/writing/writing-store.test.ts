// Why: the desk must never drop what a student typed: a failed submit keeps
// the text (on screen and as a draft), the draft goes to main as it is typed,
// and a draft main kept from before a restart is put back with its clock.
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fromPack } from '@renderer/lib/mains-paper'
import { useWritingStore } from '@renderer/stores/writing'
import type { MainsPrompt, WritingAttempt, WritingDraft } from '@shared/domain/writing'
import { api, failNext, resetApi } from '../helpers/fake-api'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

const PROMPT: MainsPrompt = {
  promptKey: 'fixture/mn-one',
  packId: 'fixture',
  packTitle: 'Fixture',
  questionId: 'mn-one',
  prompt: 'Examine the deal.',
  marks: 10,
  wordLimit: 150,
  keyPoints: ['a', 'b', 'c'],
  explanation: 'Weigh it.'
}

let saved: WritingDraft | null = null
beforeEach(() => {
  resetApi()
  setActivePinia(createPinia())
  vi.useFakeTimers()
  saved = null
  api['writing:prompts'].mockReset().mockResolvedValue([PROMPT])
  api['writing:overview'].mockReset().mockResolvedValue({ attempts: [], rewritesDue: [], nextRewrite: null })
  api['writing:draft'].mockReset().mockImplementation(async () => saved)
  api['writing:saveDraft'].mockReset().mockImplementation(async ({ draft }) => {
    saved = draft
    return { saved: true }
  })
  api['writing:submit']
    .mockReset()
    .mockImplementation(async (input) => ({ id: 'wa-1', promptKey: PROMPT.promptKey, text: input.text, score: null }) as unknown as WritingAttempt)
})
afterEach(() => {
  vi.useRealTimers()
})

describe('writing store', () => {
  it('keeps the draft on disk a moment after typing stops, as one write per burst', async () => {
    const store = useWritingStore()
    await store.load()
    store.start(fromPack(PROMPT), false)
    await vi.advanceTimersByTimeAsync(0)
    expect(saved).toMatchObject({ source: { kind: 'pack', packId: 'fixture', questionId: 'mn-one' }, text: '' })
    const calls = api['writing:saveDraft'].mock.calls.length
    store.setText('India')
    store.setText('India and')
    store.setText('India and Russia')
    expect(store.draftState).toBe('saving')
    await vi.advanceTimersByTimeAsync(1500)
    expect(api['writing:saveDraft'].mock.calls.length).toBe(calls + 1)
    expect(saved?.text).toBe('India and Russia')
    expect(store.draftState).toBe('saved')
  })

  it('keeps the text on screen and as a draft when the submit fails', async () => {
    const store = useWritingStore()
    await store.load()
    store.start(fromPack(PROMPT), false)
    store.setText('My whole answer')
    failNext('writing:submit', 'write-failed')
    expect(await store.submit()).toMatchObject({ ok: false })
    expect(store.draft?.text).toBe('My whole answer')
    await vi.advanceTimersByTimeAsync(0)
    expect(saved?.text).toBe('My whole answer')
    expect(await store.submit()).toEqual({ ok: true })
    expect(store.draft).toBeNull()
    expect(store.scoring?.id).toBe('wa-1')
  })

  it('puts back a draft main kept from before a restart, with its start time', async () => {
    saved = { source: { kind: 'pack', packId: 'fixture', questionId: 'mn-one' }, onPaper: false, text: 'Half', startedAt: '2026-11-25T04:25:00.000Z' }
    const store = useWritingStore()
    await store.load()
    expect(store.draft).toMatchObject({ text: 'Half', startedAt: '2026-11-25T04:25:00.000Z', prompt: { prompt: 'Examine the deal.' } })
  })

  it('leaves a draft whose question is gone on disk, untouched', async () => {
    saved = { source: { kind: 'pack', packId: 'gone', questionId: 'mn-x' }, onPaper: false, text: 'Keep me', startedAt: '2026-11-25T04:25:00.000Z' }
    const store = useWritingStore()
    await store.load()
    expect(store.draft).toBeNull()
    expect(api['writing:saveDraft']).not.toHaveBeenCalled()
  })
})
