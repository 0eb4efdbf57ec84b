// Why: the note is the student's own work. It is "Saved" only once main has
// written it, a note over the limit is refused with the reason (never cut),
// a delete can be undone, and a note is always shown as text, never as markup.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Note } from '@shared/annotations'
import { fixturePack } from '../fixtures/pack'
import { api, resetApi } from '../helpers/fake-api'
import { mountApp, settle, type MountedApp } from '../helpers/mount-app'
import { allByRole, getByRole } from '../helpers/roles'
import { markText, press } from './dom'
import { installNotes, makeAnnotation, notes } from './fake-annotations'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

let app: MountedApp | null = null
beforeEach(() => {
  resetApi()
  installNotes([makeAnnotation(fixturePack(), 'blk-para', 'first 2+2', { id: 'ann-1' })])
})
afterEach(() => {
  app?.wrapper.unmount()
  app = null
})

const dialog = (): HTMLElement => getByRole(document.body, 'dialog', 'Highlight')
const noteBox = (): HTMLTextAreaElement => getByRole(dialog(), 'textbox', 'Note') as HTMLTextAreaElement

async function openEditor(): Promise<void> {
  app = await mountApp('/read/sec-origins')
  ;(document.querySelector('#mark-ann-1') as HTMLElement).click()
  await settle()
}

async function typeNote(text: string): Promise<void> {
  const box = noteBox()
  box.value = text
  box.dispatchEvent(new Event('input', { bubbles: true }))
  await settle()
}

describe('highlight editor', () => {
  it('opens from a click on the mark, and from Enter on the focused mark', async () => {
    await openEditor()
    expect(dialog().textContent).toContain('first 2+2')
    expect(document.activeElement).toBe(noteBox())
    getByRole(dialog(), 'button', 'Close').click()
    await settle()
    expect(allByRole(document.body, 'dialog')).toHaveLength(0)
    const mark = document.querySelector<HTMLElement>('#mark-ann-1')!
    expect(document.activeElement).toBe(mark)
    press(mark, 'Enter')
    await settle()
    dialog()
  })

  it('says Saved only after main has saved the note', async () => {
    await openEditor()
    let finish: () => void = () => {}
    const impl = api['annotations:update'].getMockImplementation()!
    api['annotations:update'].mockImplementationOnce((input) => new Promise((done) => (finish = () => done(impl(input)))))
    await typeNote('Asked in 2022 prelims')
    getByRole(dialog(), 'button', 'Save note').click()
    await settle()
    const status = dialog().querySelector('[role="status"]')!
    expect(status.textContent).not.toContain('Saved')
    finish()
    await settle()
    expect(api['annotations:update']).toHaveBeenCalledWith({ id: 'ann-1', note: 'Asked in 2022 prelims' })
    expect(status.textContent).toBe('Saved')
    expect(notes.items[0]!.note).toBe('Asked in 2022 prelims')
  })

  it('shows the character count and refuses a note over 10,000 characters with the reason main gives', async () => {
    await openEditor()
    expect(noteBox().getAttribute('maxlength')).toBe('10000')
    await typeNote('x'.repeat(10_001))
    getByRole(dialog(), 'button', 'Save note').click()
    await settle()
    expect(api['annotations:update']).not.toHaveBeenCalled()
    expect(getByRole(dialog(), 'alert').textContent).toBe('A note can be at most 10,000 characters; this one has 10,001.')
    expect(getByRole(dialog(), 'alert').textContent).toBe(Note.safeParse('x'.repeat(10_001)).error?.issues[0]?.message)
    expect(dialog().textContent).toContain('10,001 / 10,000 characters')
  })

  it('refuses a paste that would pass the limit, whole, rather than cutting it', async () => {
    await openEditor()
    await typeNote('abc')
    const paste = new Event('paste', { bubbles: true, cancelable: true }) as ClipboardEvent
    Object.defineProperty(paste, 'clipboardData', { value: { getData: () => 'y'.repeat(10_000) } })
    noteBox().setSelectionRange(3, 3)
    noteBox().dispatchEvent(paste)
    await settle()
    expect(paste.defaultPrevented).toBe(true)
    expect(getByRole(dialog(), 'alert').textContent).toBe('A note can be at most 10,000 characters; this one has 10,003.')
  })

  it('shows main’s reason when main refuses the note', async () => {
    await openEditor()
    const { ApiError } = await import('@shared/result')
    api['annotations:update'].mockRejectedValueOnce(
      new ApiError({
        code: 'validation',
        message: 'Invalid input',
        issues: [{ path: 'note', message: 'A note can be at most 10,000 characters; this one has 12,000.' }]
      })
    )
    await typeNote('short enough here')
    getByRole(dialog(), 'button', 'Save note').click()
    await settle()
    expect(getByRole(dialog(), 'alert').textContent).toBe('A note can be at most 10,000 characters; this one has 12,000.')
    expect(dialog().querySelector('[role="status"]')!.textContent).not.toContain('Saved')
  })

  it('recolours through main', async () => {
    await openEditor()
    getByRole(dialog(), 'button', 'Blue').click()
    await settle()
    expect(api['annotations:update']).toHaveBeenCalledWith({ id: 'ann-1', color: 'blue' })
    expect(document.querySelector('#mark-ann-1')?.classList.contains('hl--blue')).toBe(true)
    expect(getByRole(dialog(), 'button', 'Blue').getAttribute('aria-pressed')).toBe('true')
  })

  it('deletes with Undo in the status toast, and Undo restores the same highlight', async () => {
    await openEditor()
    getByRole(dialog(), 'button', 'Delete highlight').click()
    await settle()
    expect(api['annotations:delete']).toHaveBeenCalledWith({ id: 'ann-1' })
    expect(document.querySelectorAll('mark[data-annotation-id]')).toHaveLength(0)
    const status = allByRole(document.body, 'status').find((s) => s.textContent === 'Highlight deleted.')
    expect(status).toBeDefined()
    const undo = getByRole(document.body, 'button', 'Undo')
    expect(document.activeElement).toBe(undo)
    undo.click()
    await settle()
    expect(api['annotations:restore']).toHaveBeenCalledWith({ id: 'ann-1' })
    expect(markText('ann-1')).toBe('first 2+2')
    expect(document.body.textContent).toContain('Highlight restored.')
  })

  it('makes a cloze flashcard from the highlight: the sentence with one blank, the words as the answer', async () => {
    await openEditor()
    getByRole(dialog(), 'button', 'Make flashcard').click()
    await settle()
    expect(api['study:addCustomCard']).toHaveBeenCalledWith({
      packId: 'fixture',
      id: 'ann-1',
      kind: 'highlight-cloze',
      text: 'India and Russia held their {{blank}} in New Delhi.',
      answer: 'first 2+2',
      blockId: 'blk-para'
    })
    expect(dialog().querySelector('[role="status"]')!.textContent).toContain('Saved: the flashcard is in Self-test.')
  })
})

describe('hostile notes', () => {
  const HOSTILE_NOTE = '<img src=x onerror=alert(1)> <script>alert(2)</script> [click](javascript:alert(3)) javascript:alert(4)'

  it('render as literal text in the panel and the editor: no img, script or link elements', async () => {
    installNotes([makeAnnotation(fixturePack(), 'blk-para', 'New Delhi', { id: 'ann-h', note: HOSTILE_NOTE })])
    app = await mountApp('/read/sec-origins')
    const panel = getByRole(document.body, 'region', 'Annotations')
    expect(panel.textContent).toContain('<img src=x onerror=alert(1)>')
    expect(panel.textContent).toContain('javascript:alert(3)')
    ;(document.querySelector('#mark-ann-h') as HTMLElement).click()
    await settle()
    expect(noteBox().value).toBe(HOSTILE_NOTE)
    const page = document.body
    expect(page.querySelectorAll('img, script, iframe, object')).toHaveLength(0)
    expect([...page.querySelectorAll('a')].filter((a) => /javascript:/i.test(a.getAttribute('href') ?? ''))).toHaveLength(0)
    expect(panel.querySelectorAll('a')).toHaveLength(0)
  })
})
