// Why: the preview must lay each kind out as the exam does and never show an answer unasked.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { resetApi } from '../helpers/fake-api'
import { mountApp, settle, type MountedApp } from '../helpers/mount-app'
import { getByRole } from '../helpers/roles'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

let app: MountedApp | null = null
beforeEach(() => resetApi())
afterEach(() => {
  app?.wrapper.unmount()
  app = null
})

describe('SelfTestView', () => {
  it('counts questions by kind', async () => {
    app = await mountApp('/self-test')
    const counts = getByRole(app.root, 'region', '5 questions in this pack')
    expect(counts.textContent?.replace(/\s+/g, ' ')).toContain('1 Statement-based')
    expect(counts.textContent?.replace(/\s+/g, ' ')).toContain('1 Fill in the blank')
  })

  it('shows numbered statements and options, and reveals the answer on request', async () => {
    app = await mountApp('/self-test')
    const preview = getByRole(app.root, 'region', 'Question 1 of 5')
    expect(preview.textContent).toContain('Consider the following statements')
    const statements = preview.querySelector('ol')
    expect(statements?.tagName).toBe('OL')
    expect(statements?.querySelectorAll('li')).toHaveLength(2)
    expect(preview.textContent).toContain('(a) 1 only')
    expect(preview.textContent).not.toContain('It was held in New Delhi in December 2021.')

    const show = getByRole(preview, 'button', 'Show answer')
    expect(show.getAttribute('aria-expanded')).toBe('false')
    show.click()
    await settle()
    expect(show.getAttribute('aria-expanded')).toBe('true')
    expect(preview.textContent).toContain('(a) 1 only')
    expect(preview.textContent).toContain('It was held in New Delhi in December 2021.')
  })

  it('steps through the questions and hides the answer again on each', async () => {
    app = await mountApp('/self-test')
    getByRole(app.root, 'button', 'Show answer').click()
    await settle()
    getByRole(app.root, 'button', 'Next question').click()
    await settle()
    const preview = getByRole(app.root, 'region', 'Question 2 of 5')
    expect(preview.textContent).toContain('When was the first India–Russia 2+2?')
    getByRole(preview, 'button', 'Show answer')

    for (let i = 0; i < 5; i++) getByRole(app.root, 'button', 'Next question').click()
    await settle()
    const last = getByRole(app.root, 'region', 'Question 5 of 5')
    expect(last.textContent).toContain('RELOS?')
    expect(getByRole(last, 'button', 'Next question').getAttribute('aria-disabled')).toBe('true')
  })
})
