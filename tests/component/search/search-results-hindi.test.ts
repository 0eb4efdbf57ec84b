// Why: a Hindi-medium student who searches in Hindi must see the Hindi name of
// what they found, and a screen reader must read a Hindi match as Hindi, not
// spell it out with an English voice.
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import SearchResults from '@renderer/components/search/SearchResults.vue'
import type { SearchResult } from '@shared/domain/search'

const hit = (over: Partial<SearchResult>): SearchResult => ({
  kind: 'glossary',
  id: 'g-constitution',
  packId: 'p',
  title: 'Constitution',
  snippet: { before: '', match: 'Constitution', after: ': the supreme law' },
  score: 1,
  ...over
})

describe('search results in two languages', () => {
  it('shows the Hindi title under the English one, and marks a Hindi snippet as Hindi', () => {
    const wrapper = mount(SearchResults, {
      props: { results: [hit({ titleHi: 'संविधान', snippet: { before: '', match: 'संविधान', after: '' } })], active: 0, listId: 'r' }
    })
    const hindi = wrapper.find('.result__title--hi')
    expect(hindi.text()).toBe('संविधान')
    expect(hindi.attributes('lang')).toBe('hi')
    expect(wrapper.find('.result__title').attributes('lang')).toBe('en')
    expect(wrapper.find('.result__snippet').attributes('lang')).toBe('hi')
  })

  it('keeps an English hit English, with no Hindi title', () => {
    const wrapper = mount(SearchResults, { props: { results: [hit({})], active: 0, listId: 'r' } })
    expect(wrapper.find('.result__title--hi').exists()).toBe(false)
    expect(wrapper.find('.result__snippet').attributes('lang')).toBe('en')
  })

  it('leaves a note’s snippet as the student’s own words', () => {
    const wrapper = mount(SearchResults, {
      props: { results: [hit({ kind: 'annotation', snippet: { before: '', match: 'मेरा नोट', after: '' } })], active: 0, listId: 'r' }
    })
    expect(wrapper.find('.result__snippet').attributes('lang')).toBeUndefined()
    expect(wrapper.find('.result__snippet').attributes('data-own-text')).toBe('')
  })
})
