// Why: the plan main would return for the dashboard's exam tests: fixed
// numbers, shaped by the dates the test saved, so the page's words can be checked.
import type { ExamPlan, ExamSettings } from '@shared/domain/exam'

export const NO_MAINS: ExamSettings['mains'] = { gs1: null, gs2: null, gs3: null, gs4: null, essay: null }

export function planFor(settings: ExamSettings): ExamPlan {
  const mains =
    Object.values(settings.mains)
      .filter((d): d is string => d !== null)
      .sort()[0] ?? null
  const next = settings.prelims ? { date: settings.prelims, name: 'Prelims', daysLeft: 20 } : mains ? { date: mains, name: 'GS-I', daysLeft: 20 } : null
  return {
    packId: 'fixture',
    settings,
    phase: settings.prelims ? 'prelims' : 'mains',
    peaks: { prelims: settings.prelims ?? mains, mains: mains ?? settings.prelims },
    nextExam: next,
    secondsPerReview: 20,
    capPerDay: settings.minutesPerDay * 3,
    today: '2026-11-01',
    items: 12,
    unseen: 10,
    forecast: {
      overallSeen: 0.8,
      overallAll: 0.13,
      sections: [
        { sectionId: 'sec-origins', title: 'Origins of the 2+2', items: 8, unseen: 6, recallSeen: 0.8, recallAll: 0.2 },
        { sectionId: 'sec-defence', title: 'Defence ties', items: 4, unseen: 4, recallSeen: null, recallAll: 0 }
      ],
      weakest: ['sec-defence', 'sec-origins']
    },
    days: Array.from({ length: 20 }, (_, i) => ({
      date: `2026-11-${String(i + 1).padStart(2, '0')}`,
      newItems: i < 17 ? 1 : 0,
      reviews: 2,
      sweep: i > 16 ? 12 : 0,
      minutes: 1,
      overCap: i === 18
    })),
    todayPlan: {
      reviews: 2,
      newItems: 1,
      sweep: 0,
      cardMinutes: 1,
      answer: { questionId: 'q-mains', prompt: 'Assess the 2+2 as signalling.', wordLimit: 150, minutes: 7 },
      minutes: 8
    },
    feasible: settings.minutesPerDay >= 10,
    unswept: settings.minutesPerDay >= 10 ? 0 : 4,
    minutesNeeded: 10
  }
}
