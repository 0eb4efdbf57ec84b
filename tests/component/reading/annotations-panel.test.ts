// Why: the panel is how a student finds every highlight again the night before
// the exam: all of them listed, filterable, orphans kept, one press away.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fixturePack } from '../fixtures/pack'
import { api, resetApi } from '../helpers/fake-api'
import { mountApp, settle, type MountedApp } from '../helpers/mount-app'
import { allByRole, getByRole } from '../helpers/roles'
import { tick } from './dom'
import { installNotes, makeAnnotation } from './fake-annotations'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

let app: MountedApp | null = null
beforeEach(() => {
  resetApi()
  const pack = fixturePack()
  installNotes([
    makeAnnotation(pack, 'blk-para', 'New Delhi', { id: 'ann-delhi', color: 'yellow', note: 'Venue: Sushma Swaraj Bhawan' }),
    makeAnnotation(pack, 'blk-fact', '6 December 2021', { id: 'ann-date', color: 'green' }),
    makeAnnotation(pack, 'blk-s400', 'S-400', { id: 'ann-s400', color: 'green', note: 'CAATSA risk' }),
    {
      ...makeAnnotation(pack, 'blk-para', 'first 2+2', { id: 'ann-orphan', color: 'pink', note: 'old wording' }),
      status: 'orphaned',
      range: null,
      selector: { type: 'TextQuoteSelector', exact: 'inaugural two-plus-two', prefix: '', suffix: '' }
    }
  ])
})
afterEach(() => {
  app?.wrapper.unmount()
  app = null
})

const panel = (): HTMLElement => getByRole(document.body, 'region', 'Annotations')
const items = (): string[] => allByRole(panel(), 'listitem').map((li) => li.textContent?.replace(/\s+/g, ' ').trim() ?? '')
function choose(label: string, value: string): void {
  const select = [...panel().querySelectorAll('label')].find((l) => l.textContent?.trim().startsWith(label))!.querySelector('select')!
  select.value = value
  select.dispatchEvent(new Event('change', { bubbles: true }))
}

describe('annotations panel', () => {
  it('lists every highlight with its quote, note, colour and section, and orphans under their own heading', async () => {
    app = await mountApp('/read/sec-origins')
    const list = items()
    expect(list).toHaveLength(4)
    expect(list[0]).toContain('“New Delhi”')
    expect(list[0]).toContain('Venue: Sushma Swaraj Bhawan')
    expect(list[0]).toContain('Yellow · Origins of the 2+2')
    expect(list[2]).toContain('Green · Defence ties')
    getByRole(panel(), 'heading', 'Orphaned (text changed)')
    const orphans = getByRole(panel(), 'list', 'Orphaned (text changed)')
    expect(orphans.textContent).toContain('inaugural two-plus-two')
    expect(orphans.textContent).toContain('old wording')
  })

  it('filters by colour and by section', async () => {
    app = await mountApp('/read/sec-origins')
    choose('Colour', 'green')
    await settle()
    expect(items()).toHaveLength(2)
    expect(items().every((t) => t.includes('Green'))).toBe(true)
    expect(panel().textContent).toContain('2 of 4 annotations')
    expect(allByRole(panel(), 'heading', 'Orphaned (text changed)')).toHaveLength(0)

    choose('Section', 'sec-defence')
    await settle()
    expect(items()).toHaveLength(1)
    expect(items()[0]).toContain('S-400')

    choose('Colour', '')
    choose('Section', 'sec-origins')
    await settle()
    expect(items().map((t) => t.match(/“(.*?)”/)?.[1])).toEqual(['New Delhi', '6 December 2021', 'inaugural two-plus-two'])
  })

  it('jumps to a highlight in another section: opens the section and focuses the mark', async () => {
    app = await mountApp('/read/sec-origins')
    const item = allByRole(panel(), 'button').find((b) => b.textContent?.includes('S-400'))!
    item.click()
    await settle()
    await tick()
    expect(app.router.currentRoute.value.fullPath).toBe('/read/sec-defence')
    expect(document.activeElement?.id).toBe('mark-ann-s400')
    expect(document.activeElement?.classList.contains('jump-target')).toBe(true)
  })

  it('jumps to a highlight in the open section too, every time it is asked', async () => {
    app = await mountApp('/read/sec-origins')
    const item = (): HTMLElement => allByRole(panel(), 'button').find((b) => b.textContent?.includes('New Delhi'))!
    item().click()
    // The jump waits for the section to render; under load that can take more than a tick.
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('mark-ann-delhi'))
    item().focus()
    item().click()
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('mark-ann-delhi'))
  })

  it('deletes an orphan on request, with Undo', async () => {
    app = await mountApp('/read/sec-origins')
    getByRole(panel(), 'button', 'Delete orphaned highlight “inaugural two-plus-two”').click()
    await settle()
    expect(api['annotations:delete']).toHaveBeenCalledWith({ id: 'ann-orphan' })
    expect(allByRole(panel(), 'heading', 'Orphaned (text changed)')).toHaveLength(0)
    getByRole(document.body, 'button', 'Undo').click()
    await settle()
    getByRole(panel(), 'heading', 'Orphaned (text changed)')
  })

  it('exports the annotations as Markdown through the save dialog', async () => {
    app = await mountApp('/read/sec-origins')
    getByRole(panel(), 'button', 'Export annotations').click()
    await settle()
    expect(api['annotations:export']).toHaveBeenCalledWith({ packId: 'fixture' })
    expect(api['files:save']).toHaveBeenCalledWith({
      suggestedName: 'fixture-annotations-2026-11-02.md',
      content: expect.stringContaining('> New Delhi'),
      mime: 'text/markdown'
    })
    expect(panel().textContent).toContain('Saved to /home/student/fixture-annotations-2026-11-02.md.')
  })

  it('says so when there is nothing yet', async () => {
    installNotes([])
    app = await mountApp('/read/sec-origins')
    expect(panel().textContent).toContain('No highlights yet.')
  })
})
