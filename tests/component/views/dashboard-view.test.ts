// Why: the dashboard's numbers must be main's record of what was read, not a guess.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { main, resetApi } from '../helpers/fake-api'
import { mountApp, type MountedApp } from '../helpers/mount-app'
import { getByRole } from '../helpers/roles'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

let app: MountedApp | null = null
beforeEach(() => resetApi())
afterEach(() => {
  app?.wrapper.unmount()
  app = null
})

describe('DashboardView', () => {
  it('shows sections read and the pack’s counts', async () => {
    main.progress = { packId: 'fixture', readSections: ['sec-defence'], location: null }
    app = await mountApp('/dashboard')
    const reading = getByRole(app.root, 'region', 'Reading progress')
    expect(reading.textContent).toContain('1 of 3 sections read')
    const items = [...reading.querySelectorAll('li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim())
    expect(items).toEqual(['Origins of the 2+2 (not read)', 'Hostile text (not read)', '✓Defence ties (read)'])
    const pack = getByRole(app.root, 'region', 'India–Russia 2+2 (fixture)')
    const counts = Object.fromEntries([...pack.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]))
    expect(counts).toMatchObject({ Sections: '3', Questions: '5', 'Comparison tables': '1', 'Glossary terms': '1' })
  })
})
