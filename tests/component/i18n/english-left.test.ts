// Why: the check that finds English left on a Hindi screen must itself be able
// to fail, and must not flag what is rightly English: pack content, the
// student's own text, and acronyms.
import { describe, expect, it } from 'vitest'
import { englishLeft, HINDI_UI_ALLOWED } from '../../support/english-left'

function root(html: string): HTMLElement {
  const el = document.createElement('div')
  el.innerHTML = html
  document.body.append(el)
  return el
}

describe('englishLeft', () => {
  it('finds English interface words, in text and in accessible names', () => {
    const el = root('<h1>सेटिंग्स</h1><button aria-label="Close panel">✕</button><p>Saved</p>')
    expect(englishLeft({ root: el, allowed: HINDI_UI_ALLOWED })).toEqual(['Close', 'Saved', 'panel'])
  })

  it('passes pack content, the student’s own text, acronyms and hidden text', () => {
    const el = root(
      '<p>LEMOA, AUKUS, AK-203 और GS-I</p><article lang="en"><h2>The 2+2 dialogue</h2></article><blockquote data-own-text>my own note</blockquote><p hidden>Hidden</p><p lang="hi">हिन्दी</p>'
    )
    expect(englishLeft({ root: el, allowed: HINDI_UI_ALLOWED })).toEqual([])
  })
})
