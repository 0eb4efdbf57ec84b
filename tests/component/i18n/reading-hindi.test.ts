// Why: a Hindi reader with one English button left is easy to miss by eye.
// Each reading and search screen is opened in Hindi in the states a student
// meets (a section with a highlight open, the toolbar on a selection, a
// deletion with Undo, an export, results and none) and must show no English
// interface word; the pack's own English and the student's words are exempt.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { applyLocale } from '@renderer/i18n'
import { sizeProblem } from '@renderer/lib/read-file'
import { blockPlainText } from '@shared/domain/anchoring'
import type { SearchResult } from '@shared/domain/search'
import { englishLeft, HINDI_UI_ALLOWED } from '../../support/english-left'
import { fixturePack, fixtureSummary } from '../fixtures/pack'
import { main, resetApi } from '../helpers/fake-api'
import { mountApp, settle, type MountedApp } from '../helpers/mount-app'
import { allByRole, getByRole } from '../helpers/roles'
import { selectWords, tick, until } from '../reading/dom'
import { installNotes, makeAnnotation, notes } from '../reading/fake-annotations'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

/**
 * Latin words these screens may show besides the shared list: the open pack's title,
 * which the search box's placeholder names (pack text inside an attribute, where
 * lang cannot mark it).
 */
const ALLOWED = [...HINDI_UI_ALLOWED, 'India', 'Russia', 'fixture']
const english = (root: Element = document.body): string[] => englishLeft({ root, allowed: ALLOWED })

const pack = fixturePack()
const textOf = (blockId: string): string => blockPlainText(pack.sections.flatMap((s) => s.blocks).find((b) => b.id === blockId)!)

const hit = (over: Partial<SearchResult> & Pick<SearchResult, 'kind' | 'id'>): SearchResult => ({
  packId: 'fixture',
  title: '',
  snippet: { before: '', match: '', after: '' },
  score: 1,
  ...over
})
const RESULTS: SearchResult[] = [
  hit({
    kind: 'annotation',
    id: 'ann-delhi',
    sectionId: 'sec-origins',
    blockId: 'blk-para',
    title: '“New Delhi”',
    snippet: { before: 'Venue: ', match: 'Sushma', after: ' Swaraj Bhawan' }
  }),
  hit({
    kind: 'block',
    id: 'blk-s400',
    sectionId: 'sec-defence',
    blockId: 'blk-s400',
    title: 'Defence ties',
    snippet: { before: '', match: 'S-400', after: ' deliveries continued.' }
  }),
  hit({ kind: 'glossary', id: 'g-relos', title: 'RELOS', snippet: { before: 'A ', match: 'logistics', after: ' pact.' } }),
  hit({ kind: 'question', id: 'q-tf', title: 'True or false', snippet: { before: 'The first meeting was in ', match: 'New Delhi', after: '.' } })
]

let app: MountedApp | null = null
beforeEach(() => {
  resetApi({
    settings: { theme: 'light', fontSize: 18, lineWidth: 'medium', locale: 'hi' },
    progress: { packId: 'fixture', readSections: ['sec-origins'], location: { sectionId: 'sec-origins' } }
  })
  installNotes([
    makeAnnotation(pack, 'blk-para', 'New Delhi', { id: 'ann-delhi', color: 'yellow', note: 'Venue: Sushma Swaraj Bhawan' }),
    makeAnnotation(pack, 'blk-s400', 'S-400', { id: 'ann-s400', color: 'green' }),
    {
      ...makeAnnotation(pack, 'blk-para', 'first 2+2', { id: 'ann-orphan', color: 'pink', note: 'old wording' }),
      status: 'orphaned',
      range: null,
      selector: { type: 'TextQuoteSelector', exact: 'inaugural two-plus-two', prefix: '', suffix: '' }
    }
  ])
  notes.search = RESULTS
})
afterEach(async () => {
  window.getSelection()?.removeAllRanges()
  app?.wrapper.unmount()
  app = null
  await applyLocale('en')
})

async function openHindi(path: string): Promise<MountedApp> {
  // Kept at once, so afterEach unmounts it even if the wait below fails.
  app = await mountApp(path)
  // The first test loads (and, under vitest, transforms) the Hindi catalogue: that can take seconds on a busy machine.
  await vi.waitFor(() => expect(document.documentElement.lang).toBe('hi'), { timeout: 15_000 })
  await settle()
  return app
}

const panel = (): HTMLElement => getByRole(document.body, 'region', 'हाइलाइट और टिप्पणियाँ')

describe('Reading in Hindi', () => {
  it('shows a section with its labels, contents, pager, highlights panel, timeline and glossary in Hindi', async () => {
    app = await openHindi('/read/sec-origins')
    getByRole(app.root, 'heading', 'पढ़ें')
    expect(app.root.textContent).toContain('3 में से 1 खंड पढ़े गए')
    getByRole(getByRole(app.root, 'navigation', 'विषय-सूची'), 'link', 'Origins of the 2+2 (पढ़ा गया)')
    getByRole(app.root, 'button', 'खंड को पढ़ा हुआ चिह्नित करें')
    const article = getByRole(app.root, 'article')
    getByRole(article, 'complementary', 'मुख्य तथ्य')
    getByRole(article, 'complementary', 'सुधार')
    expect(getByRole(app.root, 'navigation', 'खंडों में आगे-पीछे').textContent).toContain('अगला:')
    expect(panel().textContent).toContain('3 हाइलाइट')
    getByRole(panel(), 'heading', 'पाठ से अलग हुए (पाठ बदल गया)')
    // The orphan's delete button keeps the quote in its name, marked English apart from the Hindi around it.
    getByRole(panel(), 'button', 'पाठ से अलग हुआ हाइलाइट “inaugural two-plus-two” हटाएँ')
    getByRole(app.root, 'heading', 'समयरेखा')
    getByRole(app.root, 'heading', 'शब्दावली')
    expect(getByRole(app.root, 'region', 'इस खंड के स्रोत').textContent).toContain('MEA joint statement')
    // The mark sits inside the pack's English, where the check cannot see its title: look at it directly.
    expect(document.getElementById('mark-ann-delhi')?.getAttribute('title')).toBe('टिप्पणी वाला पीला हाइलाइट। खोलने के लिए क्लिक करें या Enter दबाएँ।')
    expect(english()).toEqual([])

    await app.router.push('/read/sec-defence')
    await settle()
    expect(getByRole(app.root, 'navigation', 'खंडों में आगे-पीछे').textContent).toContain('पिछला:')
    expect(english()).toEqual([])
  })

  it('opens a highlight’s note in Hindi, refuses a long note in Hindi, and offers Undo in Hindi', async () => {
    app = await openHindi('/read/sec-origins')
    document.getElementById('mark-ann-delhi')!.click()
    await settle()
    const dialog = getByRole(document.body, 'dialog', 'हाइलाइट')
    expect(dialog.textContent).toContain('/ 10,000 अक्षर')
    expect(allByRole(dialog, 'button').map((b) => b.textContent?.trim())).toEqual([
      'पीला',
      'हरा',
      'नीला',
      'गुलाबी',
      'टिप्पणी सहेजें',
      'फ़्लैशकार्ड बनाएँ',
      'हाइलाइट हटाएँ',
      'बंद करें'
    ])
    expect(english()).toEqual([])

    const box = dialog.querySelector('textarea')!
    box.value = 'x'.repeat(10_001)
    box.dispatchEvent(new Event('input', { bubbles: true }))
    await settle()
    expect(getByRole(dialog, 'alert').textContent).toBe('टिप्पणी में अधिकतम 10,000 अक्षर हो सकते हैं; इसमें 10,001 हैं।')
    box.value = 'Venue: Sushma Swaraj Bhawan'
    box.dispatchEvent(new Event('input', { bubbles: true }))
    await settle()

    getByRole(dialog, 'button', 'हाइलाइट हटाएँ').click()
    await settle()
    await tick()
    expect(document.body.textContent).toContain('हाइलाइट हटाया गया।')
    getByRole(document.body, 'button', 'पूर्ववत करें')
    getByRole(document.body, 'button', 'संदेश हटाएँ')
    expect(english()).toEqual([])
  })

  it('labels the highlight toolbar in Hindi, and says where the export went', async () => {
    app = await openHindi('/read/sec-origins')
    await selectWords('blk-para', 'first 2+2', textOf('blk-para'))
    const bar = getByRole(document.body, 'toolbar', 'हाइलाइट टूलबार')
    expect(allByRole(bar, 'button').map((b) => b.getAttribute('title'))).toEqual([
      'पीले रंग में हाइलाइट करें',
      'पीले रंग में हाइलाइट करें',
      'हरे रंग में हाइलाइट करें',
      'नीले रंग में हाइलाइट करें',
      'गुलाबी रंग में हाइलाइट करें'
    ])
    expect(english()).toEqual([])
    getByRole(bar, 'button', 'हाइलाइट करें').click()
    await settle()
    expect(document.body.textContent).toContain('हाइलाइट सहेजा गया।')
    expect(panel().textContent).toContain('4 हाइलाइट')

    getByRole(panel(), 'button', 'हाइलाइट और टिप्पणियाँ निर्यात करें').click()
    await settle()
    expect(panel().textContent).toContain('/home/student/fixture-annotations-2026-11-02.md में सहेजा गया।')
    expect(english()).toEqual([])
  })

  it('filters the highlights panel in Hindi', async () => {
    app = await openHindi('/read/sec-origins')
    const colour = [...panel().querySelectorAll('select')][0]!
    expect([...colour.options].map((o) => o.textContent)).toEqual(['सभी रंग', 'पीला', 'हरा', 'नीला', 'गुलाबी'])
    colour.value = 'blue'
    colour.dispatchEvent(new Event('change', { bubbles: true }))
    await settle()
    expect(panel().textContent).toContain('3 में से 0 हाइलाइट')
    expect(panel().textContent).toContain('इन फ़िल्टरों से कोई हाइलाइट मेल नहीं खाता।')
    expect(english()).toEqual([])
  })
})

describe('Search in Hindi', () => {
  const box = (): HTMLInputElement => getByRole(document.body, 'searchbox', 'नोट्स में खोजें') as HTMLInputElement
  async function search(text: string): Promise<void> {
    box().value = text
    box().dispatchEvent(new Event('input', { bubbles: true }))
    await tick(120)
  }

  it('shows results with their kinds and count in Hindi; the query and the snippets stay as they are', async () => {
    app = await openHindi('/search')
    getByRole(app.root, 'heading', 'खोज')
    expect(box().placeholder).toBe('India–Russia 2+2 (fixture) में खोजें')
    await search('sanctions')
    await until(() => allByRole(document.body, 'option').length === 4)
    expect(document.body.textContent).toContain('“sanctions” के लिए 4 परिणाम।')
    expect(allByRole(document.body, 'option').map((o) => o.querySelector('.result__kind')?.textContent)).toEqual(['आपकी टिप्पणी', 'पाठ', 'शब्दावली', 'प्रश्न'])
    getByRole(document.body, 'listbox', 'खोज परिणाम')
    expect(english()).toEqual([])
  })

  it('says in Hindi when nothing matched', async () => {
    notes.search = []
    app = await openHindi('/search')
    await search('zzz sanctions')
    expect(document.body.textContent).toContain('“zzz sanctions” के लिए कुछ नहीं मिला।')
    expect(english()).toEqual([])
  })

  it('names the scope control in Hindi when there are several packs', async () => {
    main.list = { packs: [fixtureSummary(), { ...fixtureSummary(), id: 'second', title: 'India–Russia second' }], errors: [] }
    app = await openHindi('/search')
    const scope = getByRole(document.body, 'group', 'कहाँ खोजें')
    expect(allByRole(scope, 'radio').map((r) => r.closest('label')?.textContent?.trim())).toEqual(['यह पैक', 'सभी पैक'])
    ;(allByRole(scope, 'radio')[1] as HTMLInputElement).click()
    await settle()
    expect(box().placeholder).toBe('सभी पैकों में खोजें')
    await search('sanctions')
    await until(() => allByRole(document.body, 'option').length === 4)
    // The header's pack switcher lists the packs' English titles; this view is checked on its own.
    expect(english(document.querySelector('main')!)).toEqual([])
  })
})

describe('Reading a file in Hindi', () => {
  it('refuses a file over the limit with its size and the limit, in Hindi', async () => {
    await applyLocale('hi')
    const file = new File(['{}'], 'big.json')
    Object.defineProperty(file, 'size', { value: 50 * 1024 * 1024 })
    expect(sizeProblem(file, 20 * 1024 * 1024)).toBe('big.json बहुत बड़ी है (50.0 MB; सीमा 20 MB है)।')
    expect(sizeProblem(file, 64 * 1024 * 1024)).toBeNull()
  })
})
