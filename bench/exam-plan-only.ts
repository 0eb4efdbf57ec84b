// Why: the exam-plan figure alone, for working on the planner without the
// whole `npm run bench` (which also builds the app and boots it many times).
import { loadavg } from 'node:os'
import { measureExamPlan } from './exam-plan-bench'

console.log({ ...measureExamPlan({ items: 20_000, runs: 30 }), load_average_1min: loadavg()[0] })
