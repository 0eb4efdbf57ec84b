// Why: the writing tests open the real service on a temp folder, with a pack
// holding mains questions and a clock they can move between "days".
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createPackService } from '../../../src/main/services/packs/pack-service'
import { openWritingService, type WritingServiceOptions } from '../../../src/main/services/writing/writing-service'
import type { Pack } from '../../../src/shared/pack/schema'
import { tinyPack } from '../fixtures/tiny-pack'

export const DAY_MS = 86_400_000

/** The tiny pack with a 15-mark and a 10-mark mains question. */
export function mainsPack(): Pack {
  const pack = tinyPack()
  pack.questions.push(
    {
      id: 'mn-signal',
      kind: 'mains',
      tests: ['blk-a'],
      explanation: 'Weigh outcomes against messaging.',
      prompt: 'The first India–Russia 2+2 was as much about signalling as about substance. Discuss.',
      wordLimit: 250,
      outline: ['Intro: first 2+2 with Russia, December 2021.', 'Substance: the military-technical programme.', 'Signalling: autonomy.', 'Conclusion.']
    },
    {
      id: 'mn-caatsa',
      kind: 'mains',
      tests: ['blk-a'],
      explanation: 'Balance legal exposure against need.',
      prompt: 'Examine the challenge CAATSA poses to India–Russia defence cooperation.',
      wordLimit: 150,
      outline: ['CAATSA basics.', 'S-400.', 'US position.']
    }
  )
  return pack
}

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'rd-writing-'))
}
export const removeDir = (dir: string): Promise<void> => rm(dir, { recursive: true, force: true })

/** A clock that stays where it is put. */
export function movableClock(start: string): { clock: () => Date; set(iso: string): void; advance(ms: number): void } {
  let now = Date.parse(start)
  return { clock: () => new Date(now), set: (iso) => void (now = Date.parse(iso)), advance: (ms) => void (now += ms) }
}

/** Sequential ids; a different `run` per opening, so a restart never hands out an id again. */
export function counterIds(run = 'a'): () => string {
  let n = 0
  return () => `wa-${run}-${String(++n).padStart(4, '0')}`
}

export function openWriting(dir: string, clock: () => Date, extra: Partial<WritingServiceOptions> = {}) {
  const packs = createPackService({ packs: new Map([['tiny', mainsPack()]]), errors: [] })
  return openWritingService({ dir, packs, clock, newId: counterIds(), ...extra })
}

export const GOOD = { directive: 2, structure: 2, content: 2, examples: 2, conclusion: 2, wordLimit: 2 } as const
export const WEAK = { directive: 0, structure: 1, content: 0, examples: 0, conclusion: 0, wordLimit: 1 } as const
