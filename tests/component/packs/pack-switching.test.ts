// Why: with four packs a student moves between topics all day. The open pack must be switchable from
// every mode and remembered for the next start; search must reach every pack or just this one; and
// the dashboard must show each pack's own standing, never one pack's numbers under another's name.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Pack, PackSummary } from '@shared/domain'
import type { SearchResult } from '@shared/domain/search'
import type { StudyStats } from '@shared/domain/study'
import { fixturePack, fixtureSummary } from '../fixtures/pack'
import { api, main, resetApi } from '../helpers/fake-api'
import { mountApp, settle, type MountedApp } from '../helpers/mount-app'
import { getByRole } from '../helpers/roles'
import { press, tick, until } from '../reading/dom'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

function secondPack(): Pack {
  const pack = fixturePack()
  return { ...pack, id: 'second', title: 'India–US relations (fixture)', sections: pack.sections.slice(0, 2) }
}
const secondSummary = (): PackSummary => ({
  ...fixtureSummary(),
  id: 'second',
  title: 'India–US relations (fixture)',
  counts: { ...fixtureSummary().counts, sections: 2 }
})

function stats(packId: string, items: number, unseen: number, dueNow: number, mastery: number): StudyStats {
  return {
    packId,
    today: '2026-11-30',
    totals: { items, new: unseen, learning: 0, review: items - unseen, dueNow, orphaned: 0, mastery },
    sections: [],
    reviewsPerDay: [],
    dueForecast: [],
    mockScores: [],
    streak: { days: 0, reviewedToday: false }
  }
}

let app: MountedApp | null = null
beforeEach(() => {
  resetApi({ list: { packs: [fixtureSummary(), secondSummary()], errors: [] } })
  api['packs:get'].mockImplementation(async ({ packId }) => (packId === 'second' ? secondPack() : fixturePack()))
  api['progress:get'].mockImplementation(async ({ packId }) => ({ packId, readSections: packId === 'second' ? ['sec-origins'] : [], location: null }))
  api['study:stats'].mockImplementation(async ({ packId }) => (packId === 'second' ? stats('second', 40, 30, 4, 0.25) : stats('fixture', 12, 12, 0, 0)))
  api['search:query'].mockResolvedValue([])
})
afterEach(() => {
  app?.wrapper.unmount()
  app = null
})

const switcher = (): HTMLSelectElement => getByRole(document.body, 'combobox', 'Notes pack') as HTMLSelectElement
async function pick(packId: string): Promise<void> {
  switcher().value = packId
  switcher().dispatchEvent(new Event('change', { bubbles: true }))
  await settle()
}

describe('switching packs', () => {
  it('opens the first pack for a new student, and the one opened last once there is one', async () => {
    app = await mountApp('/read')
    expect(switcher().value).toBe('fixture')
    app.wrapper.unmount()

    main.settings = { ...main.settings, lastPackId: 'second' }
    app = await mountApp('/read')
    expect(switcher().value).toBe('second')
    expect(api['packs:get']).toHaveBeenLastCalledWith({ packId: 'second' })
  })

  it('falls back to the first pack when the one opened last is gone', async () => {
    main.settings = { ...main.settings, lastPackId: 'removed-pack' }
    app = await mountApp('/read')
    expect(switcher().value).toBe('fixture')
  })

  it('switches from the header, remembers the choice, and leaves a section of the old pack', async () => {
    app = await mountApp('/read/sec-defence')
    expect([...switcher().options].map((o) => o.textContent)).toEqual(['India–Russia 2+2 (fixture)', 'India–US relations (fixture)'])
    await pick('second')
    await until(() => app!.router.currentRoute.value.params.sectionId !== 'sec-defence')
    expect(api['settings:update']).toHaveBeenCalledWith({ lastPackId: 'second' })
    expect(main.settings.lastPackId).toBe('second')
    expect(app.router.currentRoute.value.params.sectionId).not.toBe('sec-defence')
  })

  it('stays in the same mode when it switches packs elsewhere', async () => {
    app = await mountApp('/compare')
    await pick('second')
    expect(app.router.currentRoute.value.name).toBe('compare')
    expect(main.settings.lastPackId).toBe('second')
  })
})

describe('search across packs', () => {
  const box = (): HTMLInputElement => getByRole(document.body, 'searchbox', 'Search notes') as HTMLInputElement
  async function search(text: string): Promise<void> {
    box().value = text
    box().dispatchEvent(new Event('input', { bubbles: true }))
    await tick(120)
  }

  it('searches this pack by default and every pack when asked, naming each hit’s pack', async () => {
    const hit: SearchResult = {
      kind: 'block',
      id: 'blk-para',
      packId: 'second',
      sectionId: 'sec-origins',
      blockId: 'blk-para',
      title: 'Origins',
      snippet: { before: 'held their first ', match: '2+2', after: '' },
      score: 1
    }
    api['search:query'].mockImplementation(async (input) => ('packId' in input && input.packId ? [] : [hit]))
    app = await mountApp('/search')
    await search('2+2')
    expect(api['search:query']).toHaveBeenLastCalledWith({ query: '2+2', packId: 'fixture', limit: 30 })
    expect(document.body.textContent).toContain('Nothing found for “2+2”.')

    const all = getByRole(getByRole(document.body, 'group', 'Search in'), 'radio', 'All packs') as HTMLInputElement
    all.click()
    await settle()
    expect(api['search:query']).toHaveBeenLastCalledWith({ query: '2+2', limit: 30 })
    const option = getByRole(document.body, 'option')
    expect(option.textContent).toContain('India–US relations (fixture)')

    press(box(), 'Enter')
    await until(() => app!.router.currentRoute.value.name === 'read')
    expect(switcher().value).toBe('second')
    expect(app.router.currentRoute.value.params.sectionId).toBe('sec-origins')
  })
})

describe('the dashboard across packs', () => {
  it('shows each pack’s own reading and study numbers, and opens another pack', async () => {
    app = await mountApp('/dashboard')
    const table = getByRole(document.body, 'table', /Each pack/)
    await until(() => table.querySelectorAll('tbody tr').length === 2)
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent?.trim()))
    expect(rows).toEqual([
      ['India–Russia 2+2 (fixture)', '0 of 3 sections', '0 of 12', '0', '0%', 'Open now'],
      ['India–US relations (fixture)', '1 of 2 sections', '10 of 40', '4', '25%', 'Open']
    ])
    getByRole(table, 'button', 'Open India–US relations (fixture)').click()
    await until(() => app!.router.currentRoute.value.name === 'read')
    expect(switcher().value).toBe('second')
  })
})
