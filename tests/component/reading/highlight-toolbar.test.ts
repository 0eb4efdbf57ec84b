// Why: a highlight is stored as the words selected, counted in the block's
// plain text; a wrong offset would mark the wrong words after a restart.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { blockPlainText, quoteSelector } from '@shared/domain/anchoring'
import { fixturePack } from '../fixtures/pack'
import { api, resetApi } from '../helpers/fake-api'
import { mountApp, settle, type MountedApp } from '../helpers/mount-app'
import { allByRole, getByRole } from '../helpers/roles'
import { markText, selectInBlock, selectWords } from './dom'
import { installNotes, notes } from './fake-annotations'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

const pack = fixturePack()
const textOf = (blockId: string): string => blockPlainText(pack.sections.flatMap((s) => s.blocks).find((b) => b.id === blockId)!)

let app: MountedApp | null = null
beforeEach(() => {
  resetApi()
  installNotes()
})
afterEach(() => {
  window.getSelection()?.removeAllRanges()
  app?.wrapper.unmount()
  app = null
})

const toolbar = (): HTMLElement => getByRole(document.body, 'toolbar', 'Highlight toolbar')

describe('highlight toolbar', () => {
  it('appears on a selection inside a block, with Highlight and four named colours', async () => {
    app = await mountApp('/read/sec-origins')
    expect(allByRole(document.body, 'toolbar')).toHaveLength(0)
    await selectWords('blk-para', 'first 2+2', textOf('blk-para'))
    const bar = toolbar()
    expect(allByRole(bar, 'button').map((b) => b.getAttribute('aria-label') ?? b.textContent?.trim())).toEqual(['Highlight', 'Yellow', 'Green', 'Blue', 'Pink'])
  })

  it('Highlight sends the selector built from the block text, the start and the colour', async () => {
    app = await mountApp('/read/sec-origins')
    const text = textOf('blk-para')
    const { start, end } = await selectWords('blk-para', 'first 2+2', text)
    getByRole(toolbar(), 'button', 'Highlight').click()
    await settle()
    expect(api['annotations:add']).toHaveBeenCalledWith({
      packId: 'fixture',
      blockId: 'blk-para',
      selector: quoteSelector(text, start, end),
      start,
      color: 'yellow'
    })
    const id = notes.items[0]!.id
    expect(markText(id)).toBe('first 2+2')
    expect(document.querySelector(`#mark-${id}`)?.classList.contains('hl--yellow')).toBe(true)
    expect(allByRole(document.body, 'toolbar')).toHaveLength(0)
    expect(document.body.textContent).toContain('Highlight saved.')
  })

  it('a colour button highlights in that colour, and Highlight then reuses it', async () => {
    app = await mountApp('/read/sec-origins')
    const text = textOf('blk-para')
    await selectWords('blk-para', 'New Delhi', text)
    getByRole(toolbar(), 'button', 'Green').click()
    await settle()
    expect(api['annotations:add']).toHaveBeenLastCalledWith(expect.objectContaining({ color: 'green' }))

    await selectWords('blk-para', 'India', text)
    getByRole(toolbar(), 'button', 'Highlight').click()
    await settle()
    expect(api['annotations:add']).toHaveBeenLastCalledWith(expect.objectContaining({ color: 'green', selector: expect.objectContaining({ exact: 'India' }) }))
  })

  it('counts offsets across bullet items as blockPlainText does (items joined by a newline)', async () => {
    app = await mountApp('/read/sec-origins')
    const text = textOf('blk-list')
    const start = text.indexOf('Defence')
    await selectInBlock('blk-list', start, start + 'Defence'.length)
    getByRole(toolbar(), 'button', 'Highlight').click()
    await settle()
    expect(start).toBe('Foreign ministers\n'.length)
    expect(api['annotations:add']).toHaveBeenCalledWith(
      expect.objectContaining({ blockId: 'blk-list', start, selector: quoteSelector(text, start, start + 7) })
    )
  })

  it('trims spaces at the edges of a selection', async () => {
    app = await mountApp('/read/sec-origins')
    const text = textOf('blk-para')
    const at = text.indexOf(' held ')
    await selectInBlock('blk-para', at, at + ' held '.length)
    getByRole(toolbar(), 'button', 'Highlight').click()
    await settle()
    expect(api['annotations:add']).toHaveBeenCalledWith(expect.objectContaining({ start: at + 1, selector: quoteSelector(text, at + 1, at + 5) }))
  })

  it('shows no toolbar for a selection that spans two blocks, and Escape hides it', async () => {
    app = await mountApp('/read/sec-origins')
    const range = document.createRange()
    const para = document.querySelector('[data-block-id="blk-para"] [data-offset]')!.firstChild!
    const fact = document.querySelector('[data-block-id="blk-fact"] [data-offset]')!.firstChild!
    range.setStart(para, 3)
    range.setEnd(fact, 5)
    window.getSelection()!.removeAllRanges()
    window.getSelection()!.addRange(range)
    fact.parentElement!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
    await settle()
    expect(allByRole(document.body, 'toolbar')).toHaveLength(0)

    await selectWords('blk-para', 'Russia', textOf('blk-para'))
    toolbar().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    await settle()
    expect(allByRole(document.body, 'toolbar')).toHaveLength(0)
    expect(api['annotations:add']).not.toHaveBeenCalled()
  })

  it('leaves a new selection alone when the previous highlight finishes saving', async () => {
    app = await mountApp('/read/sec-origins')
    let finish: () => void = () => {}
    const impl = api['annotations:add'].getMockImplementation()!
    api['annotations:add'].mockImplementationOnce((input) => new Promise((done) => (finish = () => done(impl(input)))))
    const text = textOf('blk-para')
    await selectWords('blk-para', 'India', text)
    getByRole(toolbar(), 'button', 'Highlight').click()
    await settle()
    await selectWords('blk-para', 'New Delhi', text)
    finish()
    await settle()
    expect(notes.items).toHaveLength(1)
    expect(window.getSelection()?.toString()).toBe('New Delhi')
    getByRole(toolbar(), 'button', 'Highlight').click()
    await settle()
    expect(api['annotations:add']).toHaveBeenLastCalledWith(expect.objectContaining({ selector: expect.objectContaining({ exact: 'New Delhi' }) }))
  })

  it('keeps the selection and says why when main refuses the highlight', async () => {
    app = await mountApp('/read/sec-origins')
    api['annotations:add'].mockRejectedValueOnce(new (await import('@shared/result')).ApiError({ code: 'write-failed', message: 'disk full' }))
    await selectWords('blk-para', 'Russia', textOf('blk-para'))
    getByRole(toolbar(), 'button', 'Highlight').click()
    await settle()
    expect(document.querySelectorAll('mark')).toHaveLength(0)
    expect(getByRole(document.body, 'region', 'Notices').textContent).toContain('disk full')
    expect(document.body.textContent).toContain('Highlight not saved')
  })
})
