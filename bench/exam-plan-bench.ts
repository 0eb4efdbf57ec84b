// Why: the dashboard asks for the exam plan on every visit, so the two-deadline
// plan and forecast over a big deck is timed here, for `npm run bench`, never
// in timed tests. The deck is what a full year of UPSC packs adds up to:
// 20,000 items over 100 sections, a tenth of them Mains prompts, most already
// studied at varied strengths, Prelims six months away and Mains three after.
import { performance } from 'node:perf_hooks'
import type { ExamSettings } from '../src/shared/domain/exam'
import type { Question } from '../src/shared/pack/schema'
import { addDays, fixedOffsetCalendar } from '../src/main/services/study/days'
import { buildExamPlan } from '../src/main/services/study/exam-report'
import type { DeckItem } from '../src/main/services/study/items'
import { createScheduler, type StoredCard } from '../src/main/services/study/scheduler'
import { spread, type Spread } from './stats'

const DAY_MS = 86_400_000
const IST = fixedOffsetCalendar(330)

export interface ExamPlanBenchResult {
  items: number
  planDays: number
  plan: Spread
  /** The same runs in this process's CPU time: on a machine shared with other work, closer to what the code costs. */
  cpu: Spread
}

export function measureExamPlan(opts: { items: number; runs: number }): ExamPlanBenchResult {
  const now = new Date('2026-11-30T04:30:00.000Z')
  const today = IST.dayOf(now)
  const scheduler = createScheduler()
  const planner = createScheduler({ shortTerm: false })
  const sections = Array.from({ length: 100 }, (_, i) => ({ id: `sec-${i}`, title: `Section ${i}` }))
  const questions = new Map<string, Question>()
  const cards = new Map<string, StoredCard>()
  const deck: DeckItem[] = Array.from({ length: opts.items }, (_, i) => {
    const mains = i % 10 === 0
    const id = `q${i}`
    if (mains) questions.set(id, { id, kind: 'mains', tests: ['b'], prompt: `Discuss ${i}.`, outline: ['a', 'b', 'c'], explanation: 'x', wordLimit: 250 })
    return { itemId: `q:${id}`, ref: { kind: 'question', questionId: id, questionKind: mains ? 'mains' : 'mcq' }, sectionIds: [`sec-${i % 100}`] }
  })
  // 70% studied: one to four reviews over the past 200 days, with every rating.
  deck.forEach((item, i) => {
    if (i % 10 >= 7) return
    let card: StoredCard | undefined
    for (let r = 0; r <= i % 4; r++)
      card = planner.review(card, new Date(now.getTime() - (200 - r * 40 - (i % 37)) * DAY_MS), (((i + r) % 4) + 1) as 1 | 2 | 3 | 4).card
    cards.set(item.itemId, card!)
  })
  const settings: ExamSettings = {
    prelims: addDays(today, 180),
    mains: { essay: addDays(today, 270), gs1: addDays(today, 271), gs2: addDays(today, 271), gs3: addDays(today, 272), gs4: addDays(today, 272) },
    minutesPerDay: 120
  }
  const run = () => buildExamPlan({ packId: 'bench', settings, deck, cards, sections, questions, now, calendar: IST, recall: scheduler, planner })
  const first = run()
  const samples: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < opts.runs; i++) {
    const cpuAt = process.cpuUsage()
    const started = performance.now()
    run()
    samples.push(performance.now() - started)
    const used = process.cpuUsage(cpuAt)
    cpu.push((used.user + used.system) / 1000)
  }
  return { items: opts.items, planDays: first.days.length, plan: spread(samples), cpu: spread(cpu) }
}
