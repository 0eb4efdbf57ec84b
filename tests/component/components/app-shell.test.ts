// Why: the shell is what the E2E suite and keyboard users rely on first: the
// mode links, the Alt shortcuts, the theme switch and start-up notices.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api, failNext, main, resetApi } from '../helpers/fake-api'
import { mountApp, settle, type MountedApp } from '../helpers/mount-app'
import { allByRole, getByRole } from '../helpers/roles'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

let app: MountedApp | null = null
beforeEach(() => resetApi())
afterEach(() => {
  app?.wrapper.unmount()
  app = null
  delete document.documentElement.dataset.theme
})

function pressAlt(digit: string, target: EventTarget = window): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: digit, code: `Digit${digit}`, altKey: true, bubbles: true, cancelable: true }))
}

describe('app shell', () => {
  it('has a Modes nav with the mode links and Search, the current one marked as the page', async () => {
    app = await mountApp('/compare')
    const nav = getByRole(app.root, 'navigation', 'Modes')
    const links = allByRole(nav, 'link')
    expect(links.map((l) => l.textContent?.trim())).toEqual(['Read', 'Compare', 'Self-test', 'Dashboard', 'Search', 'Settings', 'Write'])
    expect(getByRole(nav, 'link', 'Compare').getAttribute('aria-current')).toBe('page')
    expect(links.filter((l) => l.hasAttribute('aria-current'))).toHaveLength(1)
    expect(getByRole(nav, 'link', 'Compare').title).toContain('Alt+2')
  })

  it('redirects / to the read view and gives each view one h1', async () => {
    app = await mountApp('/')
    expect(app.router.currentRoute.value.name).toBe('read')
    for (const [path, title] of [
      ['/read', 'Read'],
      ['/compare', 'Compare'],
      ['/self-test', 'Self-test'],
      ['/dashboard', 'Dashboard'],
      ['/settings', 'Settings'],
      ['/write', 'Write']
    ]) {
      await app.router.push(path as string)
      await settle()
      const h1s = app.root.querySelectorAll('h1')
      expect(h1s).toHaveLength(1)
      expect(h1s[0]?.textContent?.trim()).toBe(title)
    }
  })

  it('keeps Read current while a section is open', async () => {
    app = await mountApp('/read/sec-defence')
    expect(getByRole(app.root, 'link', 'Read').getAttribute('aria-current')).toBe('page')
  })

  it('switches modes with Alt+1…5', async () => {
    app = await mountApp('/read')
    pressAlt('2')
    await settle()
    expect(app.router.currentRoute.value.path).toBe('/compare')
    pressAlt('5')
    await settle()
    expect(app.router.currentRoute.value.path).toBe('/settings')
  })

  it('ignores the shortcuts while typing in an input', async () => {
    app = await mountApp('/settings')
    const input = getByRole(app.root, 'spinbutton', 'Font size')
    input.focus()
    pressAlt('2', input)
    await settle()
    expect(app.router.currentRoute.value.path).toBe('/settings')
  })

  it('toggles the theme through main and applies it to <html>', async () => {
    app = await mountApp('/read')
    expect(document.documentElement.dataset.theme).toBe('light')
    getByRole(app.root, 'button', 'Toggle theme').click()
    await settle()
    expect(api['settings:update']).toHaveBeenCalledWith({ theme: 'dark' })
    expect(document.documentElement.dataset.theme).toBe('dark')
    expect(main.settings.theme).toBe('dark')
  })

  it('keeps the theme and raises a notice when main cannot save it', async () => {
    app = await mountApp('/read')
    failNext('settings:update', 'write-failed', 'disk full')
    getByRole(app.root, 'button', 'Toggle theme').click()
    await settle()
    expect(document.documentElement.dataset.theme).toBe('light')
    expect(getByRole(app.root, 'region', 'Notices').textContent).toContain('disk full')
  })

  it('applies reading settings from main as CSS variables', async () => {
    resetApi({ settings: { theme: 'dark', fontSize: 22, lineWidth: 'wide' } })
    app = await mountApp('/read')
    const html = document.documentElement
    expect(html.dataset.theme).toBe('dark')
    expect(html.dataset.lineWidth).toBe('wide')
    expect(html.style.getPropertyValue('--reading-font-size')).toBe('22px')
  })

  it('shows pack load errors in the notice area with file, message and first issue path', async () => {
    resetApi()
    main.list.errors = [{ file: 'broken/pack.json', message: 'not a valid pack', issues: [{ path: 'sections.0.blocks', message: 'too few' }] }]
    app = await mountApp('/read')
    const text = getByRole(app.root, 'region', 'Notices').textContent ?? ''
    expect(text).toContain('broken/pack.json')
    expect(text).toContain('not a valid pack')
    expect(text).toContain('sections.0.blocks')
  })
})
