// Why: reading is the core mode: blocks must render by kind and as text only,
// progress must go through main, and the app must reopen where the student stopped.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { HOSTILE } from '../fixtures/pack'
import { api, failNext, main, resetApi } from '../helpers/fake-api'
import { mountApp, settle, type MountedApp } from '../helpers/mount-app'
import { allByRole, getByRole } from '../helpers/roles'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

let app: MountedApp | null = null
beforeEach(() => resetApi())
afterEach(() => {
  app?.wrapper.unmount()
  app = null
})

describe('ReadView', () => {
  it('opens the first section when nothing was saved, and remembers it', async () => {
    app = await mountApp('/')
    expect(app.router.currentRoute.value.fullPath).toBe('/read/sec-origins')
    getByRole(app.root, 'heading', 'Read')
    const article = getByRole(app.root, 'article')
    expect(article.querySelector('h2')?.textContent).toBe('Origins of the 2+2')
    expect(api['progress:setLocation']).toHaveBeenCalledWith({ packId: 'fixture', sectionId: 'sec-origins' })
  })

  it('reopens at the saved location on start-up', async () => {
    main.progress = { packId: 'fixture', readSections: [], location: { sectionId: 'sec-defence' } }
    app = await mountApp('/')
    expect(app.router.currentRoute.value.fullPath).toBe('/read/sec-defence')
    expect(getByRole(app.root, 'article').querySelector('h2')?.textContent).toBe('Defence ties')
    expect(api['progress:setLocation']).not.toHaveBeenCalled()
  })

  it('renders each block by its kind', async () => {
    app = await mountApp('/read/sec-origins')
    const article = getByRole(app.root, 'article')
    expect(article.textContent).toContain('India and Russia held their first 2+2 in New Delhi.')
    const bullets = article.querySelector('ul')
    expect([...(bullets?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual(['Foreign ministers', 'Defence ministers'])
    const keyFact = getByRole(article, 'complementary', 'Key fact')
    expect(keyFact.textContent).toContain('6 December 2021')
    expect(getByRole(article, 'complementary', 'Correction').textContent).toContain('not held in Moscow')
    expect(getByRole(article, 'complementary', 'Note').textContent).toContain('fourth 2+2 partner')
  })

  it('renders hostile pack text as literal text, never as markup', async () => {
    app = await mountApp('/read/sec-hostile')
    const article = getByRole(app.root, 'article')
    expect(article.querySelector('img')).toBeNull()
    expect(document.querySelector('img')).toBeNull()
    expect(article.textContent).toContain(HOSTILE)
  })

  it('marks a section read through main and shows it in the contents', async () => {
    app = await mountApp('/read/sec-origins')
    const toggle = getByRole(app.root, 'button', 'Mark section as read')
    expect(toggle.getAttribute('aria-pressed')).toBe('false')
    toggle.click()
    await settle()
    expect(api['progress:markRead']).toHaveBeenCalledWith({ packId: 'fixture', sectionId: 'sec-origins', read: true })
    expect(toggle.getAttribute('aria-pressed')).toBe('true')
    const contents = getByRole(app.root, 'navigation', 'Contents')
    getByRole(contents, 'link', 'Origins of the 2+2 (read)')
    getByRole(contents, 'link', 'Defence ties')

    toggle.click()
    await settle()
    expect(api['progress:markRead']).toHaveBeenLastCalledWith({ packId: 'fixture', sectionId: 'sec-origins', read: false })
    expect(toggle.getAttribute('aria-pressed')).toBe('false')
  })

  it('leaves the toggle off when main cannot save the mark', async () => {
    app = await mountApp('/read/sec-origins')
    failNext('progress:markRead', 'write-failed', 'read-only disk')
    getByRole(app.root, 'button', 'Mark section as read').click()
    await settle()
    expect(getByRole(app.root, 'button', 'Mark section as read').getAttribute('aria-pressed')).toBe('false')
    expect(getByRole(app.root, 'region', 'Notices').textContent).toContain('read-only disk')
  })

  it('saves the location when the student moves to another section', async () => {
    app = await mountApp('/read/sec-origins')
    getByRole(getByRole(app.root, 'navigation', 'Contents'), 'link', 'Defence ties').click()
    await settle()
    expect(app.router.currentRoute.value.fullPath).toBe('/read/sec-defence')
    expect(api['progress:setLocation']).toHaveBeenLastCalledWith({ packId: 'fixture', sectionId: 'sec-defence' })
    expect(document.activeElement?.textContent).toBe('Defence ties')
  })

  it('shows the timeline in date order and the glossary as a description list', async () => {
    app = await mountApp('/read/sec-origins')
    const reference = getByRole(app.root, 'complementary', 'Reference')
    getByRole(reference, 'heading', 'Timeline')
    const events = [...reference.querySelectorAll('.timeline__title')].map((e) => e.textContent)
    expect(events).toEqual(['First India–US 2+2', 'First India–Russia 2+2'])
    expect(reference.querySelector('time')?.textContent).toBe('Sept 2018')
    expect(reference.querySelector('dl dt')?.textContent).toContain('RELOS')
    expect(reference.querySelector('dl dd')?.textContent).toBe('A logistics pact.')
  })

  it('says so when a section id is unknown', async () => {
    app = await mountApp('/read/no-such-section')
    expect(allByRole(app.root, 'article')).toHaveLength(0)
    expect(app.root.textContent).toContain('There is no section “no-such-section”')
  })
})
