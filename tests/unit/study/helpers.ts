// Why: one small but varied pack and a study service on a temp folder with a
// clock the test moves by hand, shared by the study tests.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Pack, Question } from '../../../src/shared/pack/schema'
import { PackSchema } from '../../../src/shared/pack/schema'
import { createPackService, type PackService } from '../../../src/main/services/packs/pack-service'
import { fixedOffsetCalendar } from '../../../src/main/services/study/days'
import { openStudyService, type StudyService, type StudyServiceOptions } from '../../../src/main/services/study/study-service'
import { tinyPack } from '../fixtures/tiny-pack'

/** India: UTC+05:30, no daylight saving. */
export const IST = fixedOffsetCalendar(330)
export const T0 = new Date('2026-11-25T04:30:00.000Z') // 10:00 IST
export const DAY_MS = 86_400_000

const mcq = (id: string, tests: string[], answer = 0): Question => ({
  id,
  kind: 'mcq',
  tests,
  prompt: `Question ${id}?`,
  options: ['A', 'B', 'C', 'D'],
  answer,
  explanation: `Because ${id}.`
})

/** Two sections, a table, and questions of several kinds. */
export function studyPack(extra: Partial<Pack> = {}): Pack {
  const base = tinyPack()
  const pack: Pack = {
    ...base,
    id: 'polity',
    sections: [
      ...base.sections,
      {
        id: 'sec-two',
        title: 'Two',
        blocks: [{ id: 'blk-c', kind: 'key-fact', text: 'Article 370 was read down in 2019.', sourceIds: ['src-a'] }]
      }
    ],
    questions: [
      ...base.questions,
      mcq('q-2', ['blk-b'], 1),
      mcq('q-3', ['blk-c'], 2),
      { id: 'q-tf', kind: 'true-false', tests: ['blk-c'], statement: 'It was 2019.', answer: true, explanation: 'Yes.' },
      {
        id: 'q-st',
        kind: 'statements',
        tests: ['blk-a'],
        stem: 'Consider the following statements:',
        statements: ['One', 'Two'],
        ask: 'Which is correct?',
        options: ['1 only', '2 only', 'Both', 'Neither'],
        answer: 2,
        explanation: 'Both.'
      },
      { id: 'q-fc', kind: 'flashcard', tests: ['blk-c'], front: 'Front', back: 'Back', explanation: 'Card.' }
    ],
    ...extra
  }
  return PackSchema.parse(pack)
}

export interface Harness {
  dir: string
  now: Date
  packs: PackService
  service: StudyService
  advance(ms: number): void
  reopen(extra?: Partial<StudyServiceOptions>, pack?: Pack): Promise<StudyService>
  close(): Promise<void>
}

export async function harness(opts: Partial<StudyServiceOptions> = {}, pack: Pack = studyPack()): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'rd-study-'))
  const packsFor = (p: Pack): PackService => createPackService({ packs: new Map([[p.id, p]]), errors: [] })
  const h: Harness = {
    dir,
    now: new Date(T0),
    packs: packsFor(pack),
    service: undefined as unknown as StudyService,
    advance(ms) {
      h.now = new Date(h.now.getTime() + ms)
    },
    async reopen(extra = {}, nextPack) {
      await h.service.flush()
      if (nextPack) h.packs = packsFor(nextPack)
      h.service = await open({ ...opts, ...extra })
      return h.service
    },
    async close() {
      await h.service.flush()
      await rm(dir, { recursive: true, force: true })
    }
  }
  let seed = 7
  const open = (o: Partial<StudyServiceOptions>): Promise<StudyService> =>
    openStudyService({
      dir,
      packs: h.packs,
      clock: () => new Date(h.now),
      calendar: IST,
      random: () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646,
      ...o
    })
  h.service = await open(opts)
  return h
}
