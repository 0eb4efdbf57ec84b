// Why: a comparison table is only navigable by screen reader if its headers are real headers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { resetApi } from '../helpers/fake-api'
import { mountApp, type MountedApp } from '../helpers/mount-app'
import { allByRole, getByRole } from '../helpers/roles'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

let app: MountedApp | null = null
beforeEach(() => resetApi())
afterEach(() => {
  app?.wrapper.unmount()
  app = null
})

describe('CompareView', () => {
  it('renders the first table with a caption, column headers and row headers', async () => {
    app = await mountApp('/compare')
    getByRole(app.root, 'heading', 'Compare')
    const table = getByRole(app.root, 'table', 'India–US vs India–Russia 2+2')
    expect(table.querySelector('caption')?.textContent?.trim()).toBe('India–US vs India–Russia 2+2')
    expect(allByRole(table, 'columnheader').map((th) => th.textContent)).toEqual(['Dimension', 'India–US', 'India–Russia'])
    // A row header is the dimension, then its group and an alike/differ marker in words.
    expect(allByRole(table, 'rowheader').map((th) => th.textContent)).toEqual(['First heldFormat≠ Differ', 'LevelFormat= Alike'])
    const firstRow = getByRole(table, 'rowheader', /^First held/).parentElement as HTMLElement
    // Each cell is its text, then the button that shows its sources.
    expect(allByRole(firstRow, 'cell').map((td) => td.textContent?.trim())).toEqual(['September 2018 Sources', 'December 2021 Sources'])
    expect(app.root.textContent).toContain('How the two dialogues differ.')
  })
})
