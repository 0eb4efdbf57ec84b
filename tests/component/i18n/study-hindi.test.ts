// Why: Compare and Self-test are where a Hindi-medium student spends exam
// weeks; one English button or verdict left in a drill, a marked answer or a
// mock result would be seen only by them. Each screen is reached in Hindi the
// way a student reaches it, and no interface word may be left in English.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { applyLocale } from '@renderer/i18n'
import { englishLeft, HINDI_UI_ALLOWED } from '../../support/english-left'
import { resetApi } from '../helpers/fake-api'
import { mountApp as mountShell, settle, type MountedApp } from '../helpers/mount-app'
import { allByRole, getByRole } from '../helpers/roles'
import { comparePack, study as cells, useComparePack } from '../compare/setup'
import { cellItem, highlightItem, installStudy, press, questionItem, study } from '../self-test/fake-study'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

// Names of keys and file formats, printed as on the key or the file in both languages.
const ALLOWED = [...HINDI_UI_ALLOWED, 'Space', 'Markdown']

let app: MountedApp | null = null
// The student chose Hindi earlier: the app opens in it, as it would after a restart.
beforeEach(() => resetApi({ settings: { theme: 'light', fontSize: 18, lineWidth: 'medium', locale: 'hi' } }))
afterEach(async () => {
  app?.wrapper.unmount()
  app = null
  vi.restoreAllMocks()
  await applyLocale('en')
})

/** Table titles, column labels and dimensions: pack text an accessible name may quote ("India–US 2+2 के स्रोत"). */
function packLabels(): string[] {
  const tables = comparePack().tables
  return [
    ...tables.map((t) => t.title),
    ...tables.flatMap((t) => t.columns.map((c) => c.label)),
    ...tables.flatMap((t) => t.rows.map((r) => r.dimension))
  ].sort((a, b) => b.length - a.length)
}

/**
 * English interface words left under `roots`. Text nodes must carry their own
 * lang="en" when they are pack text; an attribute cannot, so the pack's words
 * are taken out of accessible names first and the rest must be Hindi.
 */
function englishIn(...roots: Element[]): string[] {
  const labels = packLabels()
  for (const root of roots)
    for (const el of [root, ...root.querySelectorAll('[aria-label]')]) {
      let label = el.getAttribute('aria-label')
      if (label === null) continue
      for (const text of labels) label = label.replaceAll(text, '')
      el.setAttribute('aria-label', label)
    }
  return [...new Set(roots.flatMap((root) => englishLeft({ root, allowed: ALLOWED })))].sort()
}

async function mountApp(path: string): Promise<MountedApp> {
  const mounted = await mountShell(path)
  await vi.waitFor(() => expect(document.documentElement.lang).toBe('hi'), { timeout: 10_000 })
  await settle()
  return mounted
}

const button = (name: string | RegExp, root: ParentNode = document.body) => getByRole(root, 'button', name)
async function click(name: string | RegExp, root: ParentNode = document.body): Promise<void> {
  button(name, root).click()
  await settle()
}
async function key(k: string, target?: EventTarget): Promise<void> {
  press(k, {}, target)
  await settle()
}
function type(input: HTMLElement, value: string): void {
  ;(input as HTMLInputElement).value = value
  input.dispatchEvent(new Event('input'))
}

describe('Compare in Hindi', () => {
  // The view, not the whole page: the header's pack name belongs to the shell.
  const view = (): Element => document.querySelector('.compare-view')!
  beforeEach(() => useComparePack())

  it('shows the filtered table, a reviewed cell and its sources with no English interface word', async () => {
    cells.cards.set('cell:row-deal/us', reviewedCard('cell:row-deal/us'))
    app = await mountApp('/compare')
    expect(document.documentElement.lang).toBe('hi')
    expect(getByRole(document.body, 'heading', 'तुलना')).toBeTruthy()
    await click('केवल अंतर')
    await click('Flagship deal, India–US के स्रोत')
    expect(document.body.textContent).toContain('दोहराया गया · अगला')
    expect(document.body.textContent).toContain('नोट्स में:')
    expect(document.body.textContent).toContain('दिख रही पंक्तियाँ')
    expect(englishIn(view())).toEqual([])
  })

  it('runs a hide-a-column drill to its result in Hindi', async () => {
    app = await mountApp('/compare')
    await click('अभ्यास')
    expect(getByRole(document.body, 'heading', 'अभ्यास शुरू करें')).toBeTruthy()
    expect(englishIn(view())).toEqual([])

    await click('स्तंभ छिपाएँ')
    expect(getByRole(document.body, 'heading', 'India–Russia स्तंभ छिपा है')).toBeTruthy()
    type(getByRole(document.body, 'textbox', 'आपका उत्तर (वैकल्पिक)'), 'December 2021, in Delhi')
    await click('उत्तर दिखाएँ')
    expect(document.body.textContent).toContain('आपने लिखा:')
    expect(allByRole(getByRole(document.body, 'group', 'आपको यह कितनी अच्छी तरह याद था?'), 'button').map((b) => b.textContent?.trim())).toEqual([
      'फिर से',
      'कठिन',
      'ठीक',
      'आसान'
    ])
    expect(englishIn(view())).toEqual([])

    for (let i = 0; i < 6; i++) {
      if (i > 0) await click('उत्तर दिखाएँ')
      await click(i === 0 ? 'फिर से' : 'ठीक')
    }
    expect(document.body.textContent).toContain('पूरा हुआ: 6 में से 6 कार्ड आपके कार्यक्रम में सहेजे गए — 1 जल्द फिर से दिखेंगे।')
    expect(englishIn(view())).toEqual([])
  })

  it('marks a "which dialogue?" answer in Hindi, naming the columns in English', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0)
    app = await mountApp('/compare')
    await click('अभ्यास')
    await click('“कौन-सा संवाद?” शुरू करें')
    expect(getByRole(document.body, 'heading', 'यह किस संवाद से है?')).toBeTruthy()
    expect(document.body.querySelector('blockquote')?.getAttribute('lang')).toBe('en')
    await click('India–US')
    const result = getByRole(document.body, 'status', /^(सही|गलत)।/)
    expect(result.textContent).toMatch(/^(सही। यह India–US से है।|गलत। आपने India–US चुना; यह India–Russia से है।)/)
    expect(result.textContent).toMatch(/“(ठीक|फिर से)” के रूप में सहेजा गया।/)
    expect(englishIn(view())).toEqual([])
  })
})

function reviewedCard(itemId: string) {
  return {
    itemId,
    state: 'review' as const,
    due: '2030-06-14T09:00:00.000Z',
    stability: 3,
    difficulty: 5,
    reps: 1,
    lapses: 0,
    lastReview: '2030-06-10T09:00:00.000Z',
    retrievability: 0.9
  }
}

describe('Self-test in Hindi', () => {
  /** The parts of the home screen this area owns (Prelims papers sit beside them and are translated apart). */
  const home = (): Element[] => ['.self-test-view > h1', '.start', '.mock-start', '.history', '.counts'].map((s) => document.querySelector(s)!)

  it('shows the start screen, an unfinished paper and past papers in Hindi', async () => {
    installStudy()
    study.active = {
      mockId: 'mock-old',
      packId: 'fixture',
      questionIds: ['q-statements', 'q-mcq'],
      startedAt: '2026-11-01T09:00:00.000Z',
      suggestedMinutes: 3,
      answers: {}
    }
    study.history = [
      {
        mockId: 'mock-a',
        packId: 'fixture',
        startedAt: '2026-10-30T09:50:00.000Z',
        submittedAt: '2026-10-30T10:00:00.000Z',
        right: 2,
        wrong: 1,
        unanswered: 0,
        score: 3.34,
        maxScore: 6,
        items: []
      }
    ]
    app = await mountApp('/self-test')
    expect(getByRole(document.body, 'heading', 'स्व-परीक्षण')).toBeTruthy()
    const roots = home()
    expect(roots.every(Boolean)).toBe(true)
    expect(roots.map((r) => r.textContent).join(' ')).toContain('1 दोहराव बाकी')
    expect(roots.map((r) => r.textContent).join(' ')).toContain('आपका एक मॉक टेस्ट अधूरा है: 2 प्रश्न')
    expect(roots.map((r) => r.textContent).join(' ')).toContain('इस पैक में 8 प्रश्न')
    expect(englishIn(...roots)).toEqual([])
  })

  it('asks, marks and rates every kind of card in Hindi', async () => {
    installStudy({
      queue: [
        questionItem('q-statements'),
        questionItem('q-cloze2'),
        questionItem('q-match'),
        questionItem('q-tf'),
        questionItem('q-mains'),
        cellItem(),
        highlightItem()
      ]
    })
    app = await mountApp('/self-test')
    await click('दोहराव सत्र शुरू करें')
    const session = () => getByRole(document.body, 'region', 'आज दोहराने हैं')
    const card = () => getByRole(document.body, 'article')

    // A choice answered wrong: verdict, answer, explanation, the way back to the notes, and the one rating it earns.
    expect(englishIn(session())).toEqual([])
    await key('2')
    await key('Enter')
    expect(card().textContent).toContain('✗ गलत')
    expect(card().textContent).toContain('आपका उत्तर, गलत')
    expect(getByRole(card(), 'link', 'इसके बारे में पढ़ें').parentElement?.textContent).toContain('इसके बारे में पढ़ें — “')
    expect(englishIn(session())).toEqual([])
    await key('1')

    // Typed, with the pack's other accepted answer shown.
    const blank = getByRole(card(), 'textbox', 'आपका उत्तर')
    type(blank, 'December 6')
    await key('Enter', blank)
    expect(card().textContent).toContain('✓ सही')
    expect(card().textContent).toContain('सुझाव: ठीक (Enter दबाएँ)।')
    expect(englishIn(session())).toEqual([])
    await key('3')

    // Match the following, one pair wrong.
    for (const select of allByRole(card(), 'combobox')) {
      ;(select as HTMLSelectElement).value = '0'
      select.dispatchEvent(new Event('change'))
    }
    await settle()
    await click('उत्तर जाँचें', card())
    expect(card().textContent).toContain('गलत — सही है')
    expect(englishIn(session())).toEqual([])
    await key('1')

    // True or false, then a mains question revealed with its word limit.
    expect(card().textContent).toContain('सत्य या असत्य:')
    await key('1')
    await key('Enter')
    expect(card().textContent).toContain('सत्य')
    expect(englishIn(session())).toEqual([])
    await key('3')
    expect(card().textContent).toContain('(150 शब्द)')
    await key(' ')
    expect(englishIn(session())).toEqual([])
    await key('3')

    // A table cell and the student's own highlight.
    expect(getByRole(card(), 'heading', 'तुलना तालिका')).toBeTruthy()
    await key(' ')
    expect(englishIn(session())).toEqual([])
    await key('3')
    expect(getByRole(card(), 'heading', 'आपका हाइलाइट')).toBeTruthy()
    const own = getByRole(card(), 'textbox', 'आपका उत्तर')
    type(own, 'deliveries')
    await key('Enter', own)
    expect(englishIn(session())).toEqual([])
    await key('3')

    expect(session().textContent).toContain('सत्र पूरा हुआ')
    expect(session().textContent).toContain('आपने 7 कार्ड दोहराए।')
    expect(englishIn(session())).toEqual([])
  })

  it('sits a mock paper, asks before handing it in, and shows the marks in Hindi', async () => {
    installStudy()
    app = await mountApp('/self-test')
    type(getByRole(document.body, 'spinbutton', 'प्रश्न'), '3')
    await click('मॉक टेस्ट शुरू करें')
    const paper = () => getByRole(document.body, 'region', /^मॉक टेस्ट: प्रश्न \d+ \/ 3$/)
    expect(getByRole(document.body, 'timer', 'शेष समय')).toBeTruthy()
    await key('2')
    await key('n')
    expect(paper().textContent).toContain('3 में से 1 के उत्तर दिए')
    expect(englishIn(paper())).toEqual([])

    await click('प्रश्नपत्र जमा करें')
    const confirm = getByRole(document.body, 'region', 'यह प्रश्नपत्र जमा करें?')
    expect(confirm.textContent).toContain('2 प्रश्न का उत्तर नहीं दिया गया (उनके 0 अंक)।')
    expect(englishIn(paper())).toEqual([])

    await click('अभी जमा करें', confirm)
    const results = getByRole(document.body, 'region', 'मॉक टेस्ट का परिणाम')
    expect(results.textContent).toContain('अंक: 6.00 में से −0.66')
    expect(results.textContent).toContain('प्रश्न 1: गलत (−0.66)')
    expect(results.textContent).toContain('आपका उत्तर: (b) 2 only')
    expect(results.textContent).toContain('आपका उत्तर: उत्तर नहीं दिया')
    expect(englishIn(results)).toEqual([])

    await click('स्व-परीक्षण पर लौटें', results)
    expect(getByRole(document.body, 'table', 'पिछले मॉक टेस्ट, सबसे नया पहले')).toBeTruthy()
    expect(englishIn(...home())).toEqual([])
  })
})
