// Why: the Mains answer-writing desk's service: it saves each answer as it was
// written (on disk before the desk says so), takes the student's self-score,
// and schedules a rewrite of the prompt with FSRS, so a weak answer comes back
// sooner than a strong one. Every attempt of a prompt is kept as its history.
import type { In } from '../../../shared/contract'
import type { StoreNotice } from '../../../shared/domain'
import { countWords } from '../../../shared/domain/word-count'
import {
  ANSWER_SPEC,
  answerScore,
  paperSecondsFor,
  rewriteGrade,
  type MainsPrompt,
  type RewriteDue,
  type WritingAttempt,
  type WritingDraft,
  type WritingOverview
} from '../../../shared/domain/writing'
import type { AttemptsExport } from '../../../shared/routes/writing'
import { NotFoundError, ServiceError } from '../errors'
import type { PackService } from '../packs/pack-service'
import { openJsonStore, type JsonStore, type StoreFileOptions } from '../store/json-store'
import { createScheduler, type StoredCard } from '../study/scheduler'
import { attemptsFileName, attemptsMarkdown } from './attempt-markdown'
import { DraftStoreSchema, emptyDraftStore, WRITING_STORE, type DraftStore, type StoredAttempt } from './attempt-schema'
import { AttemptStore } from './attempt-store'
import { allMainsPrompts, mainsPromptsOf, ownPromptKey } from './prompts'

/** A clock a little ahead of main's (another machine, a slow bridge) is forgiven this much. */
const CLOCK_SLACK_MS = 5 * 60_000
const MAX_WRITING_MS = 7 * 86_400_000

export interface WritingServiceOptions {
  dir: string
  packs: PackService
  clock?: () => Date
  newId?: () => string
  checkpointAt?: number
  store?: Omit<StoreFileOptions, 'dir' | 'clock'>
}

export interface WritingService {
  prompts(): MainsPrompt[]
  overview(): WritingOverview
  submit(input: In<'writing:submit'>): Promise<WritingAttempt>
  score(input: In<'writing:score'>): Promise<WritingAttempt>
  exportMarkdown(promptKey?: string): AttemptsExport
  /** The answer being written when the app last saved it, or null. */
  draft(): WritingDraft | null
  saveDraft(draft: WritingDraft | null): Promise<{ saved: boolean }>
  readonly store: AttemptStore
  readonly drafts: JsonStore<DraftStore>
  notices(): StoreNotice[]
  flush(): Promise<void>
  close(): void
}

export function toView(a: StoredAttempt): WritingAttempt {
  const { card: _card, prevCard: _prev, ...view } = a
  return { ...view, keyPoints: [...view.keyPoints], covered: view.covered ? [...view.covered] : null, rubric: view.rubric ? { ...view.rubric } : null }
}

const invalid = (message: string, path: string): ServiceError => new ServiceError('validation', message, [{ path, message }])

export async function openWritingService(opts: WritingServiceOptions): Promise<WritingService> {
  const clock = opts.clock ?? (() => new Date())
  const newId = opts.newId ?? (() => `wa-${clock().getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`)
  const [store, drafts] = await Promise.all([
    AttemptStore.open({
      dir: opts.dir,
      clock,
      ...(opts.checkpointAt !== undefined ? { checkpointAt: opts.checkpointAt } : {}),
      ...(opts.store ? { store: opts.store } : {})
    }),
    openJsonStore<DraftStore>({
      dir: opts.dir,
      clock,
      ...opts.store,
      name: WRITING_STORE.draft,
      version: WRITING_STORE.version,
      schema: DraftStoreSchema,
      defaults: emptyDraftStore
    })
  ])
  // Rewrites are whole days apart: the short-term (minutes) steps make no sense for an essay.
  const scheduler = createScheduler({ shortTerm: false })

  function packPrompt(packId: string, questionId: string): MainsPrompt {
    const prompt = mainsPromptsOf(opts.packs.get(packId)).find((p) => p.questionId === questionId)
    if (!prompt) throw new NotFoundError(`The pack "${packId}" has no mains question "${questionId}".`)
    return prompt
  }

  /** The prompt's rewrite card as the newest scoring (other than `except`) left it. */
  function currentCard(all: StoredAttempt[], promptKey: string, except: string): StoredCard | null {
    let best: StoredAttempt | null = null
    for (const a of all) {
      if (a.promptKey !== promptKey || a.id === except || !a.card || !a.scoredAt) continue
      if (!best || (a.scoredAt as string) > (best.scoredAt as string)) best = a
    }
    return best?.card ?? null
  }

  function rewrites(now: Date): { due: RewriteDue[]; next: RewriteDue | null } {
    const latestScored = new Map<string, StoredAttempt>()
    const latestUnscored = new Map<string, string>()
    for (const a of store.values()) {
      if (!a.card || !a.scoredAt) {
        if ((latestUnscored.get(a.promptKey) ?? '') < a.submittedAt) latestUnscored.set(a.promptKey, a.submittedAt)
        continue
      }
      const best = latestScored.get(a.promptKey)
      if (!best || (a.scoredAt as string) > (best.scoredAt as string)) latestScored.set(a.promptKey, a)
    }
    const due: RewriteDue[] = []
    let next: RewriteDue | null = null
    for (const [promptKey, a] of latestScored) {
      // Rewritten since it was scored: the rewrite waits for its own score, not for another reminder.
      if ((latestUnscored.get(promptKey) ?? '') > (a.scoredAt as string)) continue
      const item: RewriteDue = {
        promptKey,
        prompt: a.prompt,
        packId: a.packId,
        questionId: a.questionId,
        marks: a.marks,
        due: (a.card as StoredCard).due,
        lastScore: a.score ?? 0,
        attemptId: a.id
      }
      if (Date.parse(item.due) <= now.getTime()) due.push(item)
      else if (!next || item.due < next.due) next = item
    }
    due.sort((x, y) => x.due.localeCompare(y.due))
    return { due, next }
  }

  return {
    store,
    prompts: () => allMainsPrompts(opts.packs),

    overview() {
      const attempts = store
        .values()
        .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))
        .map(toView)
      const { due, next } = rewrites(clock())
      return { attempts, rewritesDue: due, nextRewrite: next }
    },

    async submit(input) {
      const now = clock()
      const started = Date.parse(input.startedAt)
      if (started > now.getTime() + CLOCK_SLACK_MS) throw invalid('The answer says it was started in the future; check the computer’s clock.', 'startedAt')
      if (started < now.getTime() - MAX_WRITING_MS) throw invalid('The answer says it was started over a week ago; start it again.', 'startedAt')
      if (!input.onPaper && input.text.trim() === '') throw invalid('Write the answer before submitting it (or choose “written on paper”).', 'text')
      const src = input.source
      const prompt =
        src.kind === 'pack'
          ? packPrompt(src.packId, src.questionId)
          : {
              promptKey: ownPromptKey(src.prompt),
              packId: null,
              questionId: null,
              prompt: src.prompt,
              marks: src.marks,
              wordLimit: ANSWER_SPEC[src.marks].words,
              keyPoints: []
            }
      const attempt: StoredAttempt = {
        id: newId(),
        promptKey: prompt.promptKey,
        packId: prompt.packId,
        questionId: prompt.questionId,
        prompt: prompt.prompt,
        marks: prompt.marks,
        wordLimit: prompt.wordLimit,
        onPaper: input.onPaper,
        text: input.onPaper ? '' : input.text,
        words: input.onPaper ? 0 : countWords(input.text),
        startedAt: new Date(Math.min(started, now.getTime())).toISOString(),
        submittedAt: now.toISOString(),
        secondsTaken: Math.max(0, Math.round((now.getTime() - started) / 1000)),
        secondsAllowed: input.paperId ? paperSecondsFor(prompt.marks) : ANSWER_SPEC[prompt.marks].minutes * 60,
        ...(input.paperId ? { paperId: input.paperId } : {}),
        keyPoints: [...prompt.keyPoints],
        covered: null,
        rubric: null,
        score: null,
        scoredAt: null,
        rewriteDue: null,
        card: null,
        prevCard: null
      }
      const saved = await store.put((get) => {
        if (get(attempt.id)) throw new Error(`attempt id collision: ${attempt.id}`)
        return attempt
      })
      // The answer is kept as an attempt now; its draft would only offer it again after a restart.
      if (drafts.data.draft?.startedAt === input.startedAt) await drafts.update((d) => void (d.draft = null))
      return toView(saved)
    },

    async score({ attemptId, covered, rubric }) {
      const now = clock()
      const saved = await store.put((get, all) => {
        const attempt = get(attemptId)
        if (!attempt) throw new NotFoundError(`No answer attempt "${attemptId}".`)
        const beyond = covered.find((i) => i >= attempt.keyPoints.length)
        if (beyond !== undefined) throw invalid(`Key point ${beyond + 1} does not exist; this prompt has ${attempt.keyPoints.length}.`, 'covered')
        // A re-score starts from the card the first scoring started from, so scoring twice is not two reviews.
        const prev = attempt.card ? attempt.prevCard : currentCard(all(), attempt.promptKey, attempt.id)
        const score = answerScore(rubric, covered.length, attempt.keyPoints.length)
        const card = scheduler.review(prev ?? undefined, now, rewriteGrade(score)).card
        return {
          ...attempt,
          covered: [...covered].sort((a, b) => a - b),
          rubric: { ...rubric },
          score,
          scoredAt: now.toISOString(),
          rewriteDue: card.due,
          card,
          prevCard: prev
        }
      })
      return toView(saved)
    },

    exportMarkdown(promptKey) {
      const attempts = store.values().filter((a) => promptKey === undefined || a.promptKey === promptKey)
      const now = clock()
      return { fileName: attemptsFileName(now, promptKey), content: attemptsMarkdown(attempts, now), count: attempts.length }
    },

    draft: () => structuredClone(drafts.data.draft),

    async saveDraft(draft) {
      await drafts.update((d) => void (d.draft = draft ? structuredClone(draft) : null))
      return { saved: true }
    },

    drafts,
    notices: () => [...store.notices, ...drafts.notices],
    flush: async () => {
      await Promise.all([store.flush(), drafts.flush()])
    },
    close: () => store.close()
  }
}
