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
  'progress:setLocation',
  'study:queue',
  'study:rate',
  'study:undo',
  'study:stats',
  'study:addCustomCard',
  'study:removeCustomCard',
  'exam:set',
  'exam:plan',
  'mock:start',
  'mock:active',
  'mock:saveAnswers',
  'mock:submit',
  'mock:history',
  'annotations:list',
  'annotations:add',
  'annotations:update',
  'annotations:delete',
  'annotations:restore',
  'annotations:export',
  'search:query',
  'files:save',
  'files:openDataFolder',
  'data:exportBackup',
  'data:summary',
  'data:inspectBackup',
  'data:restoreBackup',
  'data:reset',
  'data:listBackups',
  'data:restoreAutomatic',
  'data:deletePackProgress',
  'packs:import',
  'packs:remove'
] as const

export type Channel = (typeof CHANNELS)[number]

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value)
}
