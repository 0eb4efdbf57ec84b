// Why: nothing in Settings → Data may replace or delete a student's data
// without an explicit confirm, every outcome must be said in words (where the
// backup went, where the safety copy is, what was wrong with a file), and a
// file that is too large is refused before it is read or sent.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { page, MESSAGE_KEY } from '@renderer/stores/data'
import { api, resetApi } from '../helpers/fake-api'
import { mountApp, settle, type MountedApp } from '../helpers/mount-app'
import { allByRole, getByRole } from '../helpers/roles'
import { ApiError } from '@shared/result'
import { dailyBackup, fakeDataChannels, MB, pickFile } from './fake-data'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

let app: MountedApp | null = null
const reload = vi.spyOn(page, 'reload').mockImplementation(() => undefined)

beforeEach(() => {
  resetApi()
  fakeDataChannels()
  reload.mockClear()
  sessionStorage.clear()
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

const region = () => getByRole(document.body, 'region', 'Data')
const fileInput = () => region().querySelector<HTMLInputElement>('input[type="file"]')!
const alertText = () => region().querySelector('[role="alert"]')?.textContent ?? ''
const statusText = () => [...region().querySelectorAll('[role="status"]')].map((s) => s.textContent?.trim()).join(' ')

describe('Settings → Data', () => {
  it('backs up now and says where the file went', async () => {
    app = await mountApp('/settings')
    getByRole(region(), 'button', 'Back up now').click()
    await settle()
    expect(api['files:save']).toHaveBeenCalledWith({
      suggestedName: 'revision-desk-backup-2026-11-25.json',
      content: '{"format":"revision-desk-backup"}',
      mime: 'application/json'
    })
    expect(statusText()).toContain('Backup written to /home/student/revision-desk-backup-2026-11-25.json.')
  })

  it('shows what a backup holds and restores only after "Replace my data with this backup"', async () => {
    app = await mountApp('/settings')
    pickFile(fileInput(), 'my-backup.json', '{"format":"revision-desk-backup"}')
    await until(() => allByRole(region(), 'alertdialog').length === 1)
    expect(api['data:inspectBackup']).toHaveBeenCalledWith({ content: '{"format":"revision-desk-backup"}' })
    const dialog = getByRole(region(), 'alertdialog')
    expect(dialog.textContent).toContain('12 cards')
    expect(dialog.textContent).toContain('40 reviews, 2026-10-01 to 2026-11-20')
    expect(dialog.textContent).toContain('5 kept; 1 in the trash')
    expect(api['data:restoreBackup']).not.toHaveBeenCalled()

    getByRole(dialog, 'button', 'Replace my data with this backup').click()
    await settle()
    expect(api['data:restoreBackup']).toHaveBeenCalledWith({ content: '{"format":"revision-desk-backup"}', confirm: true })
    expect(reload).toHaveBeenCalledTimes(1)

    // After the reload the message is shown once, naming the safety copy.
    app.wrapper.unmount()
    app = await mountApp('/settings')
    await until(() => statusText().includes('before-restore-2026-11-25T04-30-00-000Z.json'))
    expect(statusText()).toContain('restored from my-backup.json')
    expect(sessionStorage.getItem(MESSAGE_KEY)).toBeNull()
  })

  it('cancelling a restore changes nothing', async () => {
    app = await mountApp('/settings')
    pickFile(fileInput(), 'b.json', '{}')
    await until(() => allByRole(region(), 'alertdialog').length === 1)
    getByRole(region(), 'button', 'Cancel').click()
    await settle()
    expect(allByRole(region(), 'alertdialog')).toHaveLength(0)
    expect(api['data:restoreBackup']).not.toHaveBeenCalled()
  })

  it('shows main’s reason for a bad file, with the fields, and offers no restore', async () => {
    api['data:inspectBackup'].mockRejectedValueOnce(
      new ApiError({
        code: 'validation',
        message: 'The backup\'s "progress" part has the wrong shape: stores.progress.data.packs: expected object.',
        issues: [
          { path: 'stores.progress.data.packs', message: 'expected object' },
          { path: 'stores.progress.data.extra', message: 'unrecognized key' }
        ]
      })
    )
    app = await mountApp('/settings')
    pickFile(fileInput(), 'bad.json', '{}')
    await until(() => alertText() !== '')
    expect(alertText()).toContain('has the wrong shape: stores.progress.data.packs')
    expect(alertText()).toContain('stores.progress.data.extra: unrecognized key')
    expect(allByRole(region(), 'alertdialog')).toHaveLength(0)
  })

  it('refuses a file over the limit by its size, before reading or sending it', async () => {
    app = await mountApp('/settings')
    pickFile(fileInput(), 'huge.json', '{}', 65 * MB)
    await until(() => alertText() !== '')
    expect(alertText()).toContain('huge.json is too large (65.0 MB; the limit is 64 MB).')
    expect(api['data:inspectBackup']).not.toHaveBeenCalled()
  })

  it('resets only after an explicit confirm, and says a backup is made first', async () => {
    app = await mountApp('/settings')
    getByRole(region(), 'button', 'Reset progress…').click()
    await settle()
    let dialog = getByRole(region(), 'alertdialog', 'Reset all progress?')
    expect(dialog.textContent).toContain('A full backup is made first')
    expect(document.activeElement).toBe(dialog)
    getByRole(dialog, 'button', 'Cancel').click()
    await settle()
    expect(api['data:reset']).not.toHaveBeenCalled()
    expect(document.activeElement).toBe(getByRole(region(), 'button', 'Reset progress…'))

    getByRole(region(), 'button', 'Reset progress…').click()
    await settle()
    dialog = getByRole(region(), 'alertdialog', 'Reset all progress?')
    getByRole(dialog, 'button', 'Yes, reset all progress').click()
    await settle()
    expect(api['data:reset']).toHaveBeenCalledWith({ confirm: true })
    expect(reload).toHaveBeenCalledTimes(1)
    expect(sessionStorage.getItem(MESSAGE_KEY)).toContain('before-reset-2026-11-25T04-30-00-000Z.json')
  })

  it('a failed reset reports main’s error and reloads nothing', async () => {
    api['data:reset'].mockRejectedValueOnce(
      new ApiError({ code: 'write-failed', message: 'Could not first keep a copy of your current data (ENOSPC), so nothing was changed.' })
    )
    app = await mountApp('/settings')
    getByRole(region(), 'button', 'Reset progress…').click()
    await settle()
    getByRole(region(), 'button', 'Yes, reset all progress').click()
    await settle()
    expect(alertText()).toContain('so nothing was changed')
    expect(reload).not.toHaveBeenCalled()
  })

  it('lists automatic backups and restores one after a confirm', async () => {
    app = await mountApp('/settings')
    const restore = getByRole(region(), 'button', /^Restore Reading progress/)
    restore.click()
    await settle()
    expect(api['data:restoreAutomatic']).not.toHaveBeenCalled()
    getByRole(region(), 'button', 'Restore this copy').click()
    await settle()
    expect(api['data:restoreAutomatic']).toHaveBeenCalledWith({ id: dailyBackup.id, confirm: true })
    expect(reload).toHaveBeenCalledTimes(1)
  })

  it('offers "Open the data folder" in the desktop app only', async () => {
    app = await mountApp('/settings')
    expect(allByRole(region(), 'button', 'Open the data folder')).toHaveLength(0)
    app.wrapper.unmount()
    resetApi()
    fakeDataChannels('electron')
    app = await mountApp('/settings')
    getByRole(region(), 'button', 'Open the data folder').click()
    await settle()
    expect(api['files:openDataFolder']).toHaveBeenCalledTimes(1)
  })

  it('keeps the theme, font size and line width controls', async () => {
    app = await mountApp('/settings')
    getByRole(app.root, 'group', 'Theme')
    getByRole(app.root, 'spinbutton', 'Font size')
    getByRole(app.root, 'combobox', 'Line width')
  })
})
