// Why: the only file that touches `window.api` (the preload in Electron, the
// bridge in the browser host). It turns result envelopes into values or a
// typed ApiError, so stores can branch on `error.code`.
import { CHANNELS, type Channel } from '@shared/channels'
import type { Arg, Bridge, Out } from '@shared/contract'
import { ApiError, type Result } from '@shared/result'

export type Client = {
  [K in Channel]: undefined extends Arg<K> ? (input?: Arg<K>) => Promise<Out<K>> : (input: Arg<K>) => Promise<Out<K>>
}

export function createClient(bridge: Bridge | undefined): Client {
  const client: Partial<Record<Channel, (input?: unknown) => Promise<unknown>>> = {}
  for (const channel of CHANNELS) {
    client[channel] = async (input?: unknown) => {
      if (!bridge) throw new ApiError({ code: 'internal', message: 'The app bridge is missing: open Revision Desk from its window, not a plain browser tab.' })
      const call = bridge[channel] as (input?: unknown) => Promise<Result<unknown>>
      const result = await call(input)
      if (!result.ok) throw new ApiError(result.error)
      return result.value
    }
  }
  return client as Client
}

export const api: Client = createClient(typeof window === 'undefined' ? undefined : window.api)
