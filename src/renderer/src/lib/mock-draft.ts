// Why: main keeps an open mock paper across a restart (mock:active) but only
// receives the answers on submit. Until it has a channel for them, the choices
// made so far are kept in this page's storage after every click, so a crash or
// a closed window mid-paper does not cost the student their answers.
export type MockAnswers = Record<string, number | null>

const PREFIX = 'revision-desk:mock-draft:'

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage
  } catch {
    // Storage can be refused (privacy settings); the paper still works, just without the safety copy.
    return null
  }
}

export function loadDraft(mockId: string): MockAnswers {
  try {
    const raw = storage()?.getItem(PREFIX + mockId)
    const parsed: unknown = raw ? JSON.parse(raw) : {}
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {}
    const answers: MockAnswers = {}
    for (const [id, value] of Object.entries(parsed)) {
      if (value === null || (Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 5)) answers[id] = value as number | null
    }
    return answers
  } catch {
    return {}
  }
}

export function saveDraft(mockId: string, answers: MockAnswers): void {
  try {
    storage()?.setItem(PREFIX + mockId, JSON.stringify(answers))
  } catch {
    // Full or refused storage: the answers are still in memory and go to main on submit.
  }
}

export function clearDraft(mockId: string): void {
  try {
    storage()?.removeItem(PREFIX + mockId)
  } catch {
    // Nothing to do: a stale draft is ignored once its paper is submitted.
  }
}
