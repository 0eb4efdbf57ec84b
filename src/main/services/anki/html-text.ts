// Why: Anki fields are HTML, and the app never renders a deck's HTML. An
// imported field is reduced to plain text here (tags dropped, line breaks
// kept, entities decoded, scripts and styles dropped with their content), so
// `<script>` in a deck can only ever reach the page as the letters "<script>"
// shown by Vue's text interpolation.

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  middot: '·',
  times: '×',
  deg: '°',
  rarr: '→',
  larr: '←'
}

function codePoint(n: number): string {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : '\uFFFD'
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi, (all, body: string) => {
    if (body[0] === '#') return codePoint(body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10))
    return NAMED[body.toLowerCase()] ?? all
  })
}

/** An Anki field as plain text: one line per block or <br>, runs of spaces folded. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<(script|style)\b[\s\S]*?(<\/\1\s*>|$)/gi, '')
    .replace(/<!--[\s\S]*?(-->|$)/g, '')
    .replace(/\[sound:[^\]]*\]/g, '')
    .replace(/<br\s*\/?>|<\/(div|p|li|tr|h[1-6])\s*>/gi, '\n')
    .replace(/<[a-z/!][^>]*>/gi, '')
  return decodeEntities(text)
    .replace(/\r\n|\r/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\t \u00a0]+/g, ' ').trim())
    .filter((line, i, all) => line !== '' || (i > 0 && all[i - 1] !== ''))
    .join('\n')
    .trim()
}

/** Media a field refers to (pictures and sounds), which an import leaves out. */
export function countMedia(html: string): number {
  return (html.match(/<img\b|\[sound:/gi) ?? []).length
}
