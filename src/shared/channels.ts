// Why: the channel names alone, with no validator attached, so the sandboxed
// preload and the browser bridge can derive `window.api` without bundling zod.
export const CHANNELS = [
  'app:info',
  'app:notices',
  'packs:list',
  'packs:get',
  'settings:get',
  'settings:update',
  'progress:get',
  'progress:markRead',
  'progress:setLocation'
] as const

export type Channel = (typeof CHANNELS)[number]

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value)
}
