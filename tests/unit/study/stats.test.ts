// Why: the dashboard is how a student judges their week; its counts must add
// up on a fixed clock: days, streak, due forecast and per-section mastery.
import { afterEach, describe, expect, it } from 'vitest'
import { DAY_MS, harness, IST, type Harness } from './helpers'

let h: Harness
afterEach(async () => h?.close())
const P = 'polity'

describe('study:stats', () => {
  it('counts reviews per day, the streak ending today or yesterday, and the due forecast', async () => {
    h = await harness()
    const fresh = h.service.stats(P)
    expect(fresh.reviewsPerDay).toHaveLength(90)
    expect(fresh.reviewsPerDay.at(-1)).toEqual({ date: '2026-11-25', reviews: 0 })
    expect(fresh.streak).toEqual({ days: 0, reviewedToday: false })
    expect(fresh.dueForecast).toHaveLength(14)
    expect(fresh.totals).toMatchObject({ items: 8, new: 8, learning: 0, review: 0, dueNow: 0, mastery: 0 })

    // Three days in a row, one day off, then two days.
    for (const gap of [0, 1, 1, 2, 1]) {
      h.advance(gap * DAY_MS)
      await h.service.rate({ packId: P, itemId: 'q:q-1', rating: 3 })
      await h.service.rate({ packId: P, itemId: 'q:q-3', rating: 4 })
    }
    const s = h.service.stats(P)
    expect(s.today).toBe('2026-11-30')
    expect(s.reviewsPerDay.slice(-6).map((d) => d.reviews)).toEqual([2, 2, 2, 0, 2, 2])
    expect(s.streak).toEqual({ days: 2, reviewedToday: true })
    h.advance(DAY_MS)
    expect(h.service.stats(P).streak).toEqual({ days: 2, reviewedToday: false })
    h.advance(DAY_MS)
    expect(h.service.stats(P).streak).toEqual({ days: 0, reviewedToday: false })

    const later = h.service.stats(P)
    expect(later.dueForecast[0]!.date).toBe(later.today)
    const dueDays = ['q:q-1', 'q:q-3'].map((id) => IST.dayOf(new Date(h.service.store.card(P, id)!.due)))
    for (const { date, due } of later.dueForecast) expect(due, date).toBe(dueDays.filter((d) => d === date).length)
    // Overdue cards count on today.
    h.advance(60 * DAY_MS)
    expect(h.service.stats(P).dueForecast[0]!.due).toBe(2)
    expect(h.service.stats(P).totals.dueNow).toBe(2)
  })

  it('gives mastery per section: mean recall with unseen items as 0, and recall over seen items', async () => {
    h = await harness()
    await h.service.rate({ packId: P, itemId: 'q:q-3', rating: 4 })
    const [one, two] = h.service.stats(P).sections
    expect(one).toMatchObject({ sectionId: 'sec-one', items: 4, new: 4, mastery: 0, recall: null })
    expect(two).toMatchObject({ sectionId: 'sec-two', items: 3, new: 2, review: 1 })
    expect(two!.recall).toBeCloseTo(1, 6)
    expect(two!.mastery).toBeCloseTo(1 / 3, 6)
    h.advance(30 * DAY_MS)
    const faded = h.service.stats(P).sections[1]!
    expect(faded.recall!).toBeLessThan(0.9)
    expect(faded.mastery).toBeCloseTo(faded.recall! / 3, 10)
  })
})
