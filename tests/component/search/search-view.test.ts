// Why: search is how a student finds a note again in seconds: Ctrl/Cmd+K from
// anywhere, the match marked in each result (as text, never markup), arrow
// keys through the results and Enter straight to the place in the notes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SearchResult } from '@shared/domain/search'
import { fixturePack } from '../fixtures/pack'
import { api, resetApi } from '../helpers/fake-api'
import { mountApp, settle, type MountedApp } from '../helpers/mount-app'
import { allByRole, getByRole } from '../helpers/roles'
import { press, tick, until } from '../reading/dom'
import { installNotes, makeAnnotation, notes } from '../reading/fake-annotations'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

const hit = (over: Partial<SearchResult> & Pick<SearchResult, 'kind' | 'id'>): SearchResult => ({
  packId: 'fixture',
  title: '',
  snippet: { before: '', match: '', after: '' },
  score: 1,
  ...over
})

const RESULTS: SearchResult[] = [
  hit({
    kind: 'annotation',
    id: 'ann-s400',
    sectionId: 'sec-defence',
    blockId: 'blk-s400',
    title: 'S-400',
    snippet: { before: 'Risk under ', match: 'CAATSA', after: ' sanctions' }
  }),
  hit({
    kind: 'block',
    id: 'blk-s400',
    sectionId: 'sec-defence',
    blockId: 'blk-s400',
    title: 'Defence ties',
    snippet: { before: '', match: 'S-400', after: ' deliveries continued.' }
  }),
  hit({ kind: 'glossary', id: 'g-relos', title: 'RELOS', snippet: { before: 'A ', match: 'logistics', after: ' pact.' } }),
  hit({ kind: 'question', id: 'q-tf', title: 'True or false', snippet: { before: 'The first meeting was in ', match: 'New Delhi', after: '.' } }),
  hit({
    kind: 'block',
    id: 'blk-hostile',
    sectionId: 'sec-hostile',
    blockId: 'blk-hostile',
    snippet: { before: '<b>', match: '<img src=x onerror=alert(1)>', after: '<script>alert(1)</script>' }
  })
]

let app: MountedApp | null = null
beforeEach(() => {
  resetApi()
  installNotes([makeAnnotation(fixturePack(), 'blk-s400', 'S-400', { id: 'ann-s400', note: 'CAATSA sanctions risk' })])
  notes.search = RESULTS
})
afterEach(() => {
  app?.wrapper.unmount()
  app = null
})

const box = (): HTMLInputElement => getByRole(document.body, 'searchbox', 'Search notes') as HTMLInputElement
const options = (): HTMLElement[] => allByRole(document.body, 'option')

async function search(text: string): Promise<void> {
  box().value = text
  box().dispatchEvent(new Event('input', { bubbles: true }))
  await tick(120)
}

describe('search', () => {
  it('opens with Ctrl+K (and Cmd+K) from anywhere, with the box focused', async () => {
    app = await mountApp('/read/sec-origins')
    press(window, 'k', { ctrlKey: true, code: 'KeyK' })
    await until(() => app!.router.currentRoute.value.name === 'search' && document.activeElement === box())
    getByRole(getByRole(document.body, 'navigation', 'Modes'), 'link', 'Search')

    await app.router.push('/compare')
    await settle()
    press(window, 'k', { metaKey: true, code: 'KeyK' })
    await until(() => app!.router.currentRoute.value.name === 'search' && document.activeElement === box())
  })

  it('searches the current pack once typing pauses, and marks the match in each result as text', async () => {
    app = await mountApp('/search')
    await search('caat')
    await search('caatsa')
    expect(api['search:query']).toHaveBeenCalledTimes(2)
    expect(api['search:query']).toHaveBeenLastCalledWith({ query: 'caatsa', packId: 'fixture', limit: 30 })
    const list = getByRole(document.body, 'listbox', 'Search results')
    expect(options()).toHaveLength(5)
    const first = options()[0]!
    expect(first.textContent).toContain('Your note')
    expect(first.querySelector('mark')?.textContent).toBe('CAATSA')
    expect(first.textContent).toContain('Risk under CAATSA sanctions')
    expect(options().map((o) => o.querySelector('.result__kind')?.textContent)).toEqual(['Your note', 'Text', 'Glossary', 'Question', 'Text'])
    // A hostile snippet stays text.
    expect(list.querySelectorAll('img, script, b')).toHaveLength(0)
    expect(options()[4]!.textContent).toContain('<img src=x onerror=alert(1)>')
    expect(document.body.textContent).toContain('5 results for “caatsa”.')
  })

  it('does not search on every keystroke (debounced)', async () => {
    app = await mountApp('/search')
    for (const text of ['d', 'de', 'del', 'delh']) {
      box().value = text
      box().dispatchEvent(new Event('input', { bubbles: true }))
    }
    await tick(120)
    expect(api['search:query']).toHaveBeenCalledTimes(1)
    expect(api['search:query']).toHaveBeenCalledWith(expect.objectContaining({ query: 'delh' }))
  })

  it('moves through results with the arrow keys and Enter jumps to a note’s mark', async () => {
    app = await mountApp('/search')
    await search('caatsa')
    expect(box().getAttribute('aria-activedescendant')).toBe(options()[0]!.id)
    press(box(), 'ArrowDown')
    await settle()
    expect(options()[1]!.getAttribute('aria-selected')).toBe('true')
    expect(box().getAttribute('aria-activedescendant')).toBe(options()[1]!.id)
    press(box(), 'ArrowUp')
    press(box(), 'ArrowUp')
    await settle()
    expect(options()[4]!.getAttribute('aria-selected')).toBe('true')
    press(box(), 'ArrowDown')
    await settle()
    press(box(), 'Enter')
    await tick()
    await tick()
    expect(app.router.currentRoute.value.fullPath).toBe('/read/sec-defence')
    expect(document.activeElement?.id).toBe('mark-ann-s400')
  })

  it('Enter on a text result focuses its block; a glossary result its entry; a question the block it tests', async () => {
    app = await mountApp('/search')
    await search('s-400')
    press(box(), 'ArrowDown')
    press(box(), 'Enter')
    await tick()
    await tick()
    expect(app.router.currentRoute.value.fullPath).toBe('/read/sec-defence')
    expect(document.activeElement?.id).toBe('block-blk-s400')

    // The search keeps its results and the active one (the text result) on the way back.
    await app.router.push('/search')
    await tick()
    press(box(), 'ArrowDown')
    press(box(), 'Enter')
    await tick()
    await tick()
    expect(document.activeElement?.id).toBe('glossary-term-g-relos')

    await app.router.push('/search')
    await tick()
    options()[3]!.click()
    await tick()
    await tick()
    expect(app.router.currentRoute.value.fullPath).toBe('/read/sec-origins')
    expect(document.activeElement?.id).toBe('block-blk-para')
  })

  it('says when nothing matched', async () => {
    notes.search = []
    app = await mountApp('/search')
    await search('zzz')
    expect(document.body.textContent).toContain('Nothing found for “zzz”.')
    expect(options()).toHaveLength(0)
  })
})
