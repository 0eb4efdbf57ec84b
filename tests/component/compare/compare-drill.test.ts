// Why: a drill is only worth doing if each grade reaches main's scheduler under the right item id, and a failed save must never skip a card silently.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api, failNext, resetApi } from '../helpers/fake-api'
import { mountApp, settle, type MountedApp } from '../helpers/mount-app'
import { allByRole, getByRole } from '../helpers/roles'
import { study, useComparePack } from './setup'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

let app: MountedApp | null = null
beforeEach(() => {
  resetApi()
  useComparePack()
})
afterEach(() => {
  app?.wrapper.unmount()
  app = null
  vi.restoreAllMocks()
})

const body = () => document.body
const button = (name: string | RegExp) => getByRole(body(), 'button', name)
const drill = () => getByRole(body(), 'region', /random cells hidden|column hidden|Due cells|Which dialogue\?/)
const click = async (name: string | RegExp) => {
  button(name).click()
  await settle()
}

async function openDrill(): Promise<void> {
  app = await mountApp('/compare')
  await click('Drill')
}

async function select(el: HTMLElement, value: string): Promise<void> {
  ;(el as HTMLSelectElement).value = value
  el.dispatchEvent(new Event('change'))
  await settle()
}

/** The text of the table cell for a row (by dimension) and column index. */
function cellText(dimension: string, col: number): string {
  const table = getByRole(body(), 'table')
  const row = getByRole(table, 'rowheader', new RegExp(`^${dimension}`)).parentElement as HTMLElement
  return allByRole(row, 'cell')[col]?.textContent?.trim() ?? ''
}

describe('drill: hide a column', () => {
  it('blanks that column, reveals on request with the typed answer beside it, and grades through study:rate', async () => {
    await openDrill()
    await select(getByRole(body(), 'combobox', 'Column'), 'russia')
    await click('Hide column')

    expect(getByRole(body(), 'heading', 'India–Russia column hidden')).toBeTruthy()
    expect(drill().textContent).toContain('Card 1 of 6')
    // Keyboard users land on the prompt, not on the vanished start button.
    expect(document.activeElement?.textContent).toContain('First held — India–Russia')
    for (const dimension of ['First held', 'Level', 'Sanctions']) {
      expect(cellText(dimension, 1)).toBe('Hidden')
      expect(cellText(dimension, 0)).not.toBe('Hidden')
    }
    expect(body().textContent).not.toContain('December 2021')

    const typed = getByRole(body(), 'textbox', 'Your answer (optional)') as HTMLTextAreaElement
    typed.value = 'Dec 2021'
    typed.dispatchEvent(new Event('input'))
    await click('Reveal')
    const answer = getByRole(body(), 'group', 'Answer')
    expect(answer.textContent).toContain('Answer: December 2021')
    expect(answer.textContent).toContain('You wrote: Dec 2021')
    expect(cellText('First held', 1)).toContain('December 2021')

    expect(document.activeElement).toBe(getByRole(body(), 'group', 'Answer'))
    await click('Good')
    expect(document.activeElement?.textContent).toContain('Level — India–Russia')
    expect(api['study:rate']).toHaveBeenCalledWith({ packId: 'fixture', itemId: 'cell:row-first/russia', rating: 3 })
    expect(drill().textContent).toContain('Card 2 of 6')
    expect(cellText('First held', 1)).toMatch(/Reviewed · next/)

    await click('Reveal')
    await click('Again')
    expect(api['study:rate']).toHaveBeenLastCalledWith({ packId: 'fixture', itemId: 'cell:row-level/russia', rating: 1 })
    await click('Reveal')
    await click('Hard')
    await click('Reveal')
    await click('Easy')
    expect(vi.mocked(api['study:rate']).mock.calls.map(([input]) => input.rating)).toEqual([3, 1, 2, 4])
  })

  it('keeps the card and says why when the grade could not be saved; a retry sends the same grade', async () => {
    await openDrill()
    await click('Hide column')
    await click('Reveal')
    failNext('study:rate', 'write-failed', 'disk is full')
    await click('Easy')

    const alert = getByRole(body(), 'alert')
    expect(alert.textContent).toContain('disk is full')
    expect(drill().textContent).toContain('Card 1 of 6')
    expect(getByRole(body(), 'group', 'Answer')).toBeTruthy()
    expect(study.cards.size).toBe(0)

    await click('Try saving again')
    expect(vi.mocked(api['study:rate']).mock.calls.map(([input]) => [input.itemId, input.rating])).toEqual([
      ['cell:row-first/russia', 4],
      ['cell:row-first/russia', 4]
    ])
    expect(allByRole(body(), 'alert')).toHaveLength(0)
    expect(drill().textContent).toContain('Card 2 of 6')
  })

  it('ends with a summary of what was saved', async () => {
    await openDrill()
    await click('Differences only')
    await click('Hide column')
    expect(drill().textContent).toContain('Card 1 of 4')
    for (let i = 0; i < 4; i++) {
      await click('Reveal')
      await click(i === 0 ? 'Again' : 'Good')
    }
    expect(drill().textContent).toContain('Done: 4 of 4 cards saved to your schedule — 1 to see again soon.')
    await click('New drill')
    expect(getByRole(body(), 'heading', 'Start a drill')).toBeTruthy()
  })
})

describe('drill: random and due cells', () => {
  it('hides K random cells from the rows shown', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0)
    await openDrill()
    const count = getByRole(body(), 'spinbutton', 'How many') as HTMLInputElement
    count.value = '3'
    count.dispatchEvent(new Event('input'))
    await click('Hide random cells')
    expect(drill().textContent).toContain('Card 1 of 3')
    const table = getByRole(body(), 'table')
    expect(allByRole(table, 'cell').filter((td) => td.textContent?.trim() === 'Hidden')).toHaveLength(3)
  })

  it('drills the cells main says are due, across tables', async () => {
    study.due = ['cell:row-sanctions/us', 'cell:prow-quad/p-jp']
    await openDrill()
    await click('Start due cells')
    expect(api['study:queue']).toHaveBeenLastCalledWith({ packId: 'fixture', mode: 'due', kinds: ['cell'], limit: 50 })
    expect(drill().textContent).toContain('Card 1 of 2')
    expect(getByRole(body(), 'heading', /^Sanctions/)).toBeTruthy()
    await click('Reveal')
    await click('Good')
    expect(getByRole(body(), 'heading', /^Quad member/)).toBeTruthy()
    expect(getByRole(body(), 'table', 'Four partners')).toBeTruthy()
  })

  it('says when nothing is due', async () => {
    await openDrill()
    await click('Start due cells')
    expect(drill().textContent).toContain('No cells are due right now.')
  })
})

describe('drill: which dialogue?', () => {
  beforeEach(() => void vi.spyOn(Math, 'random').mockReturnValue(0))

  it('masks the giveaway words, scores the choice and rates Good when right, Again when wrong', async () => {
    await openDrill()
    await click('Start Which dialogue?')
    expect(getByRole(body(), 'heading', 'Which dialogue is this from?')).toBeTruthy()
    // No table in this drill: the blank would give the column away.
    expect(allByRole(body(), 'table')).toHaveLength(0)

    const prompt = () => body().querySelector('blockquote')?.textContent ?? ''
    const seen: string[] = []
    let right = 0
    let wrong = 0
    for (let i = 0; i < 8; i++) {
      seen.push(prompt())
      expect(prompt()).not.toMatch(/\bUS\b|Russia/)
      const call = vi.mocked(api['study:rate']).mock.calls.length
      // Answer India–US every time: right for US cells, wrong for Russia cells.
      await click('India–US')
      const [input] = vi.mocked(api['study:rate']).mock.calls[call]!
      const isUs = input.itemId.endsWith('/us')
      expect(input.rating).toBe(isUs ? 3 : 1)
      const result = getByRole(body(), 'status', /^(Right|Wrong)/)
      expect(result.textContent).toMatch(isUs ? /^Right\. It is from India–US\./ : /^Wrong\. You chose India–US; it is from India–Russia\./)
      expect(result.textContent).toContain(isUs ? 'Saved as Good.' : 'Saved as Again.')
      if (isUs) right++
      else wrong++
      await click('Next')
    }
    expect(seen.some((t) => t.includes('[masked]'))).toBe(true)
    expect(drill().textContent).toContain(`Done: 8 of 8 cards saved to your schedule — ${right} right, ${wrong} wrong.`)
  })

  it('a failed save keeps the card until it is saved', async () => {
    await openDrill()
    await click('Start Which dialogue?')
    failNext('study:rate', 'write-failed', 'no space')
    await click('India–Russia')
    expect(getByRole(body(), 'alert').textContent).toContain('no space')
    expect(allByRole(body(), 'button', 'Next')).toHaveLength(0)
    await click('Try saving again')
    expect(allByRole(body(), 'alert')).toHaveLength(0)
    expect(button('Next')).toBeTruthy()
    expect(drill().textContent).toContain('Card 1 of 8')
  })
})
