// Why: "0 cards" but "0 कार्ड"/"1 घंटा"/"2 घंटे": the two languages split counts
// into forms differently, and vue-i18n's built-in rule only knows English.
import { describe, expect, it } from 'vitest'
import { pluralIndex } from '@renderer/i18n/plural'

describe('pluralIndex', () => {
  it('English: one for 1 only; zero has its own form when given three', () => {
    const en = pluralIndex('en')
    expect([0, 1, 2, 5].map((n) => en(n, 2))).toEqual([1, 0, 1, 1])
    expect([0, 1, 2].map((n) => en(n, 3))).toEqual([0, 1, 2])
  })

  it('Hindi: 0 and 1 both take the singular form', () => {
    const hi = pluralIndex('hi')
    expect([0, 1, 2, 5].map((n) => hi(n, 2))).toEqual([0, 0, 1, 1])
    expect([0, 1, 2].map((n) => hi(n, 3))).toEqual([0, 1, 2])
  })
})
