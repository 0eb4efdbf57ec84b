// Why: the self-test home is the student's daily start: what is due, the three
// ways to study, the mock test and its history, and what the pack holds.
// (Replaces the old preview test: the preview gave way to marked sessions.)
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api, resetApi } from '../helpers/fake-api'
import { mountApp, type MountedApp } from '../helpers/mount-app'
import { getByRole } from '../helpers/roles'
import { installStudy } from './fake-study'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

let app: MountedApp | null = null
beforeEach(() => resetApi())
afterEach(() => {
  app?.wrapper.unmount()
  app = null
})

const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim()

describe('SelfTestView home', () => {
  it('counts questions by kind', async () => {
    installStudy()
    app = await mountApp('/self-test')
    const counts = getByRole(app.root, 'region', '8 questions in this pack')
    expect(text(counts)).toContain('1 Statement-based')
    expect(text(counts)).toContain('2 Fill in the blank')
    expect(text(counts)).toContain('1 Match the lists')
  })

  it('offers due, cram, section and mock sessions, with today’s counts from main', async () => {
    installStudy()
    app = await mountApp('/self-test')
    expect(api['study:queue']).toHaveBeenCalledWith({ packId: 'fixture', mode: 'due', limit: 1 })
    const studyRegion = getByRole(app.root, 'region', 'Study')
    expect(text(studyRegion)).toContain('1 review due · 20 new left today (of 20)')
    for (const name of ['Start due session', 'Start cram session', 'Start section quiz']) getByRole(studyRegion, 'button', name)
    const mock = getByRole(app.root, 'region', 'Mock test')
    expect(text(mock)).toContain('3 single-answer questions in this pack')
    expect((getByRole(mock, 'spinbutton', 'Questions') as HTMLInputElement).value).toBe('3')
    expect(text(getByRole(app.root, 'region', 'Past mock tests'))).toContain('No mock tests yet.')
  })

  it('refuses a mock size outside 1–100 without asking main', async () => {
    installStudy()
    app = await mountApp('/self-test')
    const mock = getByRole(app.root, 'region', 'Mock test')
    const input = getByRole(mock, 'spinbutton', 'Questions') as HTMLInputElement
    input.value = '0'
    input.dispatchEvent(new Event('input'))
    getByRole(mock, 'button', 'Start mock test').click()
    await Promise.resolve()
    expect(text(getByRole(mock, 'status'))).toBe('Choose between 1 and 100 questions.')
    expect(api['mock:start']).not.toHaveBeenCalled()
  })
})
