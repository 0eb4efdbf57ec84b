// Why: the one map of every renderer→main call, and so the one place a
// channel is named. The channel list (channels.ts), the preload, the IPC
// registration and the browser host are all derived from it, and main
// validates each input against its schema because renderer types vanish at run time.
import * as z from 'zod'
import type { Result } from './result'
import type { AppInfo, Pack, PackList, PackProgress, Settings, StoreNotice } from './domain/app'
import { Id } from './pack/schema'
import { SettingsPatch } from './settings'
import { NoInput, PackRef, route } from './route'
import { studyRoutes } from './routes/study'
import { annotationRoutes } from './routes/annotations'
import { searchRoutes } from './routes/search'
import { filesRoutes } from './routes/files'
import { dataRoutes } from './routes/data'
import { prelimsRoutes } from './routes/prelims'
import { writingRoutes } from './routes/writing'
import { tuningRoutes } from './routes/tuning'
import { notesRoutes } from './routes/notes'
import { ankiRoutes } from './routes/anki'

const coreRoutes = {
  'app:info': route<AppInfo>()(NoInput),
  'app:notices': route<StoreNotice[]>()(NoInput),
  'packs:list': route<PackList>()(NoInput),
  'packs:get': route<Pack>()(PackRef),
  'settings:get': route<Settings>()(NoInput),
  'settings:update': route<Settings>()(SettingsPatch),
  'progress:get': route<PackProgress>()(PackRef),
  'progress:markRead': route<PackProgress>()(z.object({ packId: Id, sectionId: Id, read: z.boolean() }).strict()),
  'progress:setLocation': route<PackProgress>()(z.object({ packId: Id, sectionId: Id, blockId: Id.optional() }).strict())
}

/** Each domain keeps its routes in src/shared/routes/<domain>.ts and is merged here. */
export const contract = {
  ...coreRoutes,
  ...studyRoutes,
  ...annotationRoutes,
  ...searchRoutes,
  ...filesRoutes,
  ...dataRoutes,
  ...prelimsRoutes,
  ...writingRoutes,
  ...tuningRoutes,
  ...notesRoutes,
  ...ankiRoutes
} satisfies Record<string, { input: z.ZodType; output: unknown }>

export type Contract = typeof contract
/** Every channel name: the contract's keys. channels.ts lists them for the code that runs without zod. */
export type Channel = keyof Contract
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
