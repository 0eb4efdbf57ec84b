// Why: a Hindi screen with one English button left is easy to miss by eye. This
// walks the visible text of a page and returns the Latin-script words that are
// interface text. Pack content (marked lang="en", the language it is written
// in) and the student's own text (data-own-text) are not interface text, and
// acronyms Hindi papers keep in Latin script (LEMOA, GS-I, FSRS) are allowed.
// Self-contained, with one plain argument, so Playwright can pass it to
// page.evaluate as it is.

export function englishLeft({ root = document.body, allowed, names = true }: { root?: Element; allowed: readonly string[]; names?: boolean }): string[] {
  const allow = new Set(allowed.map((w) => w.toLowerCase()))
  const found = new Set<string>()
  const skip = (el: Element | null): boolean => {
    for (let at = el; at; at = at.parentElement) {
      if (at.hasAttribute('data-own-text')) return true
      const lang = at.getAttribute('lang')
      if (lang !== null) return !lang.startsWith('hi')
      const view = at.ownerDocument.defaultView
      const style = view?.getComputedStyle(at)
      if (at.hasAttribute('hidden') || style?.display === 'none' || style?.visibility === 'hidden') return true
      if (at.tagName === 'SCRIPT' || at.tagName === 'STYLE' || at.tagName === 'TEMPLATE') return true
    }
    return false
  }
  const texts: string[] = []
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (!skip(node.parentElement)) texts.push(node.textContent ?? '')
  // Accessible names and hints the eye does not see but a screen reader speaks. An attribute cannot
  // carry lang, so one that quotes pack words ("Sources for Troops") is checked in component tests, not here.
  if (names)
    for (const el of Array.from(root.querySelectorAll('[aria-label], [title], [placeholder], [alt]')))
      if (!skip(el)) for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) texts.push(el.getAttribute(attr) ?? '')
  for (const text of texts)
    for (const word of text.match(/[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]/g) ?? []) {
      // One letter (a, x, GS-I's "I") and Roman numerals are not English words.
      // Acronyms (AUKUS, UAE, AK-203's "AK") are kept in Latin script by Hindi papers: capitals only are allowed.
      if (word.length < 2 || /^[IVX]+$/.test(word) || /^[A-Z][A-Z0-9-]*[A-Z0-9]$/.test(word)) continue
      if (!allow.has(word.toLowerCase())) found.add(word)
    }
  return [...found].sort()
}

/** Latin-script words a Hindi interface may show: acronyms, names, units and keys. */
export const HINDI_UI_ALLOWED = [
  'UPSC',
  'GS',
  'GS-I',
  'GS-II',
  'GS-III',
  'GS-IV',
  'FSRS',
  'CSV',
  'PDF',
  'JSON',
  'Anki',
  'AnkiDroid',
  'apkg',
  'md',
  'docx',
  'px',
  'Alt',
  'Ctrl',
  'Cmd',
  'Shift',
  'Enter',
  'Esc',
  'Tab',
  'LEMOA',
  'COMCASA',
  'BECA',
  'GSOMIA',
  'RELOS',
  'CAATSA',
  'QUAD',
  'Quad',
  'BRICS',
  'SCO',
  'IORA',
  'NSG',
  'MTCR',
  'S-400',
  'AK-203',
  'RMSE',
  'Language',
  'English',
  'KB',
  'MB',
  'min',
  'OK'
] as const
