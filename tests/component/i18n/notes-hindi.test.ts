// Why: Settings → Notes packs in Hindi must leave no English interface word:
// the pack list, a New pack preview with its warnings, an update preview with
// its summary, and the messages after each step. Pack titles, section and
// table titles and main's own warnings stay as written, marked as such; the
// file names are the student's own.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { applyLocale } from '@renderer/i18n'
import type { NotesPreview } from '@shared/domain/notes'
import { ApiError } from '@shared/result'
import { englishLeft, HINDI_UI_ALLOWED } from '../../support/english-left'
import { api, main, resetApi } from '../helpers/fake-api'
import { mountApp, settle, type MountedApp } from '../helpers/mount-app'
import { allByRole, getByRole } from '../helpers/roles'
import { fakeDataChannels, MB, pickFile, summary } from '../settings/fake-data'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

/** The file extensions a refusal names (".markdown", ".txt"), as the student's files are named. */
const ALLOWED = [...HINDI_UI_ALLOWED, 'markdown', 'txt']
const NOTES = '# Polity\n\n## Rajya Sabha\n\nThe {{c1::Vice-President}} chairs it.\n\nTerm::six years\n'
const empty = () => ({ added: [], changed: [], removed: [] })

function preview(patch: Partial<NotesPreview> = {}): NotesPreview {
  return {
    packId: 'polity',
    title: 'Polity',
    asOf: '2026-11-30',
    sections: [
      { id: 'rajya-sabha', title: 'Rajya Sabha', blocks: 2, cards: 1 },
      { id: 'lok-sabha', title: 'Lok Sabha', blocks: 3, cards: 2 }
    ],
    cards: { cloze: 1, flashcard: 1, mcq: 1 },
    cardSyntax: { cloze: 1, basic: 1, 'quiz-mcq': 1 },
    tables: [
      { id: 'houses-table', title: 'Houses compared', rows: 4, columns: 3 },
      { id: 'terms-table', title: 'Terms', rows: 1, columns: 2 }
    ],
    sources: 2,
    warnings: [
      { line: 7, message: 'An image was left out; its alt text stays.' },
      { line: 0, message: 'No front matter: the id and title come from the file name and first heading.' }
    ],
    ...patch
  }
}

const update: NotesPreview['update'] = {
  byKind: {
    sections: empty(),
    blocks: { added: ['b1', 'b2'], changed: ['b3'], removed: ['b4'] },
    tables: empty(),
    rows: { added: [], changed: ['r1'], removed: [] },
    questions: { added: ['q1'], changed: [], removed: ['q2'] },
    sources: empty()
  },
  unchanged: 1
}

let app: MountedApp | null = null

beforeEach(() => {
  resetApi({ settings: { theme: 'light', fontSize: 18, lineWidth: 'medium', locale: 'hi' } })
  fakeDataChannels()
  main.list = { ...main.list, packs: [...main.list.packs, { ...main.list.packs[0]!, id: 'my-notes', title: 'My notes', source: 'imported' as const }] }
  api['data:summary'].mockImplementation(async () => summary({ packs: [...summary().packs, { id: 'gone', title: null, installed: false }] }))
  api['notes:preview']
    .mockReset()
    .mockImplementation(async (input) => (input.replacePackId ? preview({ packId: 'my-notes', title: 'My notes', update }) : preview()))
  api['notes:import'].mockReset().mockImplementation(async (input) => {
    const shown = await api['notes:preview'].getMockImplementation()!(input)
    const pack = { ...main.list.packs[0]!, id: shown.packId, title: shown.title, source: 'imported' as const }
    main.list = { ...main.list, packs: [...main.list.packs.filter((p) => p.id !== pack.id), pack] }
    return { pack, preview: shown }
  })
})
afterEach(async () => {
  app?.wrapper.unmount()
  app = null
  await applyLocale('en')
})

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) {
    await settle()
    await new Promise((r) => setTimeout(r, 5))
  }
  expect(check()).toBe(true)
}

const region = () => getByRole(document.body, 'region', 'नोट्स पैक')
const said = () => [...region().querySelectorAll('[role="status"], [role="alert"]')].map((s) => s.textContent?.trim()).join(' ')
const text = (el: Element) => el.textContent!.replace(/\s+/g, ' ')
const left = () => englishLeft({ root: region(), allowed: ALLOWED })

async function openSettings(): Promise<void> {
  app = await mountApp('/settings')
  // The Hindi catalogue is loaded on first use; on a busy machine that takes more than waitFor's default second.
  await vi.waitFor(() => expect(document.documentElement.lang).toBe('hi'), { timeout: 10_000 })
  await until(() => allByRole(document.body, 'region', 'नोट्स पैक').length === 1 && region().textContent!.includes('gone'))
}

describe('Settings → Notes packs in Hindi', () => {
  it('lists the packs, built in, imported and only kept progress, with every name in Hindi and the titles marked as pack text', async () => {
    await openSettings()
    const installed = getByRole(region(), 'list', 'इंस्टॉल किए गए नोट्स पैक')
    expect(text(installed)).toContain('आयात किया गया · संस्करण')
    expect(text(installed)).toContain('ऐप में शामिल')
    getByRole(region(), 'heading', 'जो पैक इंस्टॉल नहीं हैं, उनकी सहेजी गई प्रगति')
    // Buttons are named in Hindi around the English title, which keeps lang="en".
    getByRole(installed, 'button', 'My notes को पढ़ें मोड में खोलें')
    getByRole(installed, 'button', 'My notes को फ़ाइल से अपडेट करें')
    getByRole(installed, 'button', 'My notes हटाएँ')
    getByRole(region(), 'button', 'इसकी प्रगति हटाएँ: gone')
    expect(installed.querySelector('[data-pack-id="my-notes"] .pack-row__title')!.getAttribute('lang')).toBe('en')
    expect(left()).toEqual([])
  })

  it('shows a New pack preview with warnings, counts and plurals in Hindi, then the pack it made', async () => {
    await openSettings()
    getByRole(region(), 'button', 'नोट्स से नया पैक…')
    pickFile(region().querySelector<HTMLInputElement>('input[aria-label="नए पैक के लिए नोट्स फ़ाइल"]')!, 'polity.md', NOTES)
    await until(() => allByRole(region(), 'region', 'polity.md का पूर्वावलोकन').length === 1)
    const shown = getByRole(region(), 'region', 'polity.md का पूर्वावलोकन')
    expect(text(shown)).toContain('पैक “Polity” (आईडी polity, 2026-11-30 तक की स्थिति): 2 खंड, 3 कार्ड, 2 तालिकाएँ, 2 स्रोत।')
    expect(text(getByRole(shown, 'list', 'खंड (2)'))).toContain('Rajya Sabha: 2 ब्लॉक, 1 कार्ड')
    expect(text(getByRole(shown, 'list', 'कार्ड (3)'))).toContain('रिक्त स्थान भरें: 1')
    expect(text(getByRole(shown, 'list', 'तालिकाएँ (2)'))).toContain('Terms: 1 पंक्ति × 2 स्तंभ')
    const warnings = getByRole(shown, 'list', 'चेतावनियाँ (2)')
    expect(text(warnings)).toContain('पंक्ति 7: An image was left out')
    expect(text(warnings)).toContain('पूरी फ़ाइल: No front matter')
    expect(text(shown)).toContain('जैसा लिखा गया: 1 × रिक्त-स्थान {{c1::…}}, 1 × प्रश्न::उत्तर, 1 × क्विज़ ब्लॉक (बहुविकल्पीय)।')
    getByRole(shown, 'button', 'पैक बनाएँ')
    expect(left()).toEqual([])

    getByRole(shown, 'button', 'पैक बनाएँ').click()
    await until(() => said().includes('बन गया'))
    expect(said()).toContain('polity.md से “Polity” बन गया: 2 खंड, 3 कार्ड।')
    expect(left()).toEqual([])
  })

  it('shows an update preview with what it adds, changes and removes, and says what was updated', async () => {
    await openSettings()
    pickFile(region().querySelector<HTMLInputElement>('input[aria-label="My notes के लिए संपादित नोट्स फ़ाइल"]')!, 'my-notes.md', NOTES)
    await until(() => allByRole(region(), 'region', 'my-notes.md से “My notes” अपडेट करें').length === 1)
    const shown = getByRole(region(), 'region', 'my-notes.md से “My notes” अपडेट करें')
    const changes = text(getByRole(shown, 'list', 'अपडेट से क्या बदलेगा'))
    expect(changes).toContain('जोड़े गए: 2 ब्लॉक, 1 कार्ड')
    expect(changes).toContain('बदले गए: 1 ब्लॉक, 1 तालिका-पंक्ति')
    expect(changes).toContain('हटाए गए: 1 ब्लॉक, 1 कार्ड')
    expect(changes).toContain('अपरिवर्तित: 1 अंश')
    expect(text(shown)).toContain('हटाए गए कार्डों के दोहराव')
    expect(left()).toEqual([])

    getByRole(shown, 'button', 'पैक अपडेट करें').click()
    await until(() => said().includes('अपडेट हो गया'))
    expect(said()).toContain('my-notes.md से “My notes” अपडेट हो गया (जोड़े गए: 2 ब्लॉक, 1 कार्ड; बदले गए: 1 ब्लॉक, 1 तालिका-पंक्ति; हटाए गए: 1 ब्लॉक, 1 कार्ड)।')
    expect(left()).toEqual([])
  })

  it('says a cancel, a refusal from main and a file too big in Hindi, with main’s own reason under the headline', async () => {
    await openSettings()
    const input = () => region().querySelector<HTMLInputElement>('input[aria-label="नए पैक के लिए नोट्स फ़ाइल"]')!
    pickFile(input(), 'polity.md', NOTES)
    await until(() => allByRole(region(), 'region', 'polity.md का पूर्वावलोकन').length === 1)
    getByRole(getByRole(region(), 'region', 'polity.md का पूर्वावलोकन'), 'button', 'रद्द करें').click()
    await settle()
    expect(said()).toContain('रद्द किया गया: polity.md से कुछ भी सहेजा नहीं गया।')
    expect(left()).toEqual([])

    api['notes:preview'].mockRejectedValueOnce(new ApiError({ code: 'bad-pack', message: 'The id ^rs is used on line 4 and again on line 9.' }))
    pickFile(input(), 'polity.md', NOTES)
    await until(() => region().querySelector('[role="alert"]') !== null)
    const alert = region().querySelector('[role="alert"]')!
    expect(alert.querySelector('p')!.textContent).toContain('polity.md का पूर्वावलोकन नहीं बन सका। कुछ भी सहेजा नहीं गया।')
    expect(alert.querySelector('ul[lang="en"]')!.textContent).toContain('The id ^rs is used on line 4 and again on line 9.')
    expect(left()).toEqual([])

    pickFile(input(), 'huge.md', '# x', 50 * MB)
    await until(() => said().includes('बहुत बड़ी'))
    expect(said()).toContain('huge.md बहुत बड़ी है (50.0 MB; सीमा 8 MB है)। अपने नोट्स को कई फ़ाइलों में बाँटें।')
    expect(left()).toEqual([])

    pickFile(input(), 'scan.pdf', '%PDF-1.7')
    await until(() => said().includes('scan.pdf'))
    expect(said()).toContain('scan.pdf नोट्स फ़ाइल नहीं है। मार्कडाउन (.md, .markdown), टेक्स्ट (.txt) या वर्ड (.docx) फ़ाइल चुनें।')
    expect(left()).toEqual([])
    expect(api['notes:import']).not.toHaveBeenCalled()
  })

  it('asks before removing a pack, in Hindi', async () => {
    await openSettings()
    getByRole(region(), 'button', 'My notes हटाएँ').click()
    await settle()
    const dialog = getByRole(region(), 'alertdialog', '“My notes” हटाएँ?')
    expect(dialog.textContent).toContain('पैक ऐप से हट जाएगा।')
    getByRole(dialog, 'button', 'पैक हटाएँ').click()
    await until(() => said().includes('हटा दिया गया'))
    expect(said()).toContain('“My notes” हटा दिया गया। इस पर आपकी प्रगति सुरक्षित है')
    expect(left()).toEqual([])
  })

  it('the check can fail: a pack title outside its marked element is found', async () => {
    await openSettings()
    region().querySelector('[data-pack-id="my-notes"] .pack-row__title')!.removeAttribute('lang')
    expect(left()).toEqual(['My', 'notes'])
  })
})
