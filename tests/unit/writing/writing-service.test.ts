// Why: the desk's service decides what is kept of an answer and when it comes
// back for a rewrite; these run it on real files with a clock that moves.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SubmitAttemptInput, ScoreAttemptInput } from '../../../src/shared/routes/writing'
import type { WritingService } from '../../../src/main/services/writing/writing-service'
import { counterIds, DAY_MS, GOOD, movableClock, openWriting, removeDir, tempDir, WEAK } from './helpers'

let dir: string
let service: WritingService | null = null
beforeEach(async () => {
  dir = await tempDir()
})
afterEach(async () => {
  service?.close()
  service = null
  await removeDir(dir)
})

const T0 = '2026-11-25T04:30:00.000Z'
const time = movableClock(T0)
const open = async (run = 'a'): Promise<WritingService> => (service = await openWriting(dir, time.clock, { newId: counterIds(run) }))
const submit = (s: WritingService, patch: Record<string, unknown> = {}) =>
  s.submit(
    SubmitAttemptInput.parse({
      source: { kind: 'pack', packId: 'tiny', questionId: 'mn-signal' },
      onPaper: false,
      text: 'India and Russia held their first 2+2. Discuss: भारत और रूस।',
      startedAt: new Date(time.clock().getTime() - 600_000).toISOString(),
      ...patch
    })
  )

beforeEach(() => time.set(T0))

describe('writing service', () => {
  it('lists the mains prompts of every pack with marks, limit and key points', async () => {
    const s = await open()
    expect(s.prompts().map((p) => [p.promptKey, p.marks, p.wordLimit, p.keyPoints.length])).toEqual([
      ['tiny/mn-signal', 15, 250, 4],
      ['tiny/mn-caatsa', 10, 150, 3]
    ])
  })

  it('saves an answer with its words, time and key points, and a restart finds it in the history', async () => {
    const s = await open()
    const a = await submit(s)
    expect(a).toMatchObject({ promptKey: 'tiny/mn-signal', marks: 15, wordLimit: 250, words: 12, secondsTaken: 600, secondsAllowed: 660, score: null })
    expect(a.keyPoints).toHaveLength(4)
    s.close()
    const again = await open('b')
    expect(again.overview().attempts).toEqual([a])
  })

  it('keeps no text for an answer written on paper, but keeps the time and the score', async () => {
    const s = await open()
    const a = await submit(s, { onPaper: true, text: '' })
    expect(a).toMatchObject({ onPaper: true, text: '', words: 0, secondsTaken: 600 })
    const scored = await s.score(ScoreAttemptInput.parse({ attemptId: a.id, covered: [0, 1], rubric: GOOD }))
    expect(scored.score).toBe(90)
    expect(() =>
      SubmitAttemptInput.parse({ source: { kind: 'pack', packId: 'tiny', questionId: 'mn-signal' }, onPaper: true, text: 'x', startedAt: T0 })
    ).toThrow(/keeps no text/)
  })

  it('takes the student’s own prompt, keyed so retyping it finds the same history', async () => {
    const s = await open()
    const own = (prompt: string) => submit(s, { source: { kind: 'own', prompt, marks: 10 } })
    const a = await own('Critically examine the role of the Quad.')
    const b = await own('  critically examine  the role of the QUAD. ')
    expect(a.promptKey).toMatch(/^own:[0-9a-f]{8}$/)
    expect(b.promptKey).toBe(a.promptKey)
    expect(a).toMatchObject({ marks: 10, wordLimit: 150, secondsAllowed: 420, keyPoints: [], packId: null })
  })

  it('times a full-paper answer by its share of the 3 hours', async () => {
    const s = await open()
    const a = await submit(s, { paperId: 'wp-1', source: { kind: 'pack', packId: 'tiny', questionId: 'mn-caatsa' } })
    expect(a).toMatchObject({ paperId: 'wp-1', marks: 10, secondsAllowed: 432 })
  })

  it('refuses an empty answer, an unknown prompt, a start in the future and a key point that is not there', async () => {
    const s = await open()
    await expect(submit(s, { text: '   ' })).rejects.toMatchObject({ code: 'validation' })
    await expect(submit(s, { source: { kind: 'pack', packId: 'tiny', questionId: 'q-1' } })).rejects.toMatchObject({ code: 'not-found' })
    await expect(submit(s, { startedAt: new Date(time.clock().getTime() + 3_600_000).toISOString() })).rejects.toMatchObject({ code: 'validation' })
    const a = await submit(s)
    await expect(s.score({ attemptId: a.id, covered: [4], rubric: GOOD })).rejects.toMatchObject({ code: 'validation' })
    await expect(s.score({ attemptId: 'wa-none', covered: [], rubric: GOOD })).rejects.toMatchObject({ code: 'not-found' })
    expect(s.overview().attempts).toHaveLength(1)
  })

  it('schedules the rewrite of a weak answer earlier than that of a strong one', async () => {
    const s = await open()
    const weak = await submit(s)
    const strong = await submit(s, { source: { kind: 'pack', packId: 'tiny', questionId: 'mn-caatsa' } })
    const w = await s.score({ attemptId: weak.id, covered: [0], rubric: WEAK })
    const g = await s.score({ attemptId: strong.id, covered: [0, 1, 2], rubric: GOOD })
    expect(w.score).toBeLessThan(40)
    expect(g.score).toBe(100)
    expect(Date.parse(w.rewriteDue as string)).toBeLessThan(Date.parse(g.rewriteDue as string))
    expect(Date.parse(w.rewriteDue as string) - time.clock().getTime()).toBe(DAY_MS)

    expect(s.overview().rewritesDue).toEqual([])
    expect(s.overview().nextRewrite).toMatchObject({ promptKey: 'tiny/mn-signal', lastScore: w.score })
    time.advance(DAY_MS)
    expect(s.overview().rewritesDue.map((r) => r.promptKey)).toEqual(['tiny/mn-signal'])
  })

  it('builds each rewrite on the last: a second good answer waits longer than the first', async () => {
    const s = await open()
    const first = await s.score({ attemptId: (await submit(s)).id, covered: [0, 1, 2, 3], rubric: GOOD })
    const gap1 = Date.parse(first.rewriteDue as string) - time.clock().getTime()
    time.set(first.rewriteDue as string)
    expect(s.overview().rewritesDue).toHaveLength(1)
    const rewrite = await submit(s)
    // Written but not yet scored: no longer listed as due.
    expect(s.overview().rewritesDue).toEqual([])
    const second = await s.score({ attemptId: rewrite.id, covered: [0, 1, 2, 3], rubric: GOOD })
    const gap2 = Date.parse(second.rewriteDue as string) - time.clock().getTime()
    expect(gap2).toBeGreaterThan(gap1)
    // Scoring the same attempt again replaces its score; it does not count as a third review.
    const rescored = await s.score({ attemptId: rewrite.id, covered: [0, 1, 2, 3], rubric: GOOD })
    expect(rescored.rewriteDue).toBe(second.rewriteDue)
  })

  it('exports attempts as Markdown with the answer fenced, so typed markup stays text', async () => {
    const s = await open()
    const a = await submit(s, { text: 'Intro <script>alert(1)</script> and ``` fences' })
    await s.score({ attemptId: a.id, covered: [1], rubric: GOOD })
    await submit(s, { onPaper: true, text: '', source: { kind: 'own', prompt: '# Heading *bold* prompt about [links](javascript:x)', marks: 10 } })
    const all = s.exportMarkdown()
    expect(all.fileName).toBe('mains-answers-2026-11-25.md')
    expect(all.count).toBe(2)
    expect(all.content).toContain('````text\nIntro <script>alert(1)</script> and ``` fences\n````')
    expect(all.content).toContain('- [ ] Intro: first 2+2 with Russia, December 2021.\n- [x] Substance')
    expect(all.content).toContain('## # Heading \\*bold\\* prompt about \\[links\\](javascript:x)')
    expect(all.content).toContain('written on paper')
    const one = s.exportMarkdown('tiny/mn-signal')
    expect(one.count).toBe(1)
    expect(one.fileName).toBe('mains-answers-tiny-mn-signal-2026-11-25.md')
  })
})

describe('the draft', () => {
  const draft = {
    source: { kind: 'pack' as const, packId: 'tiny', questionId: 'mn-signal' },
    onPaper: false,
    text: 'Half an answer: भारत और रूस',
    startedAt: '2026-11-25T04:25:00.000Z'
  }

  it('is on disk as it is typed, so a restart offers it back with its start time', async () => {
    const s = await open()
    expect(s.draft()).toBeNull()
    await s.saveDraft(draft)
    await s.saveDraft({ ...draft, text: `${draft.text} और अधिक` })
    s.close()
    const again = await open('b')
    expect(again.draft()).toEqual({ ...draft, text: `${draft.text} और अधिक` })
  })

  it('keeps a paper under way with it, and goes once the answer is submitted', async () => {
    const s = await open()
    const paper = { id: 'wp-x', promptKeys: ['tiny/mn-caatsa', 'tiny/mn-signal'], index: 1, startedAt: '2026-11-25T04:00:00.000Z', seconds: 1080 }
    await s.saveDraft({ ...draft, paper })
    expect(s.draft()?.paper).toEqual(paper)
    await submit(s, { startedAt: draft.startedAt, paperId: 'wp-x' })
    expect(s.draft()).toBeNull()
  })

  it('is left alone by the submit of another answer, and cleared when thrown away', async () => {
    const s = await open()
    await s.saveDraft(draft)
    await submit(s)
    expect(s.draft()).toEqual(draft)
    await s.saveDraft(null)
    expect(s.draft()).toBeNull()
  })
})
