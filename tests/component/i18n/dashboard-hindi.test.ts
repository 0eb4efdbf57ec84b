// Why: a Hindi screen with one English label left is easy to miss by eye. The
// Dashboard (exam dates set, the plan, the forecast and the charts) and
// Settings → Data and Scheduler (with their confirmations open) are walked in
// Hindi, and no English interface word may be left. Pack content (lang="en")
// and the student's own file names (data-own-text) are not interface text.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { applyLocale } from '@renderer/i18n'
import { page } from '@renderer/stores/data'
import type { TuningState } from '@shared/domain/tuning'
import { ApiError } from '@shared/result'
import { englishLeft, HINDI_UI_ALLOWED } from '../../support/english-left'
import { NO_MAINS } from '../dashboard/fake-exam'
import { fixtureSummary } from '../fixtures/pack'
import { api, main, resetApi } from '../helpers/fake-api'
import { mountApp, settle, type MountedApp } from '../helpers/mount-app'
import { allByRole, getByRole } from '../helpers/roles'
import { installStudy } from '../self-test/fake-study'
import { fakeDataChannels, pickFile } from '../settings/fake-data'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

/**
 * Pack content inside an accessible name: a chart's summary ("सबसे कम Defence ties में 0%")
 * and "Open <pack>" name sections and packs, and an attribute cannot mark a part of itself
 * lang="en". So the fixture's own titles, and only those, are taken out of the names before
 * the check; a stray "of" or "the" of ours would still be found.
 */
const PACK_TITLES = ['Origins of the 2+2', 'Defence ties', 'Extra pack']
function withoutPackTitles(root: Element): Element {
  for (const el of root.querySelectorAll('[aria-label]'))
    el.setAttribute(
      'aria-label',
      PACK_TITLES.reduce((label, title) => label.split(title).join(''), el.getAttribute('aria-label') ?? '')
    )
  return root
}

let app: MountedApp | null = null
const reload = vi.spyOn(page, 'reload').mockImplementation(() => undefined)

beforeEach(() => {
  resetApi({ settings: { theme: 'light', fontSize: 18, lineWidth: 'medium', locale: 'hi' } })
  reload.mockClear()
  sessionStorage.clear()
})
afterEach(async () => {
  app?.wrapper.unmount()
  app = null
  await applyLocale('en')
})

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !check(); i++) {
    await settle()
    await new Promise((r) => setTimeout(r, 5))
  }
  expect(check()).toBe(true)
}

/** Mounts at `path` with Hindi saved as the language, and waits for the Hindi messages (loaded only when chosen). */
async function inHindi(path: string): Promise<MountedApp> {
  app = await mountApp(path)
  await vi.waitFor(() => expect(document.documentElement.lang).toBe('hi'), { timeout: 10_000 })
  await settle()
  return app
}

/** The view itself: the shell around it (header, modes) is App.vue's, checked with the shell. */
const view = (): Element => document.querySelector('main') ?? document.body
const text = (el: Element): string => (el.textContent ?? '').replace(/\s+/g, ' ').trim()

describe('the Dashboard in Hindi', () => {
  it('has no English interface word left with exam dates, the plan, the forecast and the charts', async () => {
    main.list = { packs: [fixtureSummary(), { ...fixtureSummary(), id: 'extra', title: 'Extra pack' }], errors: [] }
    installStudy({ exam: { prelims: '2026-11-21', mains: { ...NO_MAINS, gs1: '2027-02-20', essay: '2027-02-19' }, minutesPerDay: 5 } })
    app = await inHindi('/dashboard')
    getByRole(app.root, 'heading', 'डैशबोर्ड')
    const exam = getByRole(app.root, 'region', 'परीक्षा योजना')
    await until(() => text(exam).includes('प्रारंभिक परीक्षा में 20 दिन'))
    // Not enough minutes: the verdict says so; then save, so the status line speaks too.
    expect(text(exam)).toContain('(4 सबसे मज़बूत आइटम अंतिम दोहराव से छूट जाएँगे)')
    getByRole(exam, 'button', 'परीक्षा योजना सहेजें').click()
    await settle()
    expect(text(getByRole(exam, 'status'))).toBe('सहेजा गया')
    getByRole(exam, 'button', 'सभी 20 दिन दिखाएँ').click()
    await settle()
    expect(getByRole(app.root, 'table', 'परीक्षा तक की दैनिक योजना').querySelectorAll('tbody tr')).toHaveLength(20)
    // The papers keep their Latin names, as Hindi papers print them; Essay is निबंध.
    expect([...exam.querySelectorAll('fieldset label')].map(text)).toEqual(['GS-I', 'GS-II', 'GS-III', 'GS-IV', 'निबंध'])
    getByRole(app.root, 'region', 'रुझान')
    await until(() => allByRole(app!.root, 'region', 'आपके पैक').length === 1 && allByRole(app!.root, 'button', 'Extra pack खोलें').length === 1)

    expect(englishLeft({ root: withoutPackTitles(view()), allowed: HINDI_UI_ALLOWED })).toEqual([])
  })

  it('names a slip in the exam dates in Hindi', async () => {
    installStudy()
    app = await inHindi('/dashboard')
    const exam = getByRole(app.root, 'region', 'परीक्षा योजना')
    getByRole(exam, 'button', 'परीक्षा योजना सहेजें').click()
    await settle()
    expect(text(getByRole(exam, 'status'))).toBe('प्रारंभिक परीक्षा की तिथि या कम से कम एक मुख्य परीक्षा प्रश्नपत्र की तिथि डालें।')
    expect(api['exam:set']).not.toHaveBeenCalled()
  })
})

function tuningState(): TuningState {
  const error = (logLoss: number) => ({ logLoss, rmseBins: logLoss / 10, reviews: 1200 })
  return {
    desiredRetention: 0.9,
    parameters: [0.4, 1.2],
    reviews: 1250,
    minReviews: 400,
    canOptimise: true,
    cards: 120,
    workload: [0.8, 0.85, 0.9, 0.95].map((retention) => ({ retention, reviewsPerDay: Math.round(retention * 200) / 10 })),
    lastOptimise: { at: '2026-11-20T10:00:00.000Z', reviews: 1250, before: error(0.3512), after: error(0.3321), status: 'pending' }
  } as TuningState
}

describe('Settings → Data and Scheduler in Hindi', () => {
  beforeEach(() => {
    fakeDataChannels()
    api['tuning:get'].mockImplementation(async () => tuningState())
  })

  it('has no English interface word left with a restore, a reset and an automatic restore asked for', async () => {
    app = await inHindi('/settings')
    const data = getByRole(document.body, 'region', 'डेटा')
    pickFile(data.querySelector<HTMLInputElement>('input[type="file"]')!, 'my-backup.json', '{"format":"revision-desk-backup"}')
    await until(() => allByRole(data, 'alertdialog').length === 1)
    getByRole(data, 'button', 'प्रगति रीसेट करें…').click()
    await settle()
    getByRole(data, 'button', /^पढ़ने की प्रगति, /).click()
    await settle()
    expect(allByRole(data, 'alertdialog')).toHaveLength(3)
    getByRole(data, 'alertdialog', 'सारी प्रगति रीसेट करें?')
    const scheduler = getByRole(document.body, 'region', 'कार्यक्रम')
    await until(() => text(scheduler).includes('1,250'))
    expect(text(scheduler)).toContain('उन्हीं 1,200 दोहराव पर अनुमान की त्रुटि')

    // Notes packs is converted on its own branch; it is left out of this check until that lands.
    document.querySelector('section.packs')?.setAttribute('hidden', '')
    expect(englishLeft({ root: view(), allowed: HINDI_UI_ALLOWED })).toEqual([])
  })

  it('says in Hindi what failed, with main’s reason kept as main wrote it', async () => {
    api['tuning:keep'].mockRejectedValueOnce(new ApiError({ code: 'write-failed', message: 'Could not save tuning.json (ENOSPC).' }))
    app = await inHindi('/settings')
    const scheduler = getByRole(document.body, 'region', 'कार्यक्रम')
    await until(() => allByRole(scheduler, 'button', 'रखें').length === 1)
    getByRole(scheduler, 'button', 'रखें').click()
    await until(() => scheduler.querySelector('[role="alert"]') !== null)
    const alert = scheduler.querySelector('[role="alert"]')!
    expect(text(alert)).toContain('आपके पैरामीटर नहीं रखे गए; कुछ नहीं बदला गया।')
    expect(alert.querySelector('[lang="en"]')?.textContent).toBe('Could not save tuning.json (ENOSPC).')
    document.querySelector('section.packs')?.setAttribute('hidden', '')
    expect(englishLeft({ root: view(), allowed: HINDI_UI_ALLOWED })).toEqual([])
  })
})
