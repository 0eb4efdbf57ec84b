// Why: Settings → Data must not lose an answer: a backup carries every
// attempt, a reset clears them (after a safety copy), a restore brings them
// back exactly, and the summary counts them. Real app services on temp folders.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AppServices } from '../../../src/main/services/app-services'
import { createDispatcher } from '../../../src/main/dispatch'
import type { Handlers } from '../../../src/shared/contract'
import { makeDirs, NOW, openApp, removeDirs, type Dirs } from '../data/helpers'
import { GOOD, mainsPack } from './helpers'

let dirs: Dirs
let app: AppServices | null = null
const open = async (): Promise<Handlers> => (app = await openApp(dirs)).handlers

beforeEach(async () => {
  dirs = await makeDirs()
  // The same pack id as the data tests' fixture, now with mains questions.
  await mkdir(join(dirs.packsDir, 'tiny'), { recursive: true })
  await writeFile(join(dirs.packsDir, 'tiny', 'pack.json'), JSON.stringify(mainsPack()))
})
afterEach(async () => {
  await app?.close()
  app = null
  await removeDirs(dirs)
})

async function writeTwo(h: Handlers): Promise<void> {
  const startedAt = new Date(NOW.getTime() - 300_000).toISOString()
  const a = await h['writing:submit']({ source: { kind: 'pack', packId: 'tiny', questionId: 'mn-signal' }, onPaper: false, text: 'My answer.', startedAt })
  await h['writing:score']({ attemptId: a.id, covered: [0, 2], rubric: GOOD })
  await h['writing:submit']({ source: { kind: 'own', prompt: 'Comment on the state of the rupee trade.', marks: 15 }, onPaper: true, text: '', startedAt })
  await h['writing:saveDraft']({
    draft: { source: { kind: 'pack', packId: 'tiny', questionId: 'mn-caatsa' }, onPaper: false, text: 'Half written', startedAt }
  })
}

describe('answer attempts in Settings → Data', () => {
  it('are in the backup, go with a reset, and come back with the restore and after a restart', async () => {
    const h = await open()
    await writeTwo(h)
    const before = await h['writing:overview'](undefined)
    expect(before.attempts).toHaveLength(2)
    expect((await h['data:summary'](undefined)).writing).toEqual({ attempts: 2, scored: 1 })

    const backup = await h['data:exportBackup'](undefined)
    expect(Object.keys(JSON.parse(backup.content).stores)).toEqual(expect.arrayContaining(['writing', 'writing-journal', 'writing-draft']))
    expect((await h['data:inspectBackup']({ content: backup.content })).summary.writing).toEqual({ attempts: 2, scored: 1 })

    await h['data:reset']({ confirm: true })
    expect((await h['writing:overview'](undefined)).attempts).toEqual([])
    expect(await h['writing:draft'](undefined)).toBeNull()

    const restored = await h['data:restoreBackup']({ content: backup.content, confirm: true })
    expect(restored.summary.writing).toEqual({ attempts: 2, scored: 1 })
    expect(await h['writing:overview'](undefined)).toEqual(before)
    expect((await h['writing:draft'](undefined))?.text).toBe('Half written')

    await app!.close()
    const again = await open()
    expect(await again['writing:overview'](undefined)).toEqual(before)
    expect((await again['writing:draft'](undefined))?.text).toBe('Half written')
  })

  it('deleting a pack’s progress takes its answers and leaves the student’s own prompts', async () => {
    const h = await open()
    await writeTwo(h)
    const result = await h['data:deletePackProgress']({ packId: 'tiny', confirm: true })
    expect(result.removed.answers).toBe(1)
    expect(await h['writing:draft'](undefined)).toBeNull()
    expect((await h['writing:overview'](undefined)).attempts.map((a) => a.promptKey)).toEqual([expect.stringMatching(/^own:/)])
  })

  it('refuses hostile input at the boundary with a validation error, and saves nothing', async () => {
    const h = await open()
    const dispatch = createDispatcher(h, () => undefined)
    const startedAt = NOW.toISOString()
    const bad: [string, unknown][] = [
      ['writing:submit', { source: { kind: 'pack', packId: '../etc', questionId: 'mn-signal' }, onPaper: false, text: 'x', startedAt }],
      ['writing:submit', { source: { kind: 'own', prompt: 'short', marks: 10 }, onPaper: false, text: 'x', startedAt }],
      ['writing:submit', { source: { kind: 'own', prompt: 'A long enough prompt here', marks: 12 }, onPaper: false, text: 'x', startedAt }],
      ['writing:submit', { source: { kind: 'pack', packId: 'tiny', questionId: 'mn-signal' }, onPaper: false, text: 'x'.repeat(30_001), startedAt }],
      ['writing:submit', { source: { kind: 'pack', packId: 'tiny', questionId: 'mn-signal' }, onPaper: false, text: 'x', startedAt, extra: 1 }],
      ['writing:submit', { source: { kind: 'pack', packId: 'tiny', questionId: 'mn-signal' }, onPaper: false, text: 'x', startedAt: 'yesterday' }],
      ['writing:score', { attemptId: 'wa-x', covered: [0, 0], rubric: GOOD }],
      ['writing:score', { attemptId: 'wa-x', covered: [], rubric: { ...GOOD, content: 3 } }],
      ['writing:score', { attemptId: 'wa-x', covered: [], rubric: { ...GOOD, bonus: 2 } }],
      ['writing:score', { attemptId: '<img src=x>', covered: [], rubric: GOOD }],
      ['writing:export', { promptKey: '../../secrets' }],
      ['writing:saveDraft', { draft: { source: { kind: 'pack', packId: 'tiny', questionId: 'mn-caatsa' }, onPaper: true, text: 'x', startedAt } }],
      ['writing:saveDraft', { draft: null, extra: true }],
      [
        'writing:saveDraft',
        {
          draft: {
            source: { kind: 'pack', packId: 'tiny', questionId: 'mn-caatsa' },
            onPaper: false,
            text: '',
            startedAt,
            paper: { id: 'wp-1', promptKeys: ['own:0000abcd'], index: 0, startedAt, seconds: 60 }
          }
        }
      ]
    ]
    for (const [channel, input] of bad) {
      const result = await dispatch(channel, input)
      expect(result, `${channel} ${JSON.stringify(input).slice(0, 80)}`).toMatchObject({ ok: false, error: { code: 'validation' } })
    }
    expect((await h['writing:overview'](undefined)).attempts).toEqual([])
    expect(await h['writing:draft'](undefined)).toBeNull()
  })
})
