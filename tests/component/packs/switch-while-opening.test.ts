// Why: a pack takes a moment to open. In that moment the old pack is still on
// screen, and a session started from it, or one whose queue was still on its
// way when the student switched, would run in the pack they just left.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Pack } from '@shared/domain'
import type { StudyQueue } from '@shared/domain/study'
import { useLibraryStore } from '@renderer/stores/library'
import { useMockStore } from '@renderer/stores/mock'
import { useStudyStore } from '@renderer/stores/study'
import type { MockPaper } from '@shared/domain/study'
import { fixturePack, fixtureSummary } from '../fixtures/pack'
import { api, resetApi } from '../helpers/fake-api'
import { mountApp, settle, type MountedApp } from '../helpers/mount-app'
import { getByRole } from '../helpers/roles'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

const second = (): Pack => ({ ...fixturePack(), id: 'second', title: 'India–US relations (fixture)' })
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}
const queue = (packId: string): StudyQueue =>
  ({
    items: [{ itemId: 'q:q-first', ref: { kind: 'question', questionId: 'q-first' }, state: 'new' }] as unknown as StudyQueue['items'],
    counts: { dueNow: 1, newLeftToday: 20, newPerDay: 20 } as StudyQueue['counts'],
    packId
  }) as unknown as StudyQueue

let app: MountedApp | null = null
let opening: ReturnType<typeof deferred<Pack>>
beforeEach(() => {
  resetApi({ list: { packs: [fixtureSummary(), { ...fixtureSummary(), id: 'second', title: 'India–US relations (fixture)' }], errors: [] } })
  opening = deferred<Pack>()
  api['packs:get'].mockImplementation(async ({ packId }) => (packId === 'second' ? opening.promise : fixturePack()))
  api['study:queue'].mockImplementation(async ({ packId }) => queue(packId))
  api['mock:history'].mockResolvedValue([])
  api['mock:active'].mockResolvedValue(null)
})
afterEach(() => {
  app?.wrapper.unmount()
  app = null
})

const switcher = (): HTMLSelectElement => getByRole(document.body, 'combobox', 'Notes pack') as HTMLSelectElement
function pick(packId: string): void {
  switcher().value = packId
  switcher().dispatchEvent(new Event('change', { bubbles: true }))
}
const startDue = (): HTMLElement => getByRole(document.body, 'button', 'Start due session')

describe('while a chosen pack opens', () => {
  it('keeps the old pack on screen but out of use, and says the new one is opening', async () => {
    app = await mountApp('/self-test')
    const content = startDue().closest('.pack-gate') as HTMLElement
    expect(content.inert).toBe(false)
    pick('second')
    await settle()
    expect(content.inert).toBe(true)
    expect(content.getAttribute('aria-busy')).toBe('true')
    expect(getByRole(document.body, 'status', /Opening the pack you chose/)).toBeTruthy()

    opening.resolve(second())
    await settle()
    expect((startDue().closest('.pack-gate') as HTMLElement).inert).toBe(false)
    expect(document.body.textContent).not.toContain('Opening the pack you chose')
  })

  it('does not start a session in the pack the student left when its queue arrives after the switch', async () => {
    app = await mountApp('/self-test')
    const study = useStudyStore(app.pinia)
    const slow = deferred<StudyQueue>()
    api['study:queue'].mockImplementationOnce(async () => slow.promise)
    startDue().click()
    pick('second')
    opening.resolve(second())
    await settle()
    slow.resolve(queue('fixture'))
    await settle()
    expect(study.session).toBeNull()
    expect(startDue()).toBeTruthy()
  })

  it('does not sit a mock paper of the pack the student left, and says why', async () => {
    app = await mountApp('/self-test')
    const mock = useMockStore(app.pinia)
    const slow = deferred<MockPaper>()
    api['mock:start'].mockImplementationOnce(async () => slow.promise)
    const started = mock.start('fixture', 3)
    pick('second')
    opening.resolve(second())
    await settle()
    slow.resolve({ mockId: 'm1', packId: 'fixture', questions: [], answers: {} } as unknown as MockPaper)
    expect(await started).toEqual({ ok: false, message: 'The pack changed while this was starting. Start again in this pack.' })
    expect(mock.sitting).toBe(false)
    expect(mock.paper).toBeNull()
  })

  it('opens the last pack asked for when an earlier choice answers after it, and keeps showing that choice', async () => {
    const third = deferred<Pack>()
    api['packs:list'].mockResolvedValue({
      packs: [fixtureSummary(), { ...fixtureSummary(), id: 'second', title: 'Second' }, { ...fixtureSummary(), id: 'third', title: 'Third' }],
      errors: []
    })
    api['packs:get'].mockImplementation(async ({ packId }) => (packId === 'second' ? opening.promise : packId === 'third' ? third.promise : fixturePack()))
    app = await mountApp('/self-test')
    pick('second')
    await settle()
    pick('third')
    await settle()
    expect(switcher().value).toBe('third')
    expect(switcher().disabled).toBe(false)
    third.resolve({ ...fixturePack(), id: 'third', title: 'Third' })
    await settle()
    opening.resolve(second())
    await settle()
    expect(useLibraryStore(app.pinia).current?.id).toBe('third')
    expect(switcher().value).toBe('third')
    expect(api['settings:update']).toHaveBeenCalledWith({ lastPackId: 'third' })
    expect(api['settings:update']).not.toHaveBeenCalledWith({ lastPackId: 'second' })
  })

  it('still starts a session when nothing changed', async () => {
    app = await mountApp('/self-test')
    const study = useStudyStore(app.pinia)
    startDue().click()
    await settle()
    expect(study.session?.packId).toBe('fixture')
  })
})
