// Why: a Prelims paper is marked by pure functions so the marks can be tested
// to the hundredth: the per-answer marks come from the mock tests' scoreMock
// (+2, −0.66, 0, added up in integer hundredths, so 3 wrong is exactly −1.98),
// and this adds what a full paper reports: marks by section (pack + section),
// the time per question, and what guessing cost.
import { MARKS_HUNDREDTHS, marks } from '../../../shared/domain/mock'
import type { PrelimsResult, PrelimsResultItem, PrelimsSectionResult } from '../../../shared/domain/prelims'
import { scoreMock } from '../study/mock-test'

/** One question as it was set and answered; titles are kept so a result outlives its pack. */
export interface AnsweredQuestion {
  packId: string
  packTitle: string
  sectionId: string
  sectionTitle: string
  questionId: string
  correct: number
  chosen: number | null
  timeMs: number
}

export interface PaperFacts {
  paperId: string
  startedAt: string
  submittedAt: string
  minutes: number
  timedOut: boolean
}

export function scorePaper(facts: PaperFacts, questions: readonly AnsweredQuestion[]): PrelimsResult {
  const score = scoreMock(questions.map((q, i) => ({ questionId: String(i), correct: q.correct, chosen: q.chosen })))
  const items: PrelimsResultItem[] = questions.map((q, i) => {
    const marked = score.answers[i]!
    return {
      number: i + 1,
      packId: q.packId,
      packTitle: q.packTitle,
      sectionId: q.sectionId,
      sectionTitle: q.sectionTitle,
      questionId: q.questionId,
      chosen: q.chosen,
      correct: q.correct,
      outcome: marked.outcome,
      marks: marks(marked.hundredths),
      timeMs: q.timeMs
    }
  })
  return {
    ...facts,
    questions: questions.length,
    right: score.right,
    wrong: score.wrong,
    unanswered: score.unanswered,
    score: marks(score.hundredths),
    maxScore: marks(score.maxHundredths),
    // `+ 0` turns −0 (no wrong answers) into 0, which JSON and the page would otherwise print as −0.00.
    guessingCost: marks(score.wrong * MARKS_HUNDREDTHS.wrong) + 0,
    timeMs: questions.reduce((sum, q) => sum + q.timeMs, 0),
    sections: bySection(
      questions,
      score.answers.map((a) => a.hundredths)
    ),
    items
  }
}

/** Pack + section, in the order each first appears on the paper; marks added in hundredths. */
function bySection(questions: readonly AnsweredQuestion[], hundredths: readonly number[]): PrelimsSectionResult[] {
  const groups = new Map<string, PrelimsSectionResult & { hundredths: number }>()
  questions.forEach((q, i) => {
    const key = `${q.packId}\u0000${q.sectionId}`
    let g = groups.get(key)
    if (!g) {
      g = {
        packId: q.packId,
        packTitle: q.packTitle,
        sectionId: q.sectionId,
        sectionTitle: q.sectionTitle,
        questions: 0,
        right: 0,
        wrong: 0,
        unanswered: 0,
        marks: 0,
        timeMs: 0,
        hundredths: 0
      }
      groups.set(key, g)
    }
    const h = hundredths[i] ?? 0
    g.questions += 1
    g.timeMs += q.timeMs
    g.hundredths += h
    if (q.chosen === null) g.unanswered += 1
    else if (q.chosen === q.correct) g.right += 1
    else g.wrong += 1
  })
  return [...groups.values()].map(({ hundredths: h, ...g }) => ({ ...g, marks: marks(h) }))
}
