// Why: the channel names as a run-time list, with no validator attached, so
// the sandboxed preload and the browser bridge can build `window.api` without
// bundling zod. The names are the contract's keys (a type-only import, erased
// from every bundle): `satisfies` makes a name missing here, or one the
// contract does not have, a build error, so the two cannot drift apart.
import type { Channel } from './contract'

export type { Channel }

const NAMES = {
  'app:info': true,
  'app:notices': true,
  'packs:list': true,
  'packs:get': true,
  'settings:get': true,
  'settings:update': true,
  'progress:get': true,
  'progress:markRead': true,
  'progress:setLocation': true,
  'study:queue': true,
  'study:rate': true,
  'study:undo': true,
  'study:stats': true,
  'study:addCustomCard': true,
  'study:removeCustomCard': true,
  'exam:set': true,
  'exam:plan': true,
  'mock:start': true,
  'mock:active': true,
  'mock:saveAnswers': true,
  'mock:submit': true,
  'mock:history': true,
  'annotations:list': true,
  'annotations:add': true,
  'annotations:update': true,
  'annotations:delete': true,
  'annotations:restore': true,
  'annotations:export': true,
  'search:query': true,
  'files:save': true,
  'files:openDataFolder': true,
  'data:exportBackup': true,
  'data:summary': true,
  'data:inspectBackup': true,
  'data:restoreBackup': true,
  'data:reset': true,
  'data:listBackups': true,
  'data:restoreAutomatic': true,
  'data:deletePackProgress': true,
  'packs:import': true,
  'packs:remove': true,
  'prelims:availability': true,
  'prelims:start': true,
  'prelims:active': true,
  'prelims:save': true,
  'prelims:submit': true,
  'prelims:history': true,
  'prelims:result': true,
  'writing:prompts': true,
  'writing:overview': true,
  'writing:submit': true,
  'writing:score': true,
  'writing:export': true,
  'writing:draft': true,
  'writing:saveDraft': true,
  'tuning:get': true,
  'tuning:setRetention': true,
  'tuning:optimise': true,
  'tuning:keep': true,
  'tuning:revert': true,
  'notes:preview': true,
  'notes:import': true,
  'anki:export': true,
  'anki:preview': true,
  'anki:import': true
} as const satisfies Record<Channel, true>

export const CHANNELS: readonly Channel[] = Object.freeze(Object.keys(NAMES) as Channel[])

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(NAMES, value)
}
