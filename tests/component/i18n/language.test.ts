// Why: the language is the student's choice and must hold: it is saved through
// main, it re-labels the page at once (Hindi messages load only then), and
// <html lang> follows, so screen readers and the Devanagari face follow too.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { applyLocale, i18n, systemLocale } from '@renderer/i18n'
import { formatDay, formatNumber } from '@renderer/i18n/format'
import { api, resetApi } from '../helpers/fake-api'
import { mountApp, settle, type MountedApp } from '../helpers/mount-app'
import { getByRole } from '../helpers/roles'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

let app: MountedApp | null = null
beforeEach(() => resetApi())
afterEach(async () => {
  app?.wrapper.unmount()
  app = null
  await applyLocale('en')
})

function pick(select: HTMLElement, value: string): void {
  ;(select as HTMLSelectElement).value = value
  select.dispatchEvent(new Event('change', { bubbles: true }))
}

describe('the interface language', () => {
  it('starts in English with only the English catalogue loaded', async () => {
    app = await mountApp('/settings')
    expect(document.documentElement.lang).toBe('en')
    expect(i18n.global.availableLocales).toEqual(['en'])
    expect(getByRole(app.root, 'heading', 'Settings')).toBeTruthy()
  })

  it('switches to Hindi from Settings, saves the choice, and sets <html lang>', async () => {
    app = await mountApp('/settings')
    const control = getByRole(app.root, 'combobox', 'Language / भाषा')
    expect([...(control as HTMLSelectElement).options].map((o) => o.textContent)).toEqual(['English', 'हिन्दी'])
    pick(control, 'hi')
    await settle()
    await vi.waitFor(() => expect(document.documentElement.lang).toBe('hi'), { timeout: 15_000 })
    expect(api['settings:update']).toHaveBeenCalledWith({ locale: 'hi' })
    // The save of the language itself is reported in the new language.
    await vi.waitFor(() => expect(app!.root.querySelector('form [role="status"]')?.textContent?.trim()).toBe('सहेजा गया'))
    expect(getByRole(app.root, 'heading', 'सेटिंग्स')).toBeTruthy()
    expect(getByRole(app.root, 'navigation', 'मोड').textContent).toContain('पढ़ें')
    // The control keeps its bilingual name in Hindi, so it can always be found again.
    expect(getByRole(app.root, 'combobox', 'Language / भाषा')).toBeTruthy()
  })

  it('opens in the saved language at the next start', async () => {
    resetApi({ settings: { theme: 'light', fontSize: 18, lineWidth: 'medium', locale: 'hi' } })
    app = await mountApp('/settings')
    await vi.waitFor(() => expect(document.documentElement.lang).toBe('hi'), { timeout: 15_000 })
    await settle()
    expect(getByRole(app.root, 'heading', 'सेटिंग्स')).toBeTruthy()
  })

  it('follows the system language until one is chosen', () => {
    expect(systemLocale(['hi-IN', 'en'])).toBe('hi')
    expect(systemLocale(['hi'])).toBe('hi')
    expect(systemLocale(['en-IN', 'hi-IN'])).toBe('en')
    expect(systemLocale([])).toBe('en')
  })

  it('groups digits the Indian way and names months in Hindi', async () => {
    expect(formatNumber(1234567)).toBe('12,34,567')
    expect(formatDay('2021-12-06')).toBe('6 Dec 2021')
    await applyLocale('hi')
    expect(formatNumber(100000)).toBe('1,00,000')
    expect(formatDay('2021-12-06')).toMatch(/^6 दिस/)
  })
})
