// Why: the renderer is untrusted, so every Prelims channel's input is checked
// in main against its schema before the service sees it, and a bad payload
// gets an error that says what is wrong with it.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDispatcher, type Dispatch } from '../../../src/main/dispatch'
import { createAppServices, type AppServices } from '../../../src/main/services/app-services'
import { CHANNELS } from '../../../src/shared/channels'
import { contract } from '../../../src/shared/contract'
import type { PrelimsPaper } from '../../../src/shared/domain/prelims'
import { prelimsRoutes } from '../../../src/shared/routes/prelims'
import { generatedPack } from '../fixtures/prelims-packs'

const row = <T>(n: number, v: T): T[] => Array<T>(n).fill(v)
const bad: [string, unknown, string][] = [
  ['prelims:start', { allowShort: 'yes' }, 'allowShort'],
  ['prelims:start', { count: 50 }, '(input)'],
  ['prelims:start', null, '(input)'],
  ['prelims:active', { paperId: 'paper-x' }, '(input)'],
  ['prelims:save', { paperId: 'nope', answers: [], review: [], timeMs: [] }, 'paperId'],
  ['prelims:save', { paperId: 'paper-x', answers: [0], review: [], timeMs: [0] }, 'answers'],
  ['prelims:save', { paperId: 'paper-x', answers: [6], review: [false], timeMs: [0] }, 'answers.0'],
  ['prelims:save', { paperId: 'paper-x', answers: [-1], review: [false], timeMs: [0] }, 'answers.0'],
  ['prelims:save', { paperId: 'paper-x', answers: ['1'], review: [false], timeMs: [0] }, 'answers.0'],
  ['prelims:save', { paperId: 'paper-x', answers: [null], review: ['yes'], timeMs: [0] }, 'review.0'],
  ['prelims:save', { paperId: 'paper-x', answers: [null], review: [false], timeMs: [1.5] }, 'timeMs.0'],
  ['prelims:save', { paperId: 'paper-x', answers: [null], review: [false], timeMs: [-1] }, 'timeMs.0'],
  ['prelims:save', { paperId: 'paper-x', answers: row(101, null), review: row(101, false), timeMs: row(101, 0) }, 'answers'],
  ['prelims:submit', { paperId: 'paper-x', answers: [], review: [], timeMs: [], extra: 1 }, '(input)'],
  ['prelims:result', { paperId: '../../etc' }, 'paperId']
]

let dataDir: string
let packsDir: string
let services: AppServices
let dispatch: Dispatch

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rd-prelims-ch-'))
  packsDir = await mkdtemp(join(tmpdir(), 'rd-prelims-packs-'))
  for (const id of ['one', 'two']) {
    await mkdir(join(packsDir, id))
    await writeFile(join(packsDir, id, 'pack.json'), JSON.stringify(generatedPack({ id, mcq: 30, statements: 20, match: 10, trueFalse: 5 })))
  }
  services = await createAppServices({ dataDir, packsDir, host: 'web', version: 'test', clock: () => new Date('2026-11-25T04:30:00.000Z') })
  dispatch = createDispatcher(services.handlers, () => undefined)
})
afterAll(async () => {
  await services.close()
  await rm(dataDir, { recursive: true, force: true })
  await rm(packsDir, { recursive: true, force: true })
})

describe('prelims channels', () => {
  it('are all in CHANNELS and the contract', () => {
    for (const name of Object.keys(prelimsRoutes)) {
      expect(CHANNELS).toContain(name)
      expect(contract).toHaveProperty([name])
    }
  })

  it.each(bad)('%s refuses %j, naming %s', async (channel, input, path) => {
    const res = await dispatch(channel, input)
    expect(res).toMatchObject({ ok: false, error: { code: 'validation', message: `Invalid input for ${channel}.` } })
    if (!res.ok) expect(res.error.issues?.map((i) => i.path)).toContain(path)
  })

  it('serves a whole paper through the dispatcher: availability, start, save, submit, history', async () => {
    expect(await dispatch('prelims:availability', undefined)).toMatchObject({ ok: true, value: { available: 120, required: 100 } })
    const started = await dispatch('prelims:start', {})
    if (!started.ok) throw new Error(started.error.message)
    const paper = started.value as PrelimsPaper
    expect(paper.questions).toHaveLength(100)
    const answers = row<number | null>(100, 0)
    expect(await dispatch('prelims:save', { paperId: paper.paperId, answers, review: row(100, false), timeMs: row(100, 0) })).toMatchObject({ ok: true })
    expect(await dispatch('prelims:active', undefined)).toMatchObject({ ok: true, value: { paperId: paper.paperId, answers } })
    const done = await dispatch('prelims:submit', { paperId: paper.paperId, answers, review: row(100, false), timeMs: row(100, 0) })
    expect(done).toMatchObject({ ok: true, value: { questions: 100, unanswered: 0 } })
    expect(await dispatch('prelims:history', undefined)).toMatchObject({ ok: true, value: [{ paperId: paper.paperId, questions: 100 }] })
    expect(await dispatch('prelims:result', { paperId: 'paper-none' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })
})
