// Why: the Prelims paper's channels mapped onto its service, so app-services
// can spread them into the one handler map.
import type { Handlers } from '../../../shared/contract'
import type { PrelimsService } from './prelims-service'

type PrelimsChannel = Extract<keyof Handlers, `prelims:${string}`>

export function createPrelimsHandlers(prelims: PrelimsService): Pick<Handlers, PrelimsChannel> {
  return {
    'prelims:availability': async () => prelims.availability(),
    'prelims:start': async (input) => prelims.start(input),
    'prelims:active': async () => prelims.active(),
    'prelims:save': async (input) => prelims.save(input),
    'prelims:submit': async (input) => prelims.submit(input),
    'prelims:history': async () => prelims.history(),
    'prelims:result': async ({ paperId }) => prelims.result(paperId)
  }
}
