// Why: the syllabus packs' checks guard what students trust, so each must be shown to catch what it
// is for; a check that can never fail would let a lifted sentence or a one-site figure through.
import { describe, expect, it } from 'vitest'
import { FIGURE_OR_DATE, MAKING_OF, hostOf, referenceTexts, runsOf } from './syllabus-pack-checks'

describe('syllabus pack checks', () => {
  it('finds a 10-word run copied from a reference fact, and none in a rewording', () => {
    const refs = referenceTexts()
    const fact = refs.find((r) => r.name === 'S003.fact')
    expect(fact).toBeDefined()
    const runs = runsOf(fact!.text, fact!.run)
    const copied = `Note: ${fact!.text}`
    const reworded = 'At the General Assembly on 2 March 2022, 141 states backed the text, five opposed it and India was among 35 abstainers.'
    expect([...runsOf(copied, 10)].some((w) => runs.has(w))).toBe(true)
    expect([...runsOf(reworded, 10)].some((w) => runs.has(w))).toBe(false)
  })

  it('spots figures and dates, and not platform names', () => {
    for (const text of [
      'signed in 1971',
      'a 25% share',
      '$5.43 billion',
      'about 2 million barrels',
      '₹ 500 crore',
      '1971 की संधि',
      '46 प्रतिशत',
      '6 लाख',
      '300 किलोमीटर'
    ]) {
      expect(FIGURE_OR_DATE.test(text), text).toBe(true)
    }
    for (const text of ['the S-400 system', 'AK-203 rifles', 'the 2+2 format', 'MQ-9B drones', 'the 123 Agreement', 'S-400 वायु रक्षा प्रणाली', '123 समझौता']) {
      expect(FIGURE_OR_DATE.test(text), text).toBe(false)
    }
  })

  it('flags words about how the notes were made, and allows the UPSC stem "With reference to"', () => {
    for (const text of ['As the reference facts say', 'see S017', 'U48 says', 'no date is recorded here', 'a claim uncorroborated elsewhere']) {
      expect(
        MAKING_OF.some((re) => re.test(text)),
        text
      ).toBe(true)
    }
    for (const text of ['With reference to the SCO, consider the following statements:', 'The S-400 and S400 names']) {
      expect(
        MAKING_OF.some((re) => re.test(text)),
        text
      ).toBe(false)
    }
  })

  it('treats www, m and amp copies of a site as one site', () => {
    expect(hostOf('https://www.thehindu.com/a')).toBe(hostOf('https://m.thehindu.com/b'))
    expect(hostOf('https://amp.scroll.in/x')).toBe('scroll.in')
  })
})
