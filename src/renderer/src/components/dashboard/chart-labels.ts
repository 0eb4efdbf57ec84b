// Why: Chart.js cuts a long category label off at the canvas edge ("e meeting:
// format, ministers, agenda"), and section titles grow long, in Hindi too. So
// an axis label is wrapped at spaces into a few short lines and ends in "…"
// if still too long; the full title stays in the tooltip and the text table.

export const LABEL_LINE_CHARS = 24
export const LABEL_LINES = 2

/** Grapheme clusters, so a Devanagari conjunct or an emoji is never split. */
const graphemes = (text: string): string[] => {
  const seg = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
  return [...seg.segment(text)].map((s) => s.segment)
}

/** One line if it fits, else up to `lines` lines of at most `width` characters, the last ending in "…" when cut. */
export function axisLabel(title: string, width = LABEL_LINE_CHARS, lines = LABEL_LINES): string | string[] {
  const clean = title.replace(/\s+/g, ' ').trim()
  if (graphemes(clean).length <= width) return clean
  const out: string[] = []
  let line: string[] = []
  for (const text of clean.split(' ')) {
    const word = graphemes(text)
    if (line.length && line.length + 1 + word.length <= width) {
      line.push(' ', ...word)
      continue
    }
    if (line.length) out.push(line.join(''))
    line = word
    // A word longer than a line is cut into pieces that fit.
    while (line.length > width) {
      out.push(line.slice(0, width).join(''))
      line = line.slice(width)
    }
  }
  if (line.length) out.push(line.join(''))
  if (out.length <= lines) return out
  const kept = out.slice(0, lines)
  kept[lines - 1] = `${graphemes(kept[lines - 1]!)
    .slice(0, width - 1)
    .join('')
    .trimEnd()}…`
  return kept
}
