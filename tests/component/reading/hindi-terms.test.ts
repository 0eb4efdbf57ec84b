// Why: a Hindi-medium student reads the English notes with the Hindi terms
// they will write in the exam. The switch puts each glossary term's Hindi, and
// each section's Hindi title, beside the English; it is saved like any setting,
// and starts on by itself in the Hindi interface.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { applyLocale } from '@renderer/i18n'
import type { Pack } from '@shared/pack/schema'
import { fixturePack } from '../fixtures/pack'
import { api, main, resetApi } from '../helpers/fake-api'
import { mountApp, settle, type MountedApp } from '../helpers/mount-app'
import { getByRole } from '../helpers/roles'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

function bilingualPack(): Pack {
  const pack = fixturePack()
  pack.glossary = [{ ...pack.glossary[0]!, term: '2+2', expansion: '2+2 dialogue', meaning: 'A joint meeting.', termHi: '2+2 संवाद', meaningHi: 'एक संयुक्त बैठक।' }]
  pack.sections[0] = { ...pack.sections[0]!, titleHi: 'उद्गम' }
  return pack
}

let app: MountedApp | null = null
beforeEach(() => {
  resetApi()
  api['packs:get'].mockImplementation(async () => bilingualPack())
})
afterEach(async () => {
  app?.wrapper.unmount()
  app = null
  await applyLocale('en')
})

const tip = () => document.querySelector<HTMLElement>('[data-block-id="blk-para"] .term')?.dataset.tip
const glossary = () => getByRole(document.body, 'region', 'Glossary')

describe('Show Hindi terms', () => {
  it('is off in English; switched on, shows the Hindi term in the tooltip, the glossary and the section title, and is saved', async () => {
    app = await mountApp('/read/sec-origins')
    expect(tip()).toBe('2+2 dialogue: A joint meeting.')
    expect(glossary().textContent).not.toContain('2+2 संवाद')
    expect(document.querySelector('h2 [lang="hi"]')).toBeNull()

    const box = getByRole(document.body, 'checkbox', 'Show Hindi terms') as HTMLInputElement
    expect(box.checked).toBe(false)
    box.click()
    await settle()
    expect(api['settings:update']).toHaveBeenCalledWith({ hindiTerms: true })
    expect(main.settings.hindiTerms).toBe(true)
    expect(tip()).toBe('2+2 संवाद — 2+2 dialogue: A joint meeting.')
    expect(glossary().querySelector('[lang="hi"]')?.textContent).toBe('2+2 संवाद')
    expect(glossary().textContent).toContain('एक संयुक्त बैठक।')
    expect(document.querySelector('h2 [lang="hi"]')?.textContent?.trim()).toBe('उद्गम')
    // Screen readers hear the Hindi too, marked as Hindi.
    expect(document.querySelector('#term-tip-g-relos [lang="hi"]')?.textContent).toContain('2+2 संवाद')
  })

  it('starts on in the Hindi interface, and can be turned off there', async () => {
    resetApi({ settings: { theme: 'light', fontSize: 18, lineWidth: 'medium', locale: 'hi' } })
    api['packs:get'].mockImplementation(async () => bilingualPack())
    app = await mountApp('/read/sec-origins')
    await vi.waitFor(() => expect(document.documentElement.lang).toBe('hi'), { timeout: 15_000 })
    await settle()
    const box = getByRole(document.body, 'checkbox', 'हिन्दी शब्द दिखाएँ') as HTMLInputElement
    expect(box.checked).toBe(true)
    expect(tip()).toMatch(/^2\+2 संवाद — /)
    box.click()
    await settle()
    expect(api['settings:update']).toHaveBeenCalledWith({ hindiTerms: false })
    expect(tip()).toBe('2+2 dialogue: A joint meeting.')
  })
})
