// Why: which questions a Prelims paper may hold, from every loaded pack, and
// each one as the exam prints it. A match question becomes a single-choice
// one with four coded options ("A-2, B-1, C-4, D-3"), as UPSC sets it; its
// three wrong codes come from a generator seeded by the question's own ids, so
// the same question always shows the same options, after a restart too, and
// nothing about them needs storing.
import { sectionsOfQuestion } from '../../../shared/domain/lookups'
import { PRELIMS_KINDS, PRELIMS_MIN_OPTIONS, type PrelimsKind, type PrelimsQuestion } from '../../../shared/domain/prelims'
import type { Pack, Question } from '../../../shared/pack/schema'

export type PrelimsSource = Extract<Question, { kind: PrelimsKind }>

/** A question ready to set: how it is printed and which option is right. */
export interface SetQuestion {
  printed: PrelimsQuestion
  correct: number
}

const CODED_OPTIONS = 4

export function isPrelimsKind(q: Question): q is PrelimsSource {
  return (PRELIMS_KINDS as readonly string[]).includes(q.kind)
}

/** Enough choices that a blind guess does not pay (see shared/domain/prelims.ts). */
export function isEligible(q: Question): q is PrelimsSource {
  if (!isPrelimsKind(q)) return false
  return q.kind === 'match' ? q.listI.length >= PRELIMS_MIN_OPTIONS : q.options.length >= PRELIMS_MIN_OPTIONS
}

/** FNV-1a: a small stable hash to seed the match codes. */
function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** mulberry32: a seeded generator, so the codes are the same every time. */
function seeded(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
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

/** "A-2, B-1, C-4": List-I letters with their List-II numbers. */
export function matchCode(pairs: readonly number[]): string {
  return pairs.map((to, i) => `${String.fromCharCode(65 + i)}-${to + 1}`).join(', ')
}

/** Four distinct pairings, one of them right; the same for the same question every time. */
export function matchOptions(packId: string, q: Extract<Question, { kind: 'match' }>): { codes: number[][]; correct: number } {
  const random = seeded(hash(`${packId}/${q.id}`))
  const right = q.answer.join(',')
  const seen = new Set([right])
  const codes: number[][] = [[...q.answer]]
  // With 3+ pairs there are at least 6 pairings, so 3 wrong ones always exist; the cap only guards a bad generator.
  for (let tries = 0; codes.length < CODED_OPTIONS && tries < 1000; tries++) {
    const next = shuffled(q.answer, random)
    const key = next.join(',')
    if (!seen.has(key)) {
      seen.add(key)
      codes.push(next)
    }
  }
  const order = shuffled(
    codes.map((_, i) => i),
    random
  )
  return { codes: order.map((i) => codes[i] as number[]), correct: order.indexOf(0) }
}

/** The question as printed, with its right option; null if it cannot be set. */
export function setQuestion(pack: Pack, q: Question): SetQuestion | null {
  if (!isEligible(q)) return null
  const sectionId = sectionsOfQuestion(pack, q)[0] ?? pack.sections[0]?.id ?? ''
  const base = {
    packId: pack.id,
    packTitle: pack.title,
    sectionId,
    sectionTitle: pack.sections.find((s) => s.id === sectionId)?.title ?? '',
    questionId: q.id
  }
  if (q.kind === 'mcq') return { printed: { ...base, kind: 'mcq', stem: q.prompt, options: [...q.options] }, correct: q.answer }
  if (q.kind === 'statements') {
    return {
      printed: { ...base, kind: 'statements', stem: q.stem, statements: [...q.statements], ask: q.ask, options: [...q.options] },
      correct: q.answer
    }
  }
  const { codes, correct } = matchOptions(pack.id, q)
  return {
    printed: { ...base, kind: 'match', stem: q.prompt, listI: [...q.listI], listII: [...q.listII], options: codes.map(matchCode) },
    correct
  }
}

/** Every question a paper may draw, pack by pack in the order given. */
export function eligibleQuestions(packs: readonly Pack[]): { packId: string; questionId: string }[] {
  return packs.flatMap((pack) => pack.questions.filter(isEligible).map((q) => ({ packId: pack.id, questionId: q.id })))
}
