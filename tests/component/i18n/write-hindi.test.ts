// Why: a Hindi-medium student writes Mains answers and sits the Prelims paper
// in Hindi; one English button or clock label left on those screens is easy to
// miss by eye. Each screen is mounted in Hindi in a realistic state and walked
// for Latin-script interface words; the prompts, key points and questions
// (pack content, lang="en") and the student's answers (data-own-text) may stay.
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, getActivePinia, setActivePinia } from 'pinia'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { h, nextTick, type Component } from 'vue'
import { createMemoryHistory } from 'vue-router'
import { applyLocale } from '@renderer/i18n'
import { DIRECTIVE_IDS } from '@renderer/lib/writing-labels'
import { createAppRouter } from '@renderer/router'
import { usePrelimsStore } from '@renderer/stores/prelims'
import { useWritingStore } from '@renderer/stores/writing'
import { DIRECTIVES } from '@shared/domain/directives'
import type { PrelimsPaper, PrelimsQuestion, PrelimsResult } from '@shared/domain/prelims'
import type { MainsPrompt, WritingAttempt, WritingOverview } from '@shared/domain/writing'
import { englishLeft, HINDI_UI_ALLOWED } from '../../support/english-left'
import { api, resetApi } from '../helpers/fake-api'
import { getByRole } from '../helpers/roles'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

/** Latin-script words these screens may show in Hindi beyond the shared list: none so far. */
const ALLOWED = [...HINDI_UI_ALLOWED]

const prompt = (n: number, marks: 10 | 15, text: string): MainsPrompt => ({
  promptKey: `ir/m-${n}`,
  packId: 'ir',
  packTitle: 'India and its neighbours',
  questionId: `m-${n}`,
  prompt: text,
  marks,
  wordLimit: marks === 10 ? 150 : 250,
  keyPoints: ['Neighbourhood First and its limits', 'Connectivity projects and their delays', 'A forward-looking conclusion'],
  explanation: 'A good answer weighs the gains against the stalled projects and ends with a verdict.'
})
const PROMPTS = [
  prompt(1, 10, 'Critically examine the Neighbourhood First policy in South Asia.'),
  prompt(2, 15, 'Discuss the role of the QUAD in the Indo-Pacific.')
]

const attempt = (id: string, patch: Partial<WritingAttempt> = {}): WritingAttempt => ({
  id,
  promptKey: 'ir/m-1',
  packId: 'ir',
  questionId: 'm-1',
  prompt: PROMPTS[0]!.prompt,
  marks: 10,
  wordLimit: 150,
  onPaper: false,
  text: 'India’s neighbourhood policy has delivered connectivity but stalled on trust.',
  words: 12,
  startedAt: '2026-11-20T05:00:00.000Z',
  submittedAt: '2026-11-20T05:07:00.000Z',
  secondsTaken: 420,
  secondsAllowed: 420,
  keyPoints: [...PROMPTS[0]!.keyPoints],
  covered: null,
  rubric: null,
  score: null,
  scoredAt: null,
  rewriteDue: null,
  ...patch
})
const SCORED = attempt('a-1', {
  covered: [0, 2],
  rubric: { directive: 2, structure: 1, content: 2, examples: 0, conclusion: 1, wordLimit: 2 },
  score: 62,
  scoredAt: '2026-11-20T05:10:00.000Z',
  rewriteDue: '2026-11-27T05:10:00.000Z'
})
const OVERVIEW: WritingOverview = {
  attempts: [
    attempt('a-3', { submittedAt: '2026-11-22T05:07:00.000Z', paperId: 'wp-1' }),
    attempt('a-2', {
      promptKey: 'own:abc',
      packId: null,
      questionId: null,
      prompt: 'मेरा अपना प्रश्न: जल संकट पर चर्चा कीजिए।',
      onPaper: true,
      text: '',
      keyPoints: []
    }),
    SCORED,
    { ...SCORED, id: 'a-0', score: 41, submittedAt: '2026-11-18T05:07:00.000Z', scoredAt: '2026-11-18T05:10:00.000Z' }
  ],
  rewritesDue: [
    { promptKey: 'ir/m-1', prompt: PROMPTS[0]!.prompt, packId: 'ir', questionId: 'm-1', marks: 10, due: '2026-11-25', lastScore: 41, attemptId: 'a-0' }
  ],
  nextRewrite: null
}

let wrapper: VueWrapper | null = null

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await flushPromises()
    await nextTick()
  }
}

async function show(component: Component, props: Record<string, unknown> = {}, stubs: Record<string, Component> = {}): Promise<HTMLElement> {
  const router = createAppRouter(createMemoryHistory())
  await router.push('/write')
  await router.isReady()
  wrapper = mount(component, { props, global: { plugins: [getActivePinia()!, router], stubs }, attachTo: document.body })
  await settle()
  return wrapper.element as HTMLElement
}

const left = (): string[] => englishLeft({ allowed: ALLOWED })

beforeAll(async () => {
  // The first mount compiles the views; on a busy machine that alone can pass a test's 5 s.
  await Promise.all([import('@renderer/views/WriteView.vue'), import('@renderer/components/prelims/PrelimsSitting.vue')])
}, 60_000)

beforeEach(async () => {
  setActivePinia(createPinia())
  resetApi()
  api['writing:prompts'].mockReset().mockResolvedValue(structuredClone(PROMPTS))
  api['writing:overview'].mockReset().mockResolvedValue(structuredClone(OVERVIEW))
  api['writing:draft'].mockReset().mockResolvedValue(null)
  api['writing:saveDraft'].mockReset().mockResolvedValue({ saved: true })
  await applyLocale('hi')
})

afterEach(async () => {
  wrapper?.unmount()
  wrapper = null
  vi.restoreAllMocks()
  await applyLocale('en')
})

describe('the Write desk in Hindi', () => {
  it('names every directive word the desk can find', () => {
    expect(DIRECTIVES.filter((d) => !DIRECTIVE_IDS[d.word]).map((d) => d.word)).toEqual([])
  })

  it('leaves no English on the desk’s start, rewrites due and the history of answers', async () => {
    const { default: WriteView } = await import('@renderer/views/WriteView.vue')
    const root = await show(WriteView)
    expect(getByRole(root, 'heading', 'लेखन')).toBeTruthy()
    expect(getByRole(root, 'region', 'पुनर्लेखन बाकी').textContent).toContain('1 उत्तर फिर से लिखना है')
    // The chart's text alternative, read out in place of the canvas.
    expect(root.innerHTML).toContain('2 उत्तरों को अंक दिए गए: पहला 41, नवीनतम 62, सर्वश्रेष्ठ 62 (100 में से)।')
    expect(left()).toEqual([])

    // The student's own question, on paper: the other half of the picker.
    ;(getByRole(root, 'radio', 'मेरा अपना प्रश्न') as HTMLInputElement).click()
    await settle()
    getByRole(root, 'button', 'लिखना शुरू करें').click()
    await settle()
    expect(root.textContent).toContain('पूरा प्रश्न लिखें')
    expect(left()).toEqual([])

    // None due: the next one's day follows, a sentence apart.
    const writing = useWritingStore()
    writing.overview = { ...writing.overview, rewritesDue: [], nextRewrite: OVERVIEW.rewritesDue[0]! }
    await settle()
    expect(getByRole(root, 'region', 'पुनर्लेखन बाकी').textContent).toContain('आज कोई पुनर्लेखन बाकी नहीं। अगला पुनर्लेखन 25 नव॰ को है।')
    expect(left()).toEqual([])
  })

  it('leaves no English while an answer is written against the clock, or once the clock runs over', async () => {
    const { default: WriteView } = await import('@renderer/views/WriteView.vue')
    const root = await show(WriteView)
    getByRole(root, 'button', 'लिखना शुरू करें').click()
    await settle()
    const box = getByRole(root, 'textbox', 'आपका उत्तर') as HTMLTextAreaElement
    box.value = 'Neighbourhood First ने संपर्क बढ़ाया है।'
    box.dispatchEvent(new Event('input'))
    await settle()
    // The directive is quoted as the prompt writes it, then named and explained in Hindi.
    expect(getByRole(root, 'list', 'निर्देशात्मक शब्द').textContent).toContain('Critically examine (आलोचनात्मक परीक्षण कीजिए): मुद्दे को सभी पक्षों से देखें')
    expect(root.querySelector('#desk-count')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('6 शब्द, सीमा 150')
    expect(left()).toEqual([])

    const writing = useWritingStore()
    writing.draft = { ...writing.draft!, startedAt: new Date(Date.now() - 8 * 60_000).toISOString() }
    await settle()
    expect(getByRole(root, 'timer', 'शेष समय').textContent).toMatch(/अधिक$/)
    expect(left()).toEqual([])
  })

  it('leaves no English on the score sheet, its checklist and rubric, or the review after', async () => {
    api['writing:submit'].mockReset().mockResolvedValue(attempt('a-9', { text: 'Neighbourhood First ने संपर्क बढ़ाया है।', words: 5 }))
    api['writing:score'].mockReset().mockResolvedValue({ ...SCORED, id: 'a-9' })
    const { default: WriteView } = await import('@renderer/views/WriteView.vue')
    const root = await show(WriteView)
    getByRole(root, 'button', 'लिखना शुरू करें').click()
    await settle()
    const box = getByRole(root, 'textbox', 'आपका उत्तर') as HTMLTextAreaElement
    box.value = 'Neighbourhood First ने संपर्क बढ़ाया है।'
    box.dispatchEvent(new Event('input'))
    await settle()
    getByRole(root, 'button', 'उत्तर जमा करें').click()
    await settle()

    expect(getByRole(root, 'heading', 'अपने उत्तर को अंक दें')).toBeTruthy()
    // Saving before every part is scored names the parts left, in Hindi.
    getByRole(root, 'button', 'अंक सहेजें और आदर्श रूपरेखा दिखाएँ').click()
    await settle()
    expect(root.textContent).toContain('पहले मूल्यांकन मानदंड के हर भाग को अंक दें: निर्देशात्मक शब्द का पालन, संरचना')
    expect(left()).toEqual([])

    for (const group of ['निर्देशात्मक शब्द का पालन', 'संरचना', 'विषय-वस्तु', 'उदाहरण और आँकड़े', 'निष्कर्ष'])
      (getByRole(getByRole(root, 'group', group), 'radio', 'अच्छी तरह') as HTMLInputElement).click()
    await settle()
    getByRole(root, 'button', 'अंक सहेजें और आदर्श रूपरेखा दिखाएँ').click()
    await settle()
    expect(api['writing:score']).toHaveBeenCalled()
    expect(getByRole(root, 'heading', 'आपके अंक: 100 में से 62')).toBeTruthy()
    expect(getByRole(root, 'heading', 'आदर्श रूपरेखा')).toBeTruthy()
    expect(left()).toEqual([])
  })

  it('leaves no English in a full paper, while it runs and once every answer is in', async () => {
    let n = 0
    api['writing:submit'].mockReset().mockImplementation(async (input) => {
      n++
      const p = PROMPTS[n - 1]!
      return attempt(`p-${n}`, { promptKey: p.promptKey, questionId: p.questionId, prompt: p.prompt, paperId: input.paperId, text: 'उत्तर' })
    })
    const { default: WriteView } = await import('@renderer/views/WriteView.vue')
    const root = await show(WriteView)
    getByRole(root, 'button', 'पूरा प्रश्नपत्र शुरू करें').click()
    await settle()
    expect(root.textContent).toContain('पूरा प्रश्नपत्र: 2 में से प्रश्न 1')
    expect(getByRole(root, 'timer', 'प्रश्नपत्र का शेष समय')).toBeTruthy()
    expect(left()).toEqual([])

    for (const submit of ['सहेजें और अगले प्रश्न पर जाएँ', 'सहेजें और प्रश्नपत्र पूरा करें']) {
      const box = getByRole(root, 'textbox', 'आपका उत्तर') as HTMLTextAreaElement
      box.value = 'उत्तर'
      box.dispatchEvent(new Event('input'))
      await settle()
      getByRole(root, 'button', submit).click()
      await settle()
    }
    expect(root.textContent).toContain('पूरा प्रश्नपत्र: सभी उत्तर जमा')
    // The prompt is part of the button's name, unseen, in its own language.
    expect(getByRole(root, 'button', /^अभी अंक दें: Critically examine/)).toBeTruthy()
    expect(left()).toEqual([])
  })
})

// The timer and the options belong to the self-test area (its own Hindi test walks them); the legend passed in is this area's.
const SelfTestStubs = {
  MockTimer: { render: () => h('div') },
  ChoiceOptions: { props: ['legend'], render: (self: { legend: string }) => h('fieldset', [h('legend', self.legend)]) }
} satisfies Record<string, Component>

const question = (n: number, patch: Partial<PrelimsQuestion> = {}): PrelimsQuestion => ({
  packId: 'ir',
  packTitle: 'India and its neighbours',
  sectionId: 'sec-neighbours',
  sectionTitle: 'Neighbourhood First',
  questionId: `q-${n}`,
  kind: 'mcq',
  stem: `Which of the following is true of the Kaladan project (${n})?`,
  options: ['It links Kolkata to Sittwe', 'It runs through Nepal', 'It is a pipeline', 'None of the above'],
  ...patch
})
const PAPER: PrelimsPaper = {
  paperId: 'paper-1',
  startedAt: new Date().toISOString(),
  minutes: 6,
  endsAt: new Date(Date.now() + 6 * 60_000).toISOString(),
  questions: [
    question(1),
    question(2, { kind: 'match', stem: 'Match List I with List II:', listI: ['LEMOA', 'COMCASA'], listII: ['Logistics', 'Communications'] }),
    question(3, {
      kind: 'statements',
      stem: 'Consider the following statements:',
      statements: ['1. It is bilateral.', '2. It is binding.'],
      ask: 'Which of the statements given above is/are correct?'
    })
  ],
  answers: [1, null, null],
  review: [false, true, false],
  timeMs: [0, 0, 0]
}
const RESULT: PrelimsResult = {
  paperId: 'paper-1',
  startedAt: '2026-11-25T04:30:00.000Z',
  submittedAt: '2026-11-25T04:36:00.000Z',
  minutes: 6,
  timedOut: true,
  questions: 3,
  right: 1,
  wrong: 1,
  unanswered: 1,
  score: 1.34,
  maxScore: 6,
  guessingCost: -0.66,
  timeMs: 65_000,
  sections: [
    {
      packId: 'ir',
      packTitle: 'India and its neighbours',
      sectionId: 'sec-neighbours',
      sectionTitle: 'Neighbourhood First',
      questions: 2,
      right: 1,
      wrong: 1,
      unanswered: 0,
      marks: 1.34,
      timeMs: 40_000
    },
    {
      packId: 'ir',
      packTitle: 'India and its neighbours',
      sectionId: '',
      sectionTitle: '',
      questions: 1,
      right: 0,
      wrong: 0,
      unanswered: 1,
      marks: 0,
      timeMs: 25_000
    }
  ],
  items: [
    {
      number: 1,
      packId: 'ir',
      packTitle: 'India and its neighbours',
      sectionId: 'sec-neighbours',
      sectionTitle: 'Neighbourhood First',
      questionId: 'q-1',
      chosen: 0,
      correct: 0,
      outcome: 'right',
      marks: 2,
      timeMs: 20_000
    },
    {
      number: 2,
      packId: 'ir',
      packTitle: 'India and its neighbours',
      sectionId: 'sec-neighbours',
      sectionTitle: 'Neighbourhood First',
      questionId: 'q-2',
      chosen: 1,
      correct: 2,
      outcome: 'wrong',
      marks: -0.66,
      timeMs: 20_000
    },
    {
      number: 3,
      packId: 'ir',
      packTitle: 'India and its neighbours',
      sectionId: '',
      sectionTitle: '',
      questionId: 'q-3',
      chosen: null,
      correct: 3,
      outcome: 'unanswered',
      marks: 0,
      timeMs: 25_000
    }
  ]
}

describe('the Prelims paper in Hindi', () => {
  beforeEach(() => {
    api['prelims:availability']
      .mockReset()
      .mockResolvedValue({ available: 3, required: 100, packs: [{ packId: 'ir', title: 'India and its neighbours', questions: 3 }] })
    api['prelims:active'].mockReset().mockResolvedValue(null)
    api['prelims:history'].mockReset().mockResolvedValue([{ paperId: 'paper-0', submittedAt: '2026-11-24T04:36:00.000Z', questions: 3, score: 4, maxScore: 6 }])
    api['prelims:save'].mockReset().mockImplementation(async (sheet) => ({ ...structuredClone(PAPER), ...sheet }))
  })

  it('leaves no English on the start: a short paper, a full one, and one left unfinished', async () => {
    const { default: PrelimsStart } = await import('@renderer/components/prelims/PrelimsStart.vue')
    const root = await show(PrelimsStart)
    expect(getByRole(root, 'button', 'सभी 3 प्रश्नों का प्रश्नपत्र शुरू करें')).toBeTruthy()
    expect(left()).toEqual([])
    wrapper?.unmount()

    api['prelims:availability'].mockResolvedValue({
      available: 240,
      required: 100,
      packs: [{ packId: 'ir', title: 'India and its neighbours', questions: 240 }]
    })
    setActivePinia(createPinia())
    await show(PrelimsStart)
    expect(document.body.textContent).toContain('1 पैक से 240 प्रश्न उपलब्ध हैं।')
    expect(left()).toEqual([])
    wrapper?.unmount()

    api['prelims:active'].mockResolvedValue(structuredClone(PAPER))
    setActivePinia(createPinia())
    await show(PrelimsStart)
    expect(document.body.textContent).toContain('आपका एक प्रारंभिक परीक्षा प्रश्नपत्र अधूरा है: 3 प्रश्न, 1 के उत्तर दिए')
    expect(left()).toEqual([])
  })

  it('leaves no English while sitting the paper: the answer sheet, a match question, the hand-in check and a failed hand-in', async () => {
    api['prelims:active'].mockResolvedValue(structuredClone(PAPER))
    api['prelims:submit'].mockReset().mockRejectedValue(new Error('disk full'))
    const prelims = usePrelimsStore()
    await prelims.load()
    prelims.resume()
    const { default: PrelimsSitting } = await import('@renderer/components/prelims/PrelimsSitting.vue')
    const root = await show(PrelimsSitting, { paper: prelims.paper }, SelfTestStubs)
    const sheet = getByRole(root, 'navigation', 'उत्तर पत्रक')
    expect(getByRole(sheet, 'button', 'प्रश्न 2, उत्तर नहीं दिया, समीक्षा हेतु चिह्नित')).toBeTruthy()
    expect(left()).toEqual([])

    getByRole(sheet, 'button', 'प्रश्न 2, उत्तर नहीं दिया, समीक्षा हेतु चिह्नित').click()
    await settle()
    expect(root.textContent).toContain('नीचे दिए गए कूट का प्रयोग कर सही उत्तर चुनिए:')
    expect(left()).toEqual([])

    getByRole(root, 'button', 'प्रश्नपत्र जमा करें').click()
    await settle()
    expect(getByRole(root, 'heading', 'यह प्रश्नपत्र जमा करें?')).toBeTruthy()
    expect(root.textContent).toContain('2 प्रश्नों के उत्तर नहीं दिए गए')
    expect(root.textContent).toContain('हर गलत उत्तर पर 0.66 अंक कटते हैं।')
    expect(left()).toEqual([])

    getByRole(root, 'button', 'अभी जमा करें').click()
    await settle()
    // main's reason stays as main wrote it; the headline around it is Hindi.
    const alert = root.querySelector('[role="alert"]')
    expect(alert?.textContent).toContain('जमा नहीं हुआ:')
    expect(englishLeft({ allowed: [...ALLOWED, 'disk', 'full'] })).toEqual([])
  })

  it('leaves no English in the result: totals, the cost of guessing, marks by section and question by question', async () => {
    const { default: PrelimsResults } = await import('@renderer/components/prelims/PrelimsResults.vue')
    const root = await show(PrelimsResults, { result: RESULT })
    expect(getByRole(root, 'heading', 'प्रारंभिक परीक्षा प्रश्नपत्र का परिणाम')).toBeTruthy()
    expect(root.textContent).toContain('समय समाप्त होने पर')
    expect(root.textContent).toContain('कोई खंड नहीं')
    expect(left()).toEqual([])
  })
})
