// Why: the study session is where answers become schedule, so every kind is
// answered here the way a student would (keys and clicks), marked fairly, and
// rated only once main has saved it; a failed save must leave the answer up.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api, failNext, resetApi } from '../helpers/fake-api'
import { mountApp, settle, type MountedApp } from '../helpers/mount-app'
import { allByRole, getByRole, nameOf } from '../helpers/roles'
import { cellItem, checkbox, deferred, highlightItem, installStudy, press, questionItem, study } from './fake-study'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

let app: MountedApp | null = null
beforeEach(() => resetApi())
afterEach(() => {
  app?.wrapper.unmount()
  app = null
})

const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim()

async function startDue(...items: ReturnType<typeof questionItem>[]): Promise<MountedApp> {
  installStudy({ queue: items })
  app = await mountApp('/self-test')
  getByRole(app.root, 'button', 'Start due session').click()
  await settle()
  return app
}

const session = (root: HTMLElement) => getByRole(root, 'region', 'Due now')
const card = (root: HTMLElement) => getByRole(root, 'article')
const answerRegion = (root: HTMLElement) => getByRole(root, 'region', 'Answer')
const ratingNames = (root: HTMLElement) => allByRole(getByRole(root, 'group', 'Rate how well you knew it'), 'button').map((b) => text(b).replace(/ \d$/, ''))

async function key(k: string, init: KeyboardEventInit = {}): Promise<KeyboardEvent> {
  const event = press(k, init)
  await settle()
  return event
}

describe('study session', () => {
  it('shows due counts, lays a statement question out as UPSC prints it, and holds the answer back', async () => {
    const { root } = await startDue(questionItem('q-statements'), questionItem('q-mcq'))
    expect(text(session(root))).toContain('Reviewed 0 · 2 left')
    const c = card(root)
    expect(getByRole(c, 'heading', 'Statement-based').tagName).toBe('H3')
    expect(c.querySelectorAll('ol li')).toHaveLength(2)
    expect(allByRole(c, 'radio').map(nameOf)).toEqual(['(a) 1 only', '(b) 2 only', '(c) Both 1 and 2', '(d) Neither 1 nor 2'])
    expect(text(c)).not.toContain('It was held in New Delhi in December 2021.')
  })

  it('picks an option with its number key, checks with Enter, marks it wrong and offers only Again', async () => {
    const { root } = await startDue(questionItem('q-statements'), questionItem('q-mcq'))
    await key('2')
    expect((getByRole(card(root), 'radio', /\(b\) 2 only/) as HTMLInputElement).checked).toBe(true)
    await key('Enter')
    expect(text(answerRegion(root))).toContain('✗ Incorrect')
    expect(text(answerRegion(root))).toContain('It was held in New Delhi in December 2021.')
    expect(text(card(root))).toContain('your answer, wrong')
    expect(text(card(root))).toContain('correct answer')
    expect(ratingNames(root)).toEqual(['Again'])
    await key('3') // not allowed for a wrong answer
    expect(api['study:rate']).not.toHaveBeenCalled()
    await key('1')
    expect(api['study:rate']).toHaveBeenCalledWith({ packId: 'fixture', itemId: 'q:q-statements', rating: 1 })
    expect(getByRole(root, 'heading', 'Multiple choice')).toBeTruthy()
    expect(text(session(root))).toContain('Reviewed 1 · 1 left')
  })

  it('maps a right answer to Good, a right but unsure one to Hard, and lets the student choose Easy', async () => {
    const { root } = await startDue(questionItem('q-statements'), questionItem('q-tf'), questionItem('q-mcq'))
    await key('1')
    await key('Enter')
    expect(text(answerRegion(root))).toContain('✓ Correct')
    expect(ratingNames(root)).toEqual(['Again', 'Hard', 'Good', 'Easy'])
    expect(getByRole(root, 'button', 'Good').className).toContain('button--primary')
    await key('Enter')
    expect(study.ratings.at(-1)).toEqual({ itemId: 'q:q-statements', rating: 3 })

    // True/false: 1 = True. Unsure turns the suggestion to Hard.
    await key('1')
    checkbox(card(root), 'I was unsure (a guess)').click()
    await settle()
    await key('Enter')
    expect(getByRole(root, 'button', 'Hard').className).toContain('button--primary')
    await key('Enter')
    expect(study.ratings.at(-1)).toEqual({ itemId: 'q:q-tf', rating: 2 })

    await key('2')
    await key('Enter')
    getByRole(root, 'button', 'Easy').click()
    await settle()
    expect(study.ratings.at(-1)).toEqual({ itemId: 'q:q-mcq', rating: 4 })
  })

  it('marks a typed answer tolerantly and accepts the pack’s alternatives', async () => {
    const { root } = await startDue(questionItem('q-cloze'), questionItem('q-cloze2'), questionItem('q-tf'))
    const input = getByRole(card(root), 'textbox', 'Your answer') as HTMLInputElement
    expect(document.activeElement).toBe(input)
    input.value = '  “new   DELHI.” '
    input.dispatchEvent(new Event('input'))
    await key('Enter', {})
    expect(text(answerRegion(root))).toContain('✓ Correct')
    await key('3')

    const second = getByRole(card(root), 'textbox', 'Your answer') as HTMLInputElement
    second.value = 'december 6'
    second.dispatchEvent(new Event('input'))
    press('Enter', {}, second)
    await settle()
    expect(text(answerRegion(root))).toContain('✓ Correct')
    expect(study.ratings).toEqual([{ itemId: 'q:q-cloze', rating: 3 }])
  })

  it('marks a wrong typed answer wrong and shows the accepted answer', async () => {
    const { root } = await startDue(questionItem('q-cloze'))
    const input = getByRole(card(root), 'textbox', 'Your answer') as HTMLInputElement
    input.value = 'Moscow'
    input.dispatchEvent(new Event('input'))
    press('Enter', {}, input)
    await settle()
    expect(text(answerRegion(root))).toContain('✗ Incorrect')
    expect(text(answerRegion(root))).toContain('New Delhi')
  })

  it('marks match-the-following pair by pair, all pairs needed to be right', async () => {
    const { root } = await startDue(questionItem('q-match'), questionItem('q-tf'))
    const c = card(root)
    expect(text(c)).toContain('List I')
    const selects = allByRole(c, 'combobox') as HTMLSelectElement[]
    expect(selects.map((s) => text(c.querySelector(`label[for="${s.id}"]`)))).toEqual(['A. Rajnath Singh', 'B. S. Jaishankar'])
    getByRole(c, 'button', 'Check answer').click()
    await settle()
    expect(text(c)).toContain('Choose a match for every item first.')
    selects[0]!.value = '1'
    selects[0]!.dispatchEvent(new Event('change'))
    selects[1]!.value = '1'
    selects[1]!.dispatchEvent(new Event('change'))
    await settle()
    getByRole(c, 'button', 'Check answer').click()
    await settle()
    expect(text(answerRegion(root))).toContain('✗ Incorrect')
    expect(text(c)).toContain('Right')
    expect(text(c)).toContain('Wrong — it is 1. External Affairs')
  })

  it('reveals a flashcard with Space and rates it with a number key', async () => {
    const { root } = await startDue(questionItem('q-flash'), questionItem('q-mains'))
    expect(text(card(root))).toContain('RELOS?')
    expect(text(card(root))).not.toContain('A logistics pact.')
    await key(' ')
    expect(text(answerRegion(root))).toContain('A logistics pact.')
    expect(text(answerRegion(root))).not.toContain('Correct')
    expect(ratingNames(root)).toEqual(['Again', 'Hard', 'Good', 'Easy'])
    await key('4')
    expect(study.ratings).toEqual([{ itemId: 'q:q-flash', rating: 4 }])

    // Mains: the prompt, then the model outline on request.
    expect(text(card(root))).toContain('Assess the 2+2 as signalling. (150 words)')
    getByRole(card(root), 'button', 'Show answer').click()
    await settle()
    expect(allByRole(answerRegion(root), 'listitem').map(text)).toEqual(['Intro', 'Substance', 'Signalling'])
  })

  it('shows a table cell as table, dimension and column, and a highlight as a typed blank', async () => {
    const { root } = await startDue(cellItem(), highlightItem())
    expect(getByRole(root, 'heading', 'Comparison table')).toBeTruthy()
    expect(text(card(root))).toContain('India–US vs India–Russia 2+2')
    expect(text(card(root))).toContain('First held — India–Russia?')
    expect(text(card(root))).not.toContain('December 2021')
    await key(' ')
    expect(text(answerRegion(root))).toContain('December 2021')
    await key('3')

    expect(getByRole(root, 'heading', 'Your highlight')).toBeTruthy()
    expect(text(card(root))).toContain('S-400 blank continued.')
    const input = getByRole(card(root), 'textbox', 'Your answer') as HTMLInputElement
    input.value = 'Deliveries'
    input.dispatchEvent(new Event('input'))
    press('Enter', {}, input)
    await settle()
    expect(text(answerRegion(root))).toContain('✓ Correct')
    expect(getByRole(answerRegion(root), 'link', 'Read about this').getAttribute('href')).toBe('/read/sec-defence')
  })

  it('links every question back to the section of the block it tests', async () => {
    const { root } = await startDue(questionItem('q-statements'))
    await key('1')
    await key('Enter')
    const link = getByRole(answerRegion(root), 'link', 'Read about this')
    expect(link.getAttribute('href')).toBe('/read/sec-origins')
    expect(text(link.parentElement)).toContain('Origins of the 2+2')
  })

  it('shows the next card only after main has saved the rating', async () => {
    const { root } = await startDue(questionItem('q-flash'), questionItem('q-tf'))
    const pending = deferred<Awaited<ReturnType<(typeof api)['study:rate']>>>()
    vi.mocked(api['study:rate']).mockImplementationOnce(() => pending.promise)
    await key(' ')
    await key('3')
    expect(text(card(root))).toContain('RELOS?')
    expect(text(root)).toContain('Saving…')
    await key('3') // a second press while saving must not rate twice
    expect(api['study:rate']).toHaveBeenCalledTimes(1)
    pending.resolve({ ...questionItem('q-flash').card, state: 'learning' })
    await settle()
    expect(text(card(root))).toContain('True or false')
  })

  it('keeps the answer on screen with an error when the rating is not saved, and retries', async () => {
    const { root } = await startDue(questionItem('q-statements'), questionItem('q-tf'))
    await key('2')
    await key('Enter')
    failNext('study:rate', 'write-failed', 'disk full')
    await key('1')
    const alert = getByRole(card(root), 'alert')
    expect(text(alert)).toContain('disk full')
    expect(text(alert)).toContain('Your answer is still here')
    expect((getByRole(card(root), 'radio', /\(b\) 2 only/) as HTMLInputElement).checked).toBe(true)
    expect(text(answerRegion(root))).toContain('✗ Incorrect')
    expect(text(getByRole(root, 'region', 'Notices'))).toContain('save your rating')

    await key('1')
    expect(study.ratings).toEqual([{ itemId: 'q:q-statements', rating: 1 }])
    expect(getByRole(root, 'heading', 'True or false')).toBeTruthy()
  })

  it('undoes the last rating and asks that card again', async () => {
    const { root } = await startDue(questionItem('q-flash'), questionItem('q-tf'))
    await key(' ')
    await key('3')
    expect(getByRole(root, 'heading', 'True or false')).toBeTruthy()
    getByRole(root, 'button', 'Undo last rating').click()
    await settle()
    expect(api['study:undo']).toHaveBeenCalledWith({ packId: 'fixture' })
    expect(text(card(root))).toContain('RELOS?')
    expect(text(card(root))).not.toContain('A logistics pact.')
    expect(text(session(root))).toContain('Reviewed 0 · 2 left')
    expect(text(getByRole(session(root), 'status', /Rating undone/))).toContain('back for another try')

    await key('u')
    expect(text(session(root))).toContain('There is no rating to undo.')
  })

  it('leaves Alt+digit to the mode shortcuts', async () => {
    const { root, router } = await startDue(questionItem('q-statements'))
    const option = getByRole(card(root), 'radio', /\(b\) 2 only/) as HTMLInputElement
    const event = await key('2', { altKey: true, code: 'Digit2' })
    expect(option.checked).toBe(false)
    // Compare loads on first visit, so the route settles a tick later.
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/compare'), { timeout: 10_000 })
    expect(event.defaultPrevented).toBe(true)
  })

  it('says a cram session leaves the schedule alone, unless asked, and tells main so', async () => {
    installStudy({ queue: [questionItem('q-flash'), questionItem('q-tf')] })
    app = await mountApp('/self-test')
    const { root } = app
    getByRole(root, 'button', 'Start cram session').click()
    await settle()
    const cram = getByRole(root, 'region', 'Cram: weak spots')
    expect(text(cram)).toContain('won’t change your schedule')
    await key(' ')
    await key('3')
    expect(study.ratings.at(-1)).toEqual({ itemId: 'q:q-flash', rating: 3, cram: true })

    getByRole(root, 'button', 'End session').click()
    await settle()
    checkbox(root, 'Update my schedule').click()
    getByRole(root, 'button', 'Start cram session').click()
    await settle()
    expect(text(getByRole(root, 'region', 'Cram: weak spots'))).toContain('These answers update your schedule.')
    await key('1')
    await key('Enter')
    await key('Enter')
    expect(study.ratings.at(-1)).toEqual({ itemId: 'q:q-tf', rating: 3, cram: true, reschedule: true })
  })

  it('starts a section quiz on the chosen section and ends when the list is done', async () => {
    installStudy({ queue: [questionItem('q-tf')] })
    app = await mountApp('/self-test')
    const { root } = app
    const select = getByRole(root, 'combobox', 'Section') as HTMLSelectElement
    select.value = 'sec-defence'
    select.dispatchEvent(new Event('change'))
    getByRole(root, 'button', 'Start section quiz').click()
    await settle()
    expect(api['study:queue']).toHaveBeenLastCalledWith({ packId: 'fixture', mode: 'section', sectionId: 'sec-defence', limit: 200 })
    getByRole(root, 'region', 'Section quiz: Defence ties')
    await key('1')
    await key('Enter')
    await key('3')
    expect(text(root)).toContain('Session complete')
    getByRole(root, 'button', 'Back to self-test').click()
    await settle()
    getByRole(root, 'region', 'Study')
  })
})
