// Why: Settings → Notes packs lists the packs, imports one with visible
// progress and main's own error for a bad file, removes only imported packs
// (after a confirm, keeping progress), and deletes progress only after a confirm.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { page } from '@renderer/stores/data'
import { ApiError } from '@shared/result'
import { api, main, resetApi } from '../helpers/fake-api'
import { mountApp, settle, type MountedApp } from '../helpers/mount-app'
import { allByRole, getByRole } from '../helpers/roles'
import { fakeDataChannels, MB, pickFile, summary } from './fake-data'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

let app: MountedApp | null = null
const reload = vi.spyOn(page, 'reload').mockImplementation(() => undefined)

beforeEach(() => {
  resetApi()
  fakeDataChannels()
  reload.mockClear()
})
afterEach(() => {
  app?.wrapper.unmount()
  app = null
})

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !check(); i++) {
    await settle()
    await new Promise((r) => setTimeout(r, 5))
  }
  expect(check()).toBe(true)
}

const region = () => getByRole(document.body, 'region', 'Notes packs')
const installed = () => getByRole(region(), 'list', 'Installed notes packs')
const fileInput = () => region().querySelector<HTMLInputElement>('input[type="file"][accept^=".json"]')!
const said = () => [...region().querySelectorAll('[role="status"], [role="alert"]')].map((s) => s.textContent?.trim()).join(' ')
const TITLE = 'India–Russia 2+2 (fixture)'

describe('Settings → Notes packs', () => {
  it('lists the bundled pack without a Remove button', async () => {
    app = await mountApp('/settings')
    expect(installed().textContent).toContain(TITLE)
    expect(installed().textContent).toContain('Built in')
    expect(allByRole(region(), 'button', `Remove ${TITLE}`)).toHaveLength(0)
    getByRole(region(), 'button', `Open ${TITLE} in Read`)
  })

  it('imports a pack, shows it, and removes it after a confirm', async () => {
    app = await mountApp('/settings')
    pickFile(fileInput(), 'extra.json', JSON.stringify({ id: 'extra' }))
    await until(() => said().includes('Imported “Extra pack”'))
    expect(api['packs:import']).toHaveBeenCalledWith({ fileName: 'extra.json', content: '{"id":"extra"}' })
    expect(installed().textContent).toContain('Extra pack')
    expect(installed().textContent).toContain('Imported')

    getByRole(region(), 'button', 'Remove Extra pack').click()
    await settle()
    expect(api['packs:remove']).not.toHaveBeenCalled()
    getByRole(getByRole(region(), 'alertdialog'), 'button', 'Remove the pack').click()
    await settle()
    expect(api['packs:remove']).toHaveBeenCalledWith({ packId: 'extra' })
    expect(installed().textContent).not.toContain('Extra pack')
    expect(said()).toContain('Your progress on it is kept')
  })

  it('shows main’s reason for a bad pack file, and a too-large one is refused before sending', async () => {
    api['packs:import'].mockRejectedValueOnce(
      new ApiError({ code: 'bad-pack', message: 'notes.json is not a valid notes pack: sections.0.blocks.0.kind: Invalid input.' })
    )
    app = await mountApp('/settings')
    pickFile(fileInput(), 'notes.json', '{}')
    await until(() => region().querySelector('[role="alert"]') !== null)
    expect(region().querySelector('[role="alert"]')!.textContent).toContain('sections.0.blocks.0.kind')

    pickFile(fileInput(), 'big.json', '{}', 50 * MB)
    await until(() => said().includes('too large'))
    expect(said()).toContain('big.json is too large (50.0 MB; the limit is 20 MB).')
    expect(api['packs:import']).toHaveBeenCalledTimes(1)
    expect(main.list.packs).toHaveLength(1)
  })

  it('deletes a pack’s progress only after a confirm, including a pack no longer installed', async () => {
    api['data:summary'].mockImplementation(async () => summary({ packs: [...summary().packs, { id: 'gone', title: null, installed: false }] }))
    app = await mountApp('/settings')
    await until(() => allByRole(region(), 'heading', 'Progress kept for packs not installed').length === 1)
    getByRole(region(), 'button', 'Delete its progress: gone').click()
    await settle()
    expect(api['data:deletePackProgress']).not.toHaveBeenCalled()
    const dialog = getByRole(region(), 'alertdialog', 'Delete all progress on “gone”?')
    expect(dialog.textContent).toContain('A full backup is made first')
    getByRole(dialog, 'button', 'Delete the progress').click()
    await settle()
    expect(api['data:deletePackProgress']).toHaveBeenCalledWith({ packId: 'gone', confirm: true })
    expect(reload).toHaveBeenCalledTimes(1)
  })
})
