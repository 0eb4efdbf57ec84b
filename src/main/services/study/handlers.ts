// Why: the study, exam and mock channels mapped onto the study service, so
// app-services can spread them into the one handler map.
import type { Handlers } from '../../../shared/contract'
import type { StudyService } from './study-service'

type StudyChannel = Extract<keyof Handlers, `study:${string}` | `exam:${string}` | `mock:${string}`>

export function createStudyHandlers(study: StudyService): Pick<Handlers, StudyChannel> {
  return {
    'study:queue': async (input) => study.queue(input),
    'study:rate': async (input) => study.rate(input),
    'study:undo': async ({ packId }) => study.undo(packId),
    'study:stats': async ({ packId }) => study.stats(packId),
    'study:addCustomCard': async (input) => study.addCustomCard(input),
    'study:removeCustomCard': async ({ packId, id }) => study.removeCustomCard(packId, id),
    'exam:set': async (input) => study.setExam(input),
    'exam:plan': async ({ packId }) => study.plan(packId),
    'mock:start': async (input) => study.mocks.start(input),
    'mock:active': async ({ packId }) => study.mocks.active(packId),
    'mock:saveAnswers': async (input) => study.mocks.saveAnswers(input),
    'mock:submit': async (input) => study.mocks.submit(input),
    'mock:history': async ({ packId }) => study.mocks.history(packId)
  }
}
