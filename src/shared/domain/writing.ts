// Why: the rules of the Mains answer-writing desk, shared by main (which saves
// and schedules attempts) and the page (which times and scores them): how long
// and how many words an answer gets, how a self-score is totalled, and how a
// score becomes the FSRS grade that decides when the answer is rewritten.

/** UPSC GS Mains questions carry 10 or 15 marks. */
export type MainsMarks = 10 | 15
export const MAINS_MARKS: readonly MainsMarks[] = [10, 15]

/** About 7 minutes for a 10-mark, 150-word answer; about 11 for a 15-mark, 250-word one. */
export const ANSWER_SPEC: Readonly<Record<MainsMarks, { words: number; minutes: number }>> = {
  10: { words: 150, minutes: 7 },
  15: { words: 250, minutes: 11 }
}

/** A pack's prompt gives a word limit, not marks: 250 words or more is a 15-marker. */
export function marksForWordLimit(wordLimit: number | undefined): MainsMarks {
  return wordLimit !== undefined && wordLimit >= 200 ? 15 : 10
}

/** A full GS paper: 20 questions in 3 hours. */
export const PAPER_QUESTIONS = 20
export const PAPER_MINUTES = 180
/** 10 ten-markers and 10 fifteen-markers: the 250 marks the 3 hours are shared over. */
export const PAPER_MARKS = 250

/** A paper question's share of the 3 hours, by its marks (10 → 7.2 min, 15 → 10.8 min), in seconds. */
export function paperSecondsFor(marks: MainsMarks): number {
  return Math.round((PAPER_MINUTES * 60 * marks) / PAPER_MARKS)
}

/**
 * A full 20-question paper is 3 hours whatever its mix of 10- and 15-markers (the packs rarely
 * hold ten of each); a shorter paper, built from the few prompts there are, gets each question's share.
 */
export function paperSeconds(marks: readonly MainsMarks[]): number {
  if (marks.length === PAPER_QUESTIONS) return PAPER_MINUTES * 60
  return marks.reduce((sum, m) => sum + paperSecondsFor(m), 0)
}

/** One question's share of a paper of `total` seconds, by its marks among the paper's. */
export function questionShare(total: number, marks: MainsMarks, allMarks: readonly MainsMarks[]): number {
  const sum = allMarks.reduce((a, m) => a + m, 0)
  return sum > 0 ? Math.round((total * marks) / sum) : 0
}

export interface PaperClock {
  /** Seconds left on the whole paper. */
  paperLeft: number
  /** Seconds left of this question's share; negative once it has overrun. */
  questionLeft: number
  /** Seconds left for each question not yet answered (this one included), at the present pace. */
  perRemaining: number
}

/** Where a paper stands: `elapsed` seconds in, `questionElapsed` on the current one, `remaining` questions left including it. */
export function paperClock(total: number, elapsed: number, share: number, questionElapsed: number, remaining: number): PaperClock {
  const paperLeft = Math.max(0, total - elapsed)
  return { paperLeft, questionLeft: share - questionElapsed, perRemaining: remaining > 0 ? Math.floor(paperLeft / remaining) : 0 }
}

/** The self-score rubric, each criterion 0 (missing), 1 (partly) or 2 (well done). */
export const RUBRIC = [
  { key: 'directive', label: 'Addresses the directive', hint: 'Does what the directive word asks (discuss, examine, …).' },
  { key: 'structure', label: 'Structure', hint: 'Introduction, a body in clear parts, headings or points where they help.' },
  { key: 'content', label: 'Content', hint: 'Accurate, relevant and covers the demand of the question.' },
  { key: 'examples', label: 'Examples and data', hint: 'Facts, dates, figures, cases or reports that back each point.' },
  { key: 'conclusion', label: 'Conclusion', hint: 'A forward-looking or balanced ending that follows from the body.' },
  { key: 'wordLimit', label: 'Word limit', hint: 'Close to the limit, neither padded nor cut short.' }
] as const
export type RubricKey = (typeof RUBRIC)[number]['key']
export type RubricLevel = 0 | 1 | 2
export type Rubric = Record<RubricKey, RubricLevel>
export const RUBRIC_KEYS: readonly RubricKey[] = RUBRIC.map((c) => c.key)
export const RUBRIC_MAX = RUBRIC.length * 2
export const RUBRIC_LEVELS: readonly { level: RubricLevel; label: string }[] = [
  { level: 0, label: 'Missing' },
  { level: 1, label: 'Partly' },
  { level: 2, label: 'Well' }
]

export function rubricTotal(rubric: Rubric): number {
  return RUBRIC_KEYS.reduce((sum, key) => sum + rubric[key], 0)
}

/**
 * The answer's score, 0–100: the rubric, and where the prompt has key points,
 * how many were covered (a fifth of the score), since an answer can be well
 * built and still miss what the question is about.
 */
export function answerScore(rubric: Rubric, covered: number, keyPoints: number): number {
  const rubricShare = rubricTotal(rubric) / RUBRIC_MAX
  if (keyPoints <= 0) return Math.round(rubricShare * 100)
  const coverage = Math.min(covered, keyPoints) / keyPoints
  return Math.round((rubricShare * 0.8 + coverage * 0.2) * 100)
}

/** A suggestion for the word-limit criterion from the count: within 10% is well, within 30% partly. */
export function wordLimitLevel(words: number, limit: number): RubricLevel {
  const off = Math.abs(words - limit) / limit
  return off <= 0.1 ? 2 : off <= 0.3 ? 1 : 0
}

/** FSRS grades: 1 Again, 2 Hard, 3 Good, 4 Easy. */
export type RewriteGrade = 1 | 2 | 3 | 4

/** A weak answer is graded Again or Hard, so its rewrite falls due sooner; a strong one later. */
export function rewriteGrade(score: number): RewriteGrade {
  if (score < 40) return 1
  if (score < 60) return 2
  if (score < 85) return 3
  return 4
}

/** What the page shows of a saved attempt (main's copy is the source of truth). */
export interface WritingAttempt {
  id: string
  /** `packId/questionId` for a pack's prompt, `own:<hash>` for the student's own. */
  promptKey: string
  packId: string | null
  questionId: string | null
  prompt: string
  marks: MainsMarks
  wordLimit: number
  /** Written on paper: timed and self-scored, no text kept. */
  onPaper: boolean
  text: string
  words: number
  startedAt: string
  submittedAt: string
  secondsTaken: number
  secondsAllowed: number
  /** Set when the answer was written as part of a full paper. */
  paperId?: string
  /** The prompt's key points as they were when it was written. */
  keyPoints: string[]
  /** Indices into keyPoints the student ticked; null until scored. */
  covered: number[] | null
  rubric: Rubric | null
  /** 0–100, from answerScore; null until scored. */
  score: number | null
  scoredAt: string | null
  /** When a rewrite of this prompt is due, from this scoring; null until scored. */
  rewriteDue: string | null
}

/** A prompt that can be written: a pack's mains question. */
export interface MainsPrompt {
  promptKey: string
  packId: string
  packTitle: string
  questionId: string
  prompt: string
  marks: MainsMarks
  wordLimit: number
  keyPoints: string[]
  /** The pack's note on what a good answer does. */
  explanation: string
}

export interface RewriteDue {
  promptKey: string
  prompt: string
  packId: string | null
  questionId: string | null
  marks: MainsMarks
  due: string
  /** The score that scheduled it. */
  lastScore: number
  attemptId: string
}

export interface WritingOverview {
  /** Newest first. */
  attempts: WritingAttempt[]
  /** Rewrites due now, most overdue first. */
  rewritesDue: RewriteDue[]
  /** The next rewrite not yet due, if any. */
  nextRewrite: RewriteDue | null
}

/** A full paper under way, kept with the draft so a restart resumes it. */
export interface PaperDraft {
  id: string
  /** The paper's pack prompts in order. */
  promptKeys: string[]
  /** The question being written. */
  index: number
  startedAt: string
  seconds: number
}

/** The answer being written, kept on disk as it is typed so a closed window or a crash costs nothing. */
export interface WritingDraft {
  source: { kind: 'pack'; packId: string; questionId: string } | { kind: 'own'; prompt: string; marks: MainsMarks }
  onPaper: boolean
  text: string
  startedAt: string
  paper?: PaperDraft
}

export const PROMPT_MAX = 2000
export const ANSWER_TEXT_MAX = 30_000
