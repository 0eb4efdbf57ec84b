// Why: the desk offers every mains question of every loaded pack, and the
// student's own questions; both need one stable key per prompt so history
// and rewrites follow the prompt, not the attempt.
import { ANSWER_SPEC, marksForWordLimit, type MainsMarks, type MainsPrompt } from '../../../shared/domain/writing'
import type { Pack } from '../../../shared/pack/schema'
import type { PackService } from '../packs/pack-service'

export const packPromptKey = (packId: string, questionId: string): string => `${packId}/${questionId}`

/** `own:` and a 32-bit FNV-1a hash of the question with case and spacing forgiven, so retyping it finds its history. */
export function ownPromptKey(prompt: string): string {
  const normal = prompt.trim().replace(/\s+/g, ' ').toLowerCase()
  let hash = 0x811c9dc5
  for (let i = 0; i < normal.length; i++) {
    hash ^= normal.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return `own:${(hash >>> 0).toString(16).padStart(8, '0')}`
}

export function mainsPromptsOf(pack: Pack): MainsPrompt[] {
  const out: MainsPrompt[] = []
  for (const q of pack.questions) {
    if (q.kind !== 'mains') continue
    const marks: MainsMarks = marksForWordLimit(q.wordLimit)
    out.push({
      promptKey: packPromptKey(pack.id, q.id),
      packId: pack.id,
      packTitle: pack.title,
      questionId: q.id,
      prompt: q.prompt,
      marks,
      wordLimit: q.wordLimit ?? ANSWER_SPEC[marks].words,
      keyPoints: [...q.outline],
      explanation: q.explanation
    })
  }
  return out
}

/** Every mains prompt of every loaded pack, pack by pack in list order. */
export function allMainsPrompts(packs: PackService): MainsPrompt[] {
  return packs.list().packs.flatMap((summary) => mainsPromptsOf(packs.get(summary.id)))
}
