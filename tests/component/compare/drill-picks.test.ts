// Why: a drill that picks unanswerable cells, or a prompt that prints the answer, teaches nothing; the picking and masking rules are pinned here.
import { describe, expect, it } from 'vitest'
import { columnCards, distinguishingWords, MASK, maskLabels, randomCards, shuffle, whichCards } from '@renderer/lib/drill-picks'
import { comparePack } from './setup'

const table = () => comparePack().tables[0]!
/** A repeatable "random": always the first slot. */
const first = () => 0

describe('picking cells', () => {
  it('hide a column: every row of that column, top to bottom', () => {
    const t = table()
    expect(columnCards(t, t.rows, 'russia').map((c) => c.itemId)).toEqual(t.rows.map((r) => `cell:${r.id}/russia`))
  })

  it('random cells: K distinct cells, kept in table order', () => {
    const t = table()
    const picked = randomCards(t, t.rows, 4, first)
    expect(picked).toHaveLength(4)
    expect(new Set(picked.map((c) => c.itemId)).size).toBe(4)
    const order = t.rows.flatMap((r) => t.columns.map((c) => `cell:${r.id}/${c.id}`))
    const positions = picked.map((c) => order.indexOf(c.itemId))
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
    expect(randomCards(t, t.rows, 99, first)).toHaveLength(order.length)
  })

  it('which dialogue: only "differ" rows, and never a text both columns share', () => {
    const t = table()
    const cards = whichCards(t, t.rows, 100, first)
    expect(cards.every((c) => t.rows.find((r) => r.id === c.rowId)?.relation === 'differ')).toBe(true)
    expect(cards.some((c) => c.rowId === 'row-level' || c.rowId === 'row-terror')).toBe(false)
    expect(cards).toHaveLength(8)
    expect(whichCards(t, t.rows, 3, first)).toHaveLength(3)
  })

  it('shuffle keeps every item', () => {
    expect(shuffle([1, 2, 3, 4], Math.random).sort()).toEqual([1, 2, 3, 4])
  })
})

describe('masking', () => {
  it('finds the words that tell the columns apart, not the shared ones', () => {
    const words = distinguishingWords(['India–US 2+2', 'India–Russia 2+2'])
    expect(words).toEqual(expect.arrayContaining(['US', 'Russia', 'Washington', 'Moscow']))
    expect(words).not.toContain('India')
    expect(words).not.toContain('2+2')
  })

  it('masks names and their endings, but not words that merely contain them', () => {
    const labels = ['India–US 2+2', 'India–Russia 2+2']
    expect(maskLabels('The US is the sanctioning side', labels)).toBe(`The ${MASK} is the sanctioning side`)
    expect(maskLabels("Russian kit and Russia's view, used in Moscow", labels)).toBe(`${MASK} kit and ${MASK}'s view, used in ${MASK}`)
    expect(maskLabels('India and its users', labels)).toBe('India and its users')
  })

  it('works for multi-word labels too', () => {
    expect(maskLabels('United States and Japanese forces', ['United States', 'Japan'])).toBe(`${MASK} ${MASK} and ${MASK} forces`)
  })
})
