// Why: a cloze is text with exactly one `{{blank}}`. Pack questions and the
// cards a student makes from a highlight both use it, and the page cuts a
// card to the sizes main accepts, so the marker and the limits live here once.

export const BLANK = '{{blank}}'
/** A card made from a highlight: the passage with its blank… */
export const CLOZE_TEXT_MAX = 1000
/** …and the highlighted words it hides. */
export const CLOZE_ANSWER_MAX = 200

export function hasOneBlank(text: string): boolean {
  return text.split(BLANK).length === 2
}

/** Cloze text split around its one blank. */
export function clozeParts(text: string): [string, string] {
  const [before = '', after = ''] = text.split(BLANK)
  return [before, after]
}
