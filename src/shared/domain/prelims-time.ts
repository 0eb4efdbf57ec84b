// Why: "time spent per question" is only honest if every moment on screen
// goes to the question shown and no moment goes twice. The page keeps one
// open visit at a time; switching question, marking or saving closes it into
// that question's total. Pure, so the bookkeeping is tested without a clock.

export interface QuestionClock {
  /** Milliseconds per question, by position, visits closed so far. */
  readonly spent: readonly number[]
  /** The question on screen and since when (ms), or null while paused. */
  readonly open: { index: number; since: number } | null
}

export function startClock(spent: readonly number[], index: number | null, now: number): QuestionClock {
  return { spent: [...spent], open: index === null ? null : { index, since: now } }
}

/** Closes the open visit into its question's total; a clock that went backwards adds nothing. */
export function pauseClock(clock: QuestionClock, now: number): QuestionClock {
  if (!clock.open) return clock
  const spent = [...clock.spent]
  const { index, since } = clock.open
  if (index >= 0 && index < spent.length) spent[index] = (spent[index] ?? 0) + Math.max(0, Math.round(now - since))
  return { spent, open: null }
}

/** The student moved to question `index`: the last one gets its time, this one starts. */
export function switchQuestion(clock: QuestionClock, index: number, now: number): QuestionClock {
  return { spent: pauseClock(clock, now).spent, open: { index, since: now } }
}

/** Totals as they are now, the open visit included, without closing it. */
export function clockTotals(clock: QuestionClock, now: number): number[] {
  return [...pauseClock(clock, now).spent]
}

/** Carries on from `now` with the open visit's time banked, so a save does not count it twice. */
export function bankClock(clock: QuestionClock, now: number): QuestionClock {
  return clock.open ? switchQuestion(clock, clock.open.index, now) : clock
}
