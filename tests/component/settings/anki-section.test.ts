// Why: Settings → Anki sends a pack's cards out through files:save (an .apkg
// as base64, a CSV as text) and brings a deck in only after its preview, with
// main's own error when the deck is bad. Drives the real store and component.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AnkiExportCounts, AnkiPreview } from '@shared/domain/anki'
import { ApiError } from '@shared/result'
import { api, resetApi } from '../helpers/fake-api'
import { mountApp, settle, type MountedApp } from '../helpers/mount-app'
import { getByRole } from '../helpers/roles'
import { fakeDataChannels, pickFile } from './fake-data'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

let app: MountedApp | null = null
beforeEach(() => {
  resetApi()
  fakeDataChannels()
})
afterEach(() => {
  app?.wrapper.unmount()
  app = null
})

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !check(); i++) {
    await settle()
    await new Promise((r) => setTimeout(r, 5))
  }
  expect(check()).toBe(true)
}

const region = () => getByRole(document.body, 'region', 'Anki')
const fileInput = () => region().querySelector<HTMLInputElement>('input[type="file"]')!
const said = () => [...region().querySelectorAll('[role="status"], [role="alert"]')].map((s) => s.textContent?.trim()).join(' ')
const counts: AnkiExportCounts = { questions: 3, flashcards: 2, cloze: 1, cells: 4, highlights: 2, notes: 12, cards: 12 }
const preview: AnkiPreview = {
  packId: 'polity',
  title: 'Polity',
  source: 'collection.anki21b',
  notes: 3,
  cards: { flashcard: 3, cloze: 2 },
  sections: [{ id: 'parliament', title: 'Parliament', cards: 3 }],
  mediaLeftOut: 1,
  historySeeded: false,
  reviewsInDeck: 3,
  warnings: ['1 picture or sound file(s) are left out: the app imports text only']
}

describe('Settings → Anki', () => {
  it('exports the chosen pack as an .apkg through files:save as base64', async () => {
    api['anki:export'].mockImplementation(async () => ({ fileName: 'fixture.apkg', mime: 'application/apkg', encoding: 'base64', content: 'UEsFBg==', counts }))
    api['files:save'].mockImplementation(async () => ({ mode: 'saved' as const, path: '/home/student/fixture.apkg' }))
    app = await mountApp('/settings')
    getByRole(region(), 'button', 'Export to Anki (.apkg)').click()
    await until(() => said().includes('Saved /home/student/fixture.apkg: 12 cards (2 from your highlights)'))
    expect(api['anki:export']).toHaveBeenCalledWith({ packId: 'fixture', format: 'apkg' })
    expect(api['files:save']).toHaveBeenCalledWith({ suggestedName: 'fixture.apkg', content: 'UEsFBg==', mime: 'application/apkg', encoding: 'base64' })
  })

  it('previews a deck, saves nothing until asked, then adds it under the previewed id', async () => {
    api['anki:preview'].mockImplementation(async () => preview)
    api['anki:import'].mockImplementation(async () => ({
      pack: {
        id: 'polity',
        title: 'Polity',
        version: '1.0.0',
        asOf: '2026-11-25',
        source: 'imported',
        counts: { sections: 1, questions: 5, tables: 0, glossary: 0 }
      },
      preview
    }))
    app = await mountApp('/settings')
    pickFile(fileInput(), 'deck.csv', 'Front\tBack\n')
    await until(() => region().textContent?.includes('3 notes become 3 flashcards and 2 cloze cards') ?? false)
    expect(region().textContent).toContain('Left out: 1 picture or sound file (only text is imported).')
    expect(region().textContent).toContain("The deck's 3 past reviews are not carried over")
    expect(api['anki:import']).not.toHaveBeenCalled()
    getByRole(region(), 'button', 'Add as a new pack').click()
    await until(() => said().includes('Added “Polity” with 5 cards'))
    expect(api['anki:import']).toHaveBeenCalledWith({ fileName: 'deck.csv', content: 'Front\tBack\n', packId: 'polity' })
  })

  it("shows main's error for a bad deck and offers nothing to add", async () => {
    api['anki:preview'].mockImplementation(async () => {
      throw new ApiError({ code: 'bad-pack', message: 'junk.apkg is a damaged Anki deck: its database is damaged.' })
    })
    app = await mountApp('/settings')
    pickFile(fileInput(), 'junk.apkg', 'PK')
    await until(() => said().includes('junk.apkg is a damaged Anki deck'))
    expect(region().textContent).not.toContain('Add as a new pack')
  })
})
