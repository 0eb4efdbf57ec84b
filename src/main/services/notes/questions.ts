// Why: a card becomes a pack question that tests the block it was written in,
// with an id that stays the same while the card's own words do: a Q::A card's
// id comes from its question and answer (or the block's `^id`), a cloze's from
// its block and number, so an unchanged card keeps its review history. The
// schema has no reverse or hint field, so a reverse card is a second
// flashcard and a hint is printed after the blank.
import type { Block, Question } from '../../../shared/pack/schema'
import type { BasicCard, ClozeCard } from './card-syntax'
import { contentHash, normaliseForId, type IdRegistry } from './ids'
import type { QuizCard } from './quiz-block'

const SHORT_MAX = 500
const TEXT_MAX = 20_000

type Warn = (line: number, message: string) => void

function cloze(cards: ClozeCard[], block: Block, explanation: string, ids: IdRegistry, line: number): Question[] {
  return cards.map((card) => ({
    id: ids.generated(`${block.id.slice(0, 60)}-c${card.number}${card.occurrence > 1 ? `-${card.occurrence}` : ''}`, line),
    kind: 'cloze' as const,
    tests: [block.id],
    text: card.text,
    answer: card.answer,
    explanation: block.text && block.text.length <= TEXT_MAX ? block.text : explanation
  }))
}

function basic(card: BasicCard, block: Block, ref: string | undefined, explanation: string, ids: IdRegistry, warn: Warn): Question[] {
  if (card.front.length > SHORT_MAX) {
    warn(card.line, `a card's question is longer than ${SHORT_MAX} characters; it is kept as text, not as a card`)
    return []
  }
  const back = card.back.length > TEXT_MAX ? card.back.slice(0, TEXT_MAX) : card.back
  const base = ref ? `${ref}-card` : `card-${contentHash(`${normaliseForId(card.front)}\u0000${normaliseForId(card.back)}`)}`
  const id = ids.generated(base, card.line)
  const forward: Question = { id, kind: 'flashcard', tests: [block.id], front: card.front, back, explanation }
  if (card.syntax !== 'reversed' && card.syntax !== 'multi-line-reversed') return [forward]
  if (card.back.length > SHORT_MAX) {
    warn(card.line, `the answer is longer than ${SHORT_MAX} characters, so the card is made one way only`)
    return [forward]
  }
  return [forward, { id: ids.generated(`${id}-r`, card.line), kind: 'flashcard', tests: [block.id], front: card.back, back: card.front, explanation }]
}

/** A quiz question; its `tests` is empty when no block precedes it yet (the mapper fills it in). */
export function buildQuizQuestion(card: QuizCard, blockId: string | undefined, ids: IdRegistry, line: number): Question {
  const tests = blockId ? [blockId] : []
  const letter = String.fromCharCode(97 + card.answer)
  const explanation = card.explanation || `Answer: (${letter}) ${card.options[card.answer]}`
  const text = card.kind === 'mcq' ? card.prompt : `${card.stem}\u0000${card.statements.join('\u0000')}`
  const id = card.ref ?? ids.generated(`quiz-${contentHash(`${normaliseForId(text)}\u0000${card.options.map(normaliseForId).join('\u0000')}`)}`, line)
  if (card.kind === 'mcq')
    return { id, kind: 'mcq', tests, prompt: card.prompt, options: card.options, answer: card.answer, explanation: explanation.slice(0, TEXT_MAX) }
  return {
    id,
    kind: 'statements',
    tests,
    stem: card.stem,
    statements: card.statements,
    ask: card.ask,
    options: card.options,
    answer: card.answer,
    explanation: explanation.slice(0, TEXT_MAX)
  }
}

export const cardQuestions = { cloze, basic }
