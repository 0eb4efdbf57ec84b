// Why: a translated sentence that embeds text in another language (a student's
// query, a quote from the pack) must mark that text apart, and where it sits
// differs by language; so the sentence stays one message and is cut at the
// embedded text after it is translated.

/** A sentence in three parts, `value` (the embedded text) between the two. */
export interface Slotted {
  before: string
  value: string
  after: string
}

// A private-use character: no message, query or pack text holds one.
const SLOT = '\uE000'

/** Renders `message` with a slot where `value` goes, then cuts it there. */
export function slotted(message: (slot: string) => string, value: string): Slotted {
  const text = message(SLOT)
  const at = text.indexOf(SLOT)
  if (at === -1) return { before: text, value: '', after: '' }
  return { before: text.slice(0, at), value, after: text.slice(at + SLOT.length) }
}

/** A sentence with nothing embedded. */
export function plain(text: string): Slotted {
  return { before: text, value: '', after: '' }
}
