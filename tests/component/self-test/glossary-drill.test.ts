// Why: the Hindi ↔ English drill must ask each term the chosen way, show the
// other side only when asked, count what the student knew, offer the missed
// ones again, and never touch the review schedule.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useGlossaryDrillStore } from '@renderer/stores/glossary-drill'
import type { Pack } from '@shared/pack/schema'
import { fixturePack } from '../fixtures/pack'
import { api, resetApi } from '../helpers/fake-api'
import { mountApp, settle, type MountedApp } from '../helpers/mount-app'
import { getByRole } from '../helpers/roles'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

function bilingualPack(): Pack {
  const pack = fixturePack()
  pack.glossary = [
    { id: 'g-relos', term: 'RELOS', expansion: 'Reciprocal Exchange of Logistics Agreement', meaning: 'A logistics pact.', meaningHi: 'एक रसद समझौता।' },
    { id: 'g-two', term: '2+2', expansion: '2+2 dialogue', meaning: 'A joint meeting.', termHi: '2+2 संवाद', meaningHi: 'एक संयुक्त बैठक।' },
    { id: 'g-none', term: 'ISA', expansion: 'International Solar Alliance', meaning: 'A solar body.' }
  ]
  return pack
}

let app: MountedApp | null = null
beforeEach(() => {
  resetApi()
  api['packs:get'].mockImplementation(async () => bilingualPack())
})
afterEach(() => {
  app?.wrapper.unmount()
  app = null
})

const drill = () => getByRole(document.body, 'region', 'Glossary drill: Hindi ↔ English')
const click = async (name: string) => {
  getByRole(drill(), 'button', name).click()
  await settle()
}

describe('the glossary drill', () => {
  it('asks Hindi → English, reveals on request, counts, and offers the missed again', async () => {
    app = await mountApp('/self-test')
    useGlossaryDrillStore().setRandom(() => 0.999) // keeps the glossary order
    expect(drill().textContent).toContain('2 terms with Hindi in this pack')
    await click('Start the drill')
    expect(drill().querySelector('[lang="hi"]')?.textContent).toBe('एक रसद समझौता।')
    expect(drill().textContent).not.toContain('RELOS')
    expect(document.activeElement?.textContent?.trim()).toBe('Show answer')
    await click('Show answer')
    expect(drill().querySelector('.glossary-drill__answer')?.textContent).toBe('RELOS')
    expect(drill().querySelector('.glossary-drill__answer')?.getAttribute('lang')).toBe('en')
    await click('Not yet')
    expect(drill().querySelector('[lang="hi"]')?.textContent).toBe('2+2 संवाद')
    await click('Show answer')
    await click('I knew it')
    expect(getByRole(drill(), 'status').textContent).toBe('You knew 1 of 2.')
    await click('Again with the 1 missed')
    expect(drill().querySelector('[lang="hi"]')?.textContent).toBe('एक रसद समझौता।')
    expect(drill().textContent).toContain('Card 1 of 1')
    // Practice only: no rating reached main.
    expect(api['study:rate']).not.toHaveBeenCalled()
  })

  it('asks English → Hindi with the Hindi meaning under the Hindi term', async () => {
    app = await mountApp('/self-test')
    useGlossaryDrillStore().setRandom(() => 0.999)
    const radio = getByRole(drill(), 'radio', 'English → Hindi') as HTMLInputElement
    radio.click()
    await settle()
    await click('Start the drill')
    expect(drill().querySelector('.glossary-drill__prompt')?.textContent).toBe('RELOS')
    await click('Show answer')
    await click('I knew it')
    await click('Show answer')
    expect(drill().querySelector('.glossary-drill__answer')?.textContent).toBe('2+2 संवाद')
    expect(drill().querySelector('.glossary-drill__detail')?.textContent).toBe('एक संयुक्त बैठक।')
  })

  it('says so when the pack has no Hindi glossary', async () => {
    api['packs:get'].mockImplementation(async () => fixturePack())
    app = await mountApp('/self-test')
    expect(drill().textContent).toContain('This pack has no Hindi glossary terms yet.')
  })
})
