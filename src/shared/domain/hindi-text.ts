// Why: a pack's Hindi fields are shown beside the English to Hindi-medium
// students, so a field that is really English (or empty of Hindi) must be
// refused when the pack loads, not shown as if it were a translation. Hindi
// papers keep acronyms such as LEMOA, S-400 or iCET in Latin letters, so
// Latin is allowed inside, but only in acronym shape.

/** A Devanagari letter (not a vowel sign, danda or digit alone). Plain ranges: the search tests every entry's text with it. */
const DEVANAGARI_LETTER = /[\u0904-\u0939\u093d\u0950\u0958-\u0961\u0971-\u097f]/
/** Two lower-case Latin letters in a row: an English word, never an acronym (iCET, mRNA pass). */
const ENGLISH_WORD = /[a-z]{2,}/

export function hasDevanagari(text: string): boolean {
  return DEVANAGARI_LETTER.test(text)
}

/** Why a text cannot stand as a Hindi field, or undefined when it can. */
export function hindiTextProblem(text: string): string | undefined {
  if (!hasDevanagari(text)) return 'a Hindi field must be written in Devanagari'
  const english = ENGLISH_WORD.exec(text)
  if (english) return `a Hindi field keeps Latin letters for acronyms only (found "${english[0]}")`
  return undefined
}
