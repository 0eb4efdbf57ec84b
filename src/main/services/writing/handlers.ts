// Why: the answer-writing channels mapped onto the writing service, so
// app-services can spread them into the one handler map.
import type { Handlers } from '../../../shared/contract'
import type { WritingService } from './writing-service'

type WritingChannel = Extract<keyof Handlers, `writing:${string}`>

export function createWritingHandlers(writing: WritingService): Pick<Handlers, WritingChannel> {
  return {
    'writing:prompts': async () => writing.prompts(),
    'writing:overview': async () => writing.overview(),
    'writing:submit': async (input) => writing.submit(input),
    'writing:score': async (input) => writing.score(input),
    'writing:export': async (input) => writing.exportMarkdown(input?.promptKey),
    'writing:draft': async () => writing.draft(),
    'writing:saveDraft': async ({ draft }) => writing.saveDraft(draft)
  }
}
