// Why: "Saved" is a promise that main wrote the change; on a failed write the
// control must go back to what is really stored and say why.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api, failNext, main, resetApi } from '../helpers/fake-api'
import { mountApp, settle, type MountedApp } from '../helpers/mount-app'
import { getByRole } from '../helpers/roles'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

let app: MountedApp | null = null
beforeEach(() => resetApi())
afterEach(() => {
  app?.wrapper.unmount()
  app = null
})

const status = (root: HTMLElement): string => root.querySelector('form [role="status"]')?.textContent?.trim() ?? ''

function choose(radio: HTMLElement): void {
  ;(radio as HTMLInputElement).checked = true
  radio.dispatchEvent(new Event('change', { bubbles: true }))
}

describe('SettingsView', () => {
  it('has a Theme fieldset with three radios, font size and line width', async () => {
    app = await mountApp('/settings')
    const theme = getByRole(app.root, 'group', 'Theme')
    for (const name of ['System', 'Light', 'Dark']) getByRole(theme, 'radio', name)
    expect((getByRole(theme, 'radio', 'Light') as HTMLInputElement).checked).toBe(true)
    const size = getByRole(app.root, 'spinbutton', 'Font size') as HTMLInputElement
    expect([size.min, size.max, size.value]).toEqual(['12', '32', '18'])
    const width = getByRole(app.root, 'combobox', 'Line width') as HTMLSelectElement
    expect([...width.options].map((o) => o.value)).toEqual(['narrow', 'medium', 'wide'])
  })

  it('saves a theme through main and only then says Saved', async () => {
    app = await mountApp('/settings')
    let release: () => void = () => {}
    api['settings:update'].mockImplementationOnce(async (patch) => {
      await new Promise<void>((resolve) => (release = resolve))
      main.settings = { ...main.settings, ...patch }
      return structuredClone(main.settings)
    })
    choose(getByRole(app.root, 'radio', 'Dark'))
    await settle()
    expect(status(app.root)).not.toBe('Saved')
    release()
    await settle()
    expect(api['settings:update']).toHaveBeenCalledWith({ theme: 'dark' })
    expect(status(app.root)).toBe('Saved')
    expect(document.documentElement.dataset.theme).toBe('dark')
  })

  it('on a failed save shows the error and puts the radio back', async () => {
    app = await mountApp('/settings')
    failNext('settings:update', 'write-failed', 'disk is full')
    choose(getByRole(app.root, 'radio', 'Dark'))
    await settle()
    expect(status(app.root)).toContain('disk is full')
    expect((getByRole(app.root, 'radio', 'Dark') as HTMLInputElement).checked).toBe(false)
    expect((getByRole(app.root, 'radio', 'Light') as HTMLInputElement).checked).toBe(true)
  })

  it('saves font size and line width, and refuses an out-of-range size without calling main', async () => {
    app = await mountApp('/settings')
    const size = getByRole(app.root, 'spinbutton', 'Font size') as HTMLInputElement
    size.value = '24'
    size.dispatchEvent(new Event('input'))
    size.dispatchEvent(new Event('change'))
    await settle()
    expect(api['settings:update']).toHaveBeenLastCalledWith({ fontSize: 24 })
    expect(status(app.root)).toBe('Saved')

    size.value = '99'
    size.dispatchEvent(new Event('input'))
    size.dispatchEvent(new Event('change'))
    await settle()
    expect(api['settings:update']).toHaveBeenCalledTimes(1)
    expect(status(app.root)).toMatch(/12 to 32/)
    expect(size.value).toBe('24')

    const width = getByRole(app.root, 'combobox', 'Line width') as HTMLSelectElement
    width.value = 'wide'
    width.dispatchEvent(new Event('change'))
    await settle()
    expect(api['settings:update']).toHaveBeenLastCalledWith({ lineWidth: 'wide' })
    expect(document.documentElement.dataset.lineWidth).toBe('wide')
  })

  it('puts the line width back when main refuses it', async () => {
    app = await mountApp('/settings')
    failNext('settings:update', 'write-failed', 'no space')
    const width = getByRole(app.root, 'combobox', 'Line width') as HTMLSelectElement
    width.value = 'narrow'
    width.dispatchEvent(new Event('change'))
    await settle()
    expect(status(app.root)).toContain('no space')
    expect(width.value).toBe('medium')
  })
})
