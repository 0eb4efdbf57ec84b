// Why: the one map of every renderer→main call. The preload, the IPC
// registration and the browser host are all derived from it, and main
// validates each input against its schema because renderer types vanish at run time.
import * as z from 'zod'
import type { Channel } from './channels'
import type { Result } from './result'
import type { AppInfo, Pack, PackList, PackProgress, Settings, StoreNotice } from './domain'
import { Id } from './pack/schema'
import { SettingsPatch } from './settings'

const NoInput = z.undefined()
const PackRef = z.object({ packId: Id }).strict()

/** Pairs an input schema with an output type that exists only for the compiler. */
function route<O>() {
  return <I extends z.ZodType>(input: I): { input: I; output: O } => ({ input, output: undefined as unknown as O })
}

export const contract = {
  'app:info': route<AppInfo>()(NoInput),
  'app:notices': route<StoreNotice[]>()(NoInput),
  'packs:list': route<PackList>()(NoInput),
  'packs:get': route<Pack>()(PackRef),
  'settings:get': route<Settings>()(NoInput),
  'settings:update': route<Settings>()(SettingsPatch),
  'progress:get': route<PackProgress>()(PackRef),
  'progress:markRead': route<PackProgress>()(z.object({ packId: Id, sectionId: Id, read: z.boolean() }).strict()),
  'progress:setLocation': route<PackProgress>()(z.object({ packId: Id, sectionId: Id, blockId: Id.optional() }).strict())
} satisfies Record<Channel, { input: z.ZodType; output: unknown }>

export type Contract = typeof contract
export type In<K extends Channel> = z.output<Contract[K]['input']>
/** What a caller may pass: optional where the route takes no input. */
export type Arg<K extends Channel> = z.input<Contract[K]['input']>
export type Out<K extends Channel> = Contract[K]['output']

/** What the services implement: one function per channel, given a validated input. */
export type Handlers = { [K in Channel]: (input: In<K>) => Promise<Out<K>> }

/** What the page sees as `window.api`: the same keys, returning result envelopes. */
export type Bridge = {
  [K in Channel]: undefined extends Arg<K> ? (input?: Arg<K>) => Promise<Result<Out<K>>> : (input: Arg<K>) => Promise<Result<Out<K>>>
}
