// Why: Settings → Anki in Hindi: the export, a deck's preview and main's
// refusal all read in Hindi, with the deck's own titles and main's words kept
// as they were written (marked lang="en").
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AnkiPreview } from '@shared/domain/anki'
import { ApiError } from '@shared/result'
import { applyLocale } from '@renderer/i18n'
import { englishLeft, HINDI_UI_ALLOWED } from '../../support/english-left'
import { api, resetApi } from '../helpers/fake-api'
import { mountApp, settle, type MountedApp } from '../helpers/mount-app'
import { getByRole } from '../helpers/roles'
import { fakeDataChannels, pickFile } from '../settings/fake-data'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

let app: MountedApp | null = null
beforeEach(async () => {
  resetApi({ settings: { theme: 'light', fontSize: 18, lineWidth: 'medium', locale: 'hi' } })
  fakeDataChannels()
})
afterEach(async () => {
  app?.wrapper.unmount()
  app = null
  await applyLocale('en')
})

const region = () => getByRole(document.body, 'region', 'Anki')
const left = () => englishLeft({ root: region(), allowed: HINDI_UI_ALLOWED })
const preview: AnkiPreview = {
  packId: 'polity',
  title: 'Polity',
  source: 'collection.anki21b',
  notes: 3,
  cards: { flashcard: 1, cloze: 2 },
  sections: [{ id: 'parliament', title: 'Parliament', cards: 3 }],
  mediaLeftOut: 1,
  historySeeded: false,
  reviewsInDeck: 3,
  warnings: ['1 picture or sound file(s) are left out: the app imports text only']
}

async function until(check: () => boolean): Promise<void> {
  await vi.waitFor(
    async () => {
      await settle()
      expect(check()).toBe(true)
    },
    { timeout: 15_000 }
  )
}

describe('Settings → Anki in Hindi', () => {
  it('shows the section and a deck preview with no English interface word', async () => {
    api['anki:preview'].mockImplementation(async () => preview)
    app = await mountApp('/settings')
    await until(() => document.documentElement.lang === 'hi' && getByRole(region(), 'button', 'Anki में निर्यात करें (.apkg)') !== null)
    expect(left()).toEqual([])
    pickFile(region().querySelector<HTMLInputElement>('input[type="file"]')!, 'deck.csv', 'Front\tBack\n')
    await until(() => region().textContent?.includes('3 नोट से 1 खंड में 1 फ़्लैशकार्ड और 2 रिक्त-स्थान कार्ड बनेंगे।') ?? false)
    expect(region().textContent).toContain('डेक के 3 पिछले दोहराव साथ नहीं आते')
    expect(left()).toEqual([])
  })

  it('puts main’s refusal under a Hindi headline, in main’s words', async () => {
    api['anki:preview'].mockImplementation(async () => {
      throw new ApiError({ code: 'bad-pack', message: 'deck.apkg is not an Anki package: its SQLite could not be opened.' })
    })
    app = await mountApp('/settings')
    await until(() => document.documentElement.lang === 'hi')
    pickFile(region().querySelector<HTMLInputElement>('input[type="file"]')!, 'deck.apkg', 'garbage')
    await until(() => region().querySelector('[role="alert"]') !== null)
    const alert = region().querySelector('[role="alert"]')!
    expect(alert.textContent).toContain('यह नहीं हो सका, और कुछ भी सहेजा नहीं गया।')
    expect(alert.querySelector('[lang="en"]')?.textContent).toContain('its SQLite could not be opened')
    expect(left()).toEqual([])
  })
})
