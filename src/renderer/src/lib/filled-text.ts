// Why: a message that names a pack or a file is kept as its parts until it is
// shown, so the title can sit in its own lang-marked element (and the file
// name be marked as the student's) instead of melting into the sentence.
import { t, type MessageKey } from '@renderer/i18n'

export interface FilledText {
  message: MessageKey
  /** Plain values: numbers, counts already in words. */
  named?: Record<string, unknown>
  /** Text from a pack (titles, main's warnings): English unless written in Devanagari. */
  content?: Record<string, string>
  /** The student's own text, such as the name of the file they chose. */
  own?: Record<string, string>
  count?: number
}

/** The message as one plain string, for a status that is read as text. */
export function fillText({ message, named, content, own, count }: FilledText): string {
  const all = { ...named, ...content, ...own }
  return count === undefined ? t(message, all) : t(message, count, all)
}

/**
 * Pack text is English unless it is written in Devanagari alone (a student's
 * Hindi notes): the lang a screen reader and the Hindi check go by.
 */
export const contentLang = (text: string): 'hi' | 'en' => (/[\u0900-\u097F]/.test(text) && !/[A-Za-z]/.test(text) ? 'hi' : 'en')
