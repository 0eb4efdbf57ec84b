// Why: the one wrapper every call goes through, in Electron and in the browser
// host alike: validate the input against the contract, call the service, and
// turn any failure into a typed error. A bad input never reaches a service.
import * as z from 'zod'
import { contract, type Handlers } from '../shared/contract'
import { isChannel } from '../shared/channels'
import type { ApiErrorData, ApiIssue, Result } from '../shared/result'
import { ServiceError } from './services/errors'

export type Dispatch = (channel: string, rawInput: unknown) => Promise<Result<unknown>>

export function issuesOf(error: z.ZodError): ApiIssue[] {
  return error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.') || '(input)', message: i.message }))
}

export function failure(error: ApiErrorData): Result<never> {
  return { ok: false, error }
}

export function createDispatcher(handlers: Handlers, log: (message: string, error: unknown) => void = console.error): Dispatch {
  return async (channel, rawInput) => {
    if (!isChannel(channel)) return failure({ code: 'validation', message: 'Unknown call.' })
    const parsed = contract[channel].input.safeParse(rawInput)
    if (!parsed.success) {
      return failure({ code: 'validation', message: `Invalid input for ${channel}.`, issues: issuesOf(parsed.error) })
    }
    try {
      const handler = handlers[channel] as (input: unknown) => Promise<unknown>
      return { ok: true, value: await handler(parsed.data) }
    } catch (error) {
      if (error instanceof ServiceError) {
        return failure({ code: error.code, message: error.message, ...(error.issues.length ? { issues: error.issues } : {}) })
      }
      log(`[${channel}] unexpected failure`, error)
      return failure({ code: 'internal', message: 'Something went wrong inside the app; the details are in the log.' })
    }
  }
}
