// Why: the sandboxed bridge between page and main. It exposes exactly the
// contract's channels as named functions, never ipcRenderer itself, and does
// no validation: main does that, because the page cannot be trusted.
import { contextBridge, ipcRenderer } from 'electron'
import { CHANNELS } from '../shared/channels'
import type { Bridge } from '../shared/contract'

export function buildBridge(invoke: (channel: string, input: unknown) => Promise<unknown>): Bridge {
  const bridge: Record<string, (input?: unknown) => Promise<unknown>> = {}
  for (const channel of CHANNELS) {
    bridge[channel] = (input?: unknown) => invoke(channel, input)
  }
  return Object.freeze(bridge) as unknown as Bridge
}

contextBridge.exposeInMainWorld(
  'api',
  buildBridge((channel, input) => ipcRenderer.invoke(channel, input))
)
