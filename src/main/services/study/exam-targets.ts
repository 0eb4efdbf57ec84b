// Why: which exam the student is working towards today, and the day each item
// should peak at. Kept to one rule the page can explain in a sentence:
//   - objective items peak at Prelims while it is still to come (its day
//     included), and at Mains from the day after: the switch needs no action;
//   - Mains prompts peak at the earliest Mains paper still to come. A prompt
//     does not say which paper it is for, so the first paper is the deadline
//     for all of them (early is never too late), and after that paper the next;
//   - a track with no date of its own peaks at the other exam's date.
// No new items on any exam day or the day before it.
import { MAINS_PAPER_NAMES, MAINS_PAPERS, type ExamDates, type ExamSettings, type ExamTrack, type NextExam } from '../../../shared/domain/exam'
import { addDays, daysBetween } from './days'

export interface ExamTargets {
  phase: 'prelims' | 'mains' | 'done'
  peaks: Record<ExamTrack, string | null>
  nextExam: NextExam | null
  /** Every exam day and its eve. */
  noNewDays: ReadonlySet<string>
}

export function examTargets(settings: ExamSettings, today: string): ExamTargets {
  const prelims = settings.prelims !== null && settings.prelims >= today ? settings.prelims : null
  const mains = MAINS_PAPERS.flatMap((paper) => {
    const day = settings.mains[paper]
    return day !== null && day >= today ? [{ paper, day }] : []
  }).sort((a, b) => a.day.localeCompare(b.day))
  const firstMains = mains[0] ?? null
  const next = prelims !== null ? { date: prelims, name: 'Prelims' } : firstMains ? { date: firstMains.day, name: MAINS_PAPER_NAMES[firstMains.paper] } : null
  const all = [settings.prelims, ...MAINS_PAPERS.map((p) => settings.mains[p])].filter((d): d is string => d !== null)
  return {
    phase: prelims !== null ? 'prelims' : firstMains ? 'mains' : 'done',
    peaks: { prelims: prelims ?? firstMains?.day ?? null, mains: firstMains?.day ?? prelims },
    nextExam: next ? { ...next, daysLeft: daysBetween(today, next.date) } : null,
    noNewDays: new Set(all.flatMap((d) => [d, addDays(d, -1)]))
  }
}

/** Dates already passed that were not saved so before: a typo, not the Prelims just sat. */
export function pastDates(next: ExamDates, saved: ExamDates | undefined, today: string): { path: string; message: string }[] {
  const fields: [string, string, string | null, string | null | undefined][] = [
    ['dates.prelims', 'Prelims', next.prelims, saved?.prelims],
    ...MAINS_PAPERS.map((p): [string, string, string | null, string | null | undefined] => [
      `dates.mains.${p}`,
      MAINS_PAPER_NAMES[p],
      next.mains[p],
      saved?.mains[p]
    ])
  ]
  return fields.flatMap(([path, name, day, before]) =>
    day !== null && day < today && day !== before ? [{ path, message: `the ${name} date ${day} has already passed` }] : []
  )
}
