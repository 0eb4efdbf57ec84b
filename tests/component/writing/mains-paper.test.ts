// Why: a practice paper must look like the real one (ten 10-markers, then ten
// 15-markers) whatever mix of prompts the packs hold, and never repeat one.
import { describe, expect, it } from 'vitest'
import { ownPrompt, pickPaper } from '@renderer/lib/mains-paper'
import type { MainsMarks, MainsPrompt } from '@shared/domain/writing'

const prompt = (n: number, marks: MainsMarks): MainsPrompt => ({
  promptKey: `p/q-${n}`,
  packId: 'p',
  packTitle: 'P',
  questionId: `q-${n}`,
  prompt: `Question ${n}`,
  marks,
  wordLimit: marks === 10 ? 150 : 250,
  keyPoints: ['a', 'b', 'c'],
  explanation: ''
})
const many = (from: number, count: number, marks: MainsMarks): MainsPrompt[] => Array.from({ length: count }, (_, i) => prompt(from + i, marks))
let seed = 7
const random = (): number => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646

describe('pickPaper', () => {
  it('takes ten of each kind, 10-markers first, none twice', () => {
    const paper = pickPaper([...many(0, 14, 10), ...many(100, 13, 15)], random)
    expect(paper).toHaveLength(20)
    expect(paper.map((p) => p.marks)).toEqual([...Array(10).fill(10), ...Array(10).fill(15)])
    expect(new Set(paper.map((p) => p.promptKey)).size).toBe(20)
  })

  it('fills the gap from the other kind when one kind is short', () => {
    const paper = pickPaper([...many(0, 3, 10), ...many(100, 30, 15)], random)
    expect(paper.map((p) => p.marks)).toEqual([...Array(3).fill(10), ...Array(17).fill(15)])
  })

  it('uses every prompt when there are fewer than 20', () => {
    const all = [...many(0, 1, 10), ...many(100, 3, 15)]
    expect(
      pickPaper(all, random)
        .map((p) => p.promptKey)
        .sort()
    ).toEqual(all.map((p) => p.promptKey).sort())
    expect(pickPaper([], random)).toEqual([])
  })
})

describe('ownPrompt', () => {
  it('times and limits the student’s own question by the marks chosen', () => {
    expect(ownPrompt('  Comment on the rupee trade.  ', 15)).toMatchObject({
      source: { kind: 'own', prompt: 'Comment on the rupee trade.', marks: 15 },
      wordLimit: 250,
      keyPoints: []
    })
  })
})
