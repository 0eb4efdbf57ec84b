// Why: the tuning channels mapped onto the tuning service, so app-services can
// spread them into the one handler map.
import type { Handlers } from '../../../shared/contract'
import type { TuningService } from './tuning-service'

type TuningChannel = Extract<keyof Handlers, `tuning:${string}`>

export function createTuningHandlers(tuning: TuningService): Pick<Handlers, TuningChannel> {
  return {
    'tuning:get': async () => tuning.state(),
    'tuning:setRetention': async (input) => tuning.setRetention(input.desiredRetention),
    'tuning:optimise': async () => tuning.optimise(),
    'tuning:keep': async () => tuning.keep(),
    'tuning:revert': async () => tuning.revert()
  }
}
