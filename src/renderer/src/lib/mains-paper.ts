// Why: a GS Mains paper is ten 10-mark questions then ten 15-mark ones; the
// desk builds one from whatever mains prompts the packs hold, and turns a
// chosen prompt (a pack's or the student's own) into one shape the desk uses.
import { ANSWER_SPEC, PAPER_QUESTIONS, type MainsMarks, type MainsPrompt } from '@shared/domain/writing'

export type PromptSource = { kind: 'pack'; packId: string; questionId: string } | { kind: 'own'; prompt: string; marks: MainsMarks }

/** A prompt on the desk: what the student is answering and what it is judged against. */
export interface DeskPrompt {
  source: PromptSource
  prompt: string
  marks: MainsMarks
  wordLimit: number
  keyPoints: string[]
  packTitle: string | null
  explanation: string | null
}

export function fromPack(p: MainsPrompt): DeskPrompt {
  return {
    source: { kind: 'pack', packId: p.packId, questionId: p.questionId },
    prompt: p.prompt,
    marks: p.marks,
    wordLimit: p.wordLimit,
    keyPoints: [...p.keyPoints],
    packTitle: p.packTitle,
    explanation: p.explanation
  }
}

export function ownPrompt(prompt: string, marks: MainsMarks): DeskPrompt {
  const text = prompt.trim()
  return {
    source: { kind: 'own', prompt: text, marks },
    prompt: text,
    marks,
    wordLimit: ANSWER_SPEC[marks].words,
    keyPoints: [],
    packTitle: null,
    explanation: null
  }
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j] as T, out[i] as T]
  }
  return out
}

/**
 * Up to 20 prompts: ten of each mark where the packs have them, the gap
 * filled from the other kind, 10-markers first as on the real paper.
 */
export function pickPaper(prompts: readonly MainsPrompt[], random: () => number = Math.random): MainsPrompt[] {
  const half = PAPER_QUESTIONS / 2
  const tens = shuffled(
    prompts.filter((p) => p.marks === 10),
    random
  )
  const fifteens = shuffled(
    prompts.filter((p) => p.marks === 15),
    random
  )
  const takeTens = Math.min(tens.length, Math.max(half, PAPER_QUESTIONS - fifteens.length))
  const takeFifteens = Math.min(fifteens.length, PAPER_QUESTIONS - takeTens)
  return [...tens.slice(0, takeTens), ...fifteens.slice(0, takeFifteens)]
}
