// Why: the renderer is untrusted, so every study channel's input is checked
// against its schema in main before the service sees it; a well-formed call
// about a pack that does not exist is a not-found, not a crash.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDispatcher, type Dispatch } from '../../../src/main/dispatch'
import { createAppServices, type AppServices } from '../../../src/main/services/app-services'
import { CHANNELS } from '../../../src/shared/channels'
import { contract } from '../../../src/shared/contract'
import { studyRoutes } from '../../../src/shared/routes/study'
import { studyPack, T0 } from './helpers'

const bad: [string, unknown][] = [
  ['study:rate', { packId: 'polity', itemId: 'q:q-1', rating: 5 }],
  ['study:rate', { packId: 'polity', itemId: 'q:q-1', rating: 0 }],
  ['study:rate', { packId: 'polity', itemId: 'q:q-1', rating: 2.5 }],
  ['study:rate', { packId: 'polity', itemId: 'q:q-1', rating: '3' }],
  ['study:rate', { packId: 'polity', itemId: 'q-1', rating: 3 }],
  ['study:rate', { packId: 'polity', itemId: 'cell:row-first', rating: 3 }],
  ['study:rate', { packId: 'polity', itemId: 'q:Q-1', rating: 3 }],
  ['study:rate', { packId: 'polity', itemId: 'q:q-1', rating: 3, reschedule: true }],
  ['study:rate', { packId: 'polity', itemId: 'q:q-1', rating: 3, extra: 1 }],
  ['study:rate', { packId: '__proto__', itemId: 'q:q-1', rating: 3 }],
  ['study:queue', { packId: 'polity', mode: 'later' }],
  ['study:queue', { packId: 'polity', mode: 'section' }],
  ['study:queue', { packId: 'polity', mode: 'due', sectionId: 'sec-one' }],
  ['study:queue', { packId: 'polity', mode: 'due', limit: 0 }],
  ['study:queue', { packId: 'polity', mode: 'due', kinds: [] }],
  ['study:undo', {}],
  ['study:addCustomCard', { packId: 'polity', id: 'hl-1', kind: 'highlight-cloze', text: 'no blank here', answer: 'x', blockId: 'blk-a' }],
  ['study:addCustomCard', { packId: 'polity', id: 'hl-1', kind: 'highlight-cloze', text: '{{blank}} {{blank}}', answer: 'x', blockId: 'blk-a' }],
  ['study:addCustomCard', { packId: 'polity', id: 'hl-1', kind: 'highlight-cloze', text: `${'a'.repeat(1000)} {{blank}}`, answer: 'x', blockId: 'blk-a' }],
  ['study:addCustomCard', { packId: 'polity', id: 'hl-1', kind: 'note', text: '{{blank}}', answer: 'x', blockId: 'blk-a' }],
  ['study:addCustomCard', { packId: 'polity', id: 'hl-1', kind: 'highlight-cloze', text: '{{blank}}', answer: ' ', blockId: 'blk-a' }],
  ['exam:set', { packId: 'polity', dates: { prelims: '2027-02-30', mains: { gs1: null, gs2: null, gs3: null, gs4: null, essay: null } }, minutesPerDay: 30 }],
  ['exam:set', { packId: 'polity', dates: { prelims: '2027-5-24', mains: { gs1: null, gs2: null, gs3: null, gs4: null, essay: null } }, minutesPerDay: 30 }],
  ['exam:set', { packId: 'polity', dates: { prelims: '24/05/2027', mains: { gs1: null, gs2: null, gs3: null, gs4: null, essay: null } }, minutesPerDay: 30 }],
  ['exam:set', { packId: 'polity', dates: { prelims: '2027-05-24', mains: { gs1: null, gs2: null, gs3: null, gs4: null, essay: null } }, minutesPerDay: 0 }],
  ['exam:set', { packId: 'polity', dates: { prelims: '2027-05-24', mains: { gs1: null, gs2: null, gs3: null, gs4: null, essay: null } }, minutesPerDay: 30.5 }],
  ['exam:set', { packId: 'polity', dates: { prelims: null, mains: { gs1: null, gs2: null, gs3: null, gs4: null, essay: null } }, minutesPerDay: 30 }],
  [
    'exam:set',
    { packId: 'polity', dates: { prelims: '2027-05-24', mains: { gs1: '2027-05-24', gs2: null, gs3: null, gs4: null, essay: null } }, minutesPerDay: 30 }
  ],
  ['exam:set', { packId: 'polity', dates: { prelims: '2027-05-24', mains: { gs1: null } }, minutesPerDay: 30 }],
  ['exam:set', { packId: 'polity', examDate: '2027-05-24', minutesPerDay: 30 }],
  ['mock:start', { packId: 'polity', count: 0 }],
  ['mock:start', { packId: 'polity', count: 101 }],
  ['mock:start', { packId: 'polity', sectionIds: [] }],
  ['mock:submit', { mockId: 'nope', answers: {} }],
  ['mock:submit', { mockId: 'mock-abc', answers: { 'q-1': 6 } }],
  ['mock:submit', { mockId: 'mock-abc', answers: { 'q-1': -1 } }],
  ['mock:submit', { mockId: 'mock-abc', answers: { 'q-1': '0' } }],
  ['mock:submit', { mockId: 'mock-abc', answers: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`q-${i}`, 0])) }]
]

let dataDir: string
let packsDir: string
let services: AppServices
let dispatch: Dispatch

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rd-study-ch-'))
  packsDir = await mkdtemp(join(tmpdir(), 'rd-study-packs-'))
  await mkdir(join(packsDir, 'polity'))
  await writeFile(join(packsDir, 'polity', 'pack.json'), JSON.stringify(studyPack()))
  services = await createAppServices({ dataDir, packsDir, host: 'web', version: 'test', clock: () => new Date(T0) })
  dispatch = createDispatcher(services.handlers, () => undefined)
})
afterAll(async () => {
  await services.close()
  await rm(dataDir, { recursive: true, force: true })
  await rm(packsDir, { recursive: true, force: true })
})

describe('study channels', () => {
  it('are all listed in CHANNELS and the contract, which name the same channels', () => {
    for (const name of Object.keys(studyRoutes)) {
      expect(CHANNELS).toContain(name)
      expect(contract).toHaveProperty([name])
    }
    // The typecheck already refuses a mismatch (channels.ts); this catches a cast that hides one.
    expect([...CHANNELS].sort()).toEqual(Object.keys(contract).sort())
  })

  it.each(bad)('%s refuses %j', async (channel, input) => {
    expect(contract[channel as keyof typeof contract].input.safeParse(input).success).toBe(false)
    expect(await dispatch(channel, input)).toMatchObject({ ok: false, error: { code: 'validation' } })
  })

  it('answers an unknown pack with not-found on every pack-scoped channel', async () => {
    const calls: [string, unknown][] = [
      ['study:queue', { packId: 'nope', mode: 'due' }],
      ['study:rate', { packId: 'nope', itemId: 'q:q-1', rating: 3 }],
      ['study:undo', { packId: 'nope' }],
      ['study:stats', { packId: 'nope' }],
      ['study:addCustomCard', { packId: 'nope', id: 'hl-1', kind: 'highlight-cloze', text: '{{blank}}', answer: 'x', blockId: 'blk-a' }],
      ['study:removeCustomCard', { packId: 'nope', id: 'hl-1' }],
      ['exam:set', { packId: 'nope', dates: { prelims: '2027-05-24', mains: { gs1: null, gs2: null, gs3: null, gs4: null, essay: null } }, minutesPerDay: 30 }],
      ['exam:plan', { packId: 'nope' }],
      ['mock:start', { packId: 'nope' }],
      ['mock:active', { packId: 'constructor' }],
      ['mock:history', { packId: 'nope' }]
    ]
    for (const [channel, input] of calls) expect(await dispatch(channel, input), channel).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('serves a round trip: queue → rate → undo → stats, with mock:start taking the default count', async () => {
    const queue = await dispatch('study:queue', { packId: 'polity', mode: 'due', limit: 2 })
    expect(queue).toMatchObject({ ok: true, value: { items: [{ itemId: 'q:q-1' }, { itemId: 'q:q-2' }] } })
    expect(await dispatch('study:rate', { packId: 'polity', itemId: 'q:q-1', rating: 3 })).toMatchObject({ ok: true, value: { state: 'learning' } })
    expect(await dispatch('study:undo', { packId: 'polity' })).toMatchObject({ ok: true, value: { itemId: 'q:q-1', card: { state: 'new' } } })
    expect(await dispatch('study:stats', { packId: 'polity' })).toMatchObject({ ok: true, value: { totals: { items: 8 } } })
    const mock = await dispatch('mock:start', { packId: 'polity' })
    expect(mock).toMatchObject({ ok: true, value: { questionIds: expect.arrayContaining(['q-1']) } })
  })
})
