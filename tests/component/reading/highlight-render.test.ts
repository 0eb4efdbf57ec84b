// Why: highlights must be drawn on the right words even after the pack's text
// changed, overlaps must show both highlights, and glossary terms must explain
// themselves, all without the text ever being parsed as HTML.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fixturePack } from '../fixtures/pack'
import { resetApi } from '../helpers/fake-api'
import { mountApp, type MountedApp } from '../helpers/mount-app'
import { markText } from './dom'
import { installNotes, makeAnnotation } from './fake-annotations'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

let app: MountedApp | null = null
beforeEach(() => resetApi())
afterEach(() => {
  app?.wrapper.unmount()
  app = null
})

/** The fixture pack with one block's text replaced, as an updated pack would ship it. */
function editedPack(blockId: string, text: string) {
  const pack = fixturePack()
  for (const s of pack.sections) for (const b of s.blocks) if (b.id === blockId) b.text = text
  return pack
}

describe('drawing highlights', () => {
  it('re-anchors a highlight whose block text was edited since it was made', async () => {
    // Made on the original text; main's range still points at the old offsets.
    const made = makeAnnotation(fixturePack(), 'blk-para', 'first 2+2', { id: 'ann-old' })
    installNotes([made], editedPack('blk-para', 'In a first for the partnership, India and Russia held their very first 2+2 meeting in New Delhi.'))
    app = await mountApp('/read/sec-origins')
    expect(markText('ann-old')).toBe('first 2+2')
    expect(document.querySelector('#mark-ann-old')).not.toBeNull()
  })

  it('re-anchors approximately when the quoted words themselves were lightly edited', async () => {
    const made = makeAnnotation(fixturePack(), 'blk-fact', 'The first India–Russia 2+2 was on 6 December 2021', { id: 'ann-fuzzy' })
    installNotes([made], editedPack('blk-fact', 'Note: the first India-Russia 2+2 took place on 6 December 2021.'))
    app = await mountApp('/read/sec-origins')
    expect(markText('ann-fuzzy')).toMatch(/^the first India-Russia 2\+2 .*6 December 2021$/)
  })

  it('draws nothing for a highlight whose words are gone (it is listed as orphaned instead)', async () => {
    const made = { ...makeAnnotation(fixturePack(), 'blk-para', 'first 2+2', { id: 'ann-gone' }), status: 'orphaned' as const, range: null }
    installNotes([made], editedPack('blk-para', 'Entirely rewritten paragraph about something else.'))
    app = await mountApp('/read/sec-origins')
    expect(document.querySelectorAll('mark[data-annotation-id]')).toHaveLength(0)
  })

  it('draws both of two overlapping highlights, nested where they overlap', async () => {
    const pack = fixturePack()
    const a = makeAnnotation(pack, 'blk-para', 'India and Russia held', { id: 'ann-a', color: 'yellow' })
    const b = makeAnnotation(pack, 'blk-para', 'Russia held their first', { id: 'ann-b', color: 'blue' })
    installNotes([a, b])
    app = await mountApp('/read/sec-origins')
    expect(markText('ann-a')).toBe('India and Russia held')
    expect(markText('ann-b')).toBe('Russia held their first')
    const nested = document.querySelector('mark[data-annotation-id] mark[data-annotation-id]')
    expect(nested?.textContent).toBe('Russia held')
    // Each highlight is one tab stop, whatever it was cut into.
    expect(document.querySelectorAll('mark[data-annotation-id="ann-a"][tabindex="0"]')).toHaveLength(1)
    expect(document.querySelectorAll('mark[data-annotation-id="ann-b"][tabindex="0"]')).toHaveLength(1)
    expect(document.querySelector('#mark-ann-b')?.className).toContain('hl--blue')
    // The paragraph still reads as the pack wrote it.
    expect(document.querySelector('[data-block-id="blk-para"] p')?.textContent).toBe('India and Russia held their first 2+2 in New Delhi.')
  })

  it('draws a highlight that crosses bullet items in each item', async () => {
    const a = makeAnnotation(fixturePack(), 'blk-list', 'ministers\nDefence', { id: 'ann-x' })
    installNotes([a])
    app = await mountApp('/read/sec-origins')
    const items = [...document.querySelectorAll('[data-block-id="blk-list"] li')]
    expect(items.map((li) => li.textContent)).toEqual(['Foreign ministers', 'Defence ministers'])
    expect(items.map((li) => li.querySelector('mark')?.textContent)).toEqual(['ministers', 'Defence'])
  })

  it('gives each colour its own class and marks a highlight with a note', async () => {
    const pack = fixturePack()
    installNotes([makeAnnotation(pack, 'blk-s400', 'S-400', { id: 'ann-n', color: 'pink', note: 'Triumf' })])
    app = await mountApp('/read/sec-defence')
    const mark = document.querySelector('#mark-ann-n')!
    expect(mark.classList.contains('hl--pink')).toBe(true)
    expect(mark.classList.contains('hl--noted')).toBe(true)
    expect(mark.getAttribute('title')).toContain('Pink highlight with a note')
  })
})

describe('glossary terms in the text', () => {
  it('wraps the first occurrence of a term or alias in a focusable element described by its meaning', async () => {
    const pack = fixturePack()
    pack.glossary.push({
      id: 'g-22',
      term: '2+2',
      expansion: 'Two-plus-two ministerial dialogue',
      meaning: 'Foreign and defence ministers meet together.',
      aliases: ['2+2 dialogue']
    })
    installNotes([], pack)
    app = await mountApp('/read/sec-origins')
    const terms = [...document.querySelectorAll<HTMLElement>('[data-block-id="blk-para"] .term')]
    expect(terms.map((t) => t.textContent)).toEqual(['2+2'])
    const term = terms[0]!
    expect(term.tabIndex).toBe(0)
    expect(term.dataset.tip).toBe('Two-plus-two ministerial dialogue: Foreign and defence ministers meet together.')
    const described = document.getElementById(term.getAttribute('aria-describedby')!)
    expect(described?.textContent).toContain('Foreign and defence ministers meet together.')
    // The sentence itself is unchanged, and the term is not counted again in the same block.
    expect(document.querySelector('[data-block-id="blk-para"] p')?.textContent).toBe('India and Russia held their first 2+2 in New Delhi.')
  })

  it('keeps a highlight and a term that overlap both working', async () => {
    const pack = fixturePack()
    pack.glossary.push({ id: 'g-22', term: '2+2', expansion: '2+2', meaning: 'A joint meeting.' })
    installNotes([makeAnnotation(pack, 'blk-para', 'first 2+2 in', { id: 'ann-t' })], pack)
    app = await mountApp('/read/sec-origins')
    expect(markText('ann-t')).toBe('first 2+2 in')
    expect(document.querySelector('.term')?.textContent).toBe('2+2')
    expect(document.querySelector<HTMLElement>('.term')?.dataset.tip).toBe('A joint meeting.')
  })
})
