// Why: a sentence with one number in bold ("about **12** reviews a day") is one
// message, so each language puts the number where its grammar wants it; the
// page splits the message there and wraps the number, with no markup in messages.

const MARK = '\u0001'

/** The text before and after the placeholder that `message` fills with the marker it is given. */
export function around(message: (mark: string) => string): [before: string, after: string] {
  const [before = '', after = ''] = message(MARK).split(MARK)
  return [before, after]
}
