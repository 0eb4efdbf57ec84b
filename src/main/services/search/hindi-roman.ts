// Why: a Hindi-medium student types Hindi words in Latin letters the way they
// say them ("samvidhan", "dwipakshiya", "sambandh"), in no fixed scheme, and
// may type संबंध or सम्बन्ध for the same word. So Hindi text and the query
// are both folded to one loose Latin spelling: Devanagari goes through
// Sanscript's Harvard-Kyoto scheme (plain ASCII), then both sides drop what
// people spell in different ways (vowel length, sh/s, w/v, nasal before a
// consonant, doubled letters, a final a). MiniSearch's fuzzy match forgives
// what is left, such as a dropped middle a ("samjhauta" for समझौता).
import Sanscript from '@indic-transliteration/sanscript'
import { hasDevanagari } from '../../../shared/domain/hindi-text'

export { hasDevanagari }

/** Devanagari signs Harvard-Kyoto has no letter for, turned into the nearest sign it has. */
const BEFORE_HK: ReadonlyArray<[RegExp, string]> = [
  [/\u200c|\u200d|\u093c/g, ''], // joiners and the nukta: ज़ is typed z or j, and z folds to j anyway
  [/\u0949/g, '\u094b'], // ॉ (as in लॉजिस्टिक्स) → ो
  [/\u0911/g, '\u0913'], // ऑ → ओ
  [/\u0945/g, '\u0947'], // ॅ → े
  [/\u090d/g, '\u090f'] // ऍ → ए
]

/** Harvard-Kyoto letters (case matters there) → what a person types. */
const FROM_HK: ReadonlyArray<[RegExp, string]> = [
  [/lRR?/g, 'li'],
  [/RR?/g, 'ri'], // ऋ: कृषि → krishi
  [/[zS]/g, 'sh'], // श, ष
  [/[GJNM~]/g, 'n'], // ङ, ञ, ण, anusvara, candrabindu
  [/H/g, ''] // visarga
]

/**
 * Hindi drops the inherent a of a consonant between two voiced syllables
 * (समझौता is said samjhauta, रणनीति ranniti); Sanscript writes it. In
 * Harvard-Kyoto a short a is `a` and a long one `A`, so the rule can be
 * applied there: vowel, consonant, a, consonant, vowel (not a final a).
 */
const HK_SCHWA = /([aAiIuUeoR])((?:[kgcjTDtdpb]h|[kgGcjJTDNtdnpbmyrlvzSsh]))a((?:[kgcjTDtdpb]h|[kgGcjJTDNtdnpbmyrlvzSsh]))(?=[AiIuUeoR]|a(?!$))/g

const hkToLatin = (hk: string): string => {
  let text = hk
  for (const [from, to] of FROM_HK) text = text.replace(from, to)
  return text.toLowerCase().replace(/[^a-z0-9]/g, '')
}

/** A Devanagari word in plain lower-case Latin letters, before folding: as written, then with the unspoken a dropped. */
export function devanagariToLatin(word: string): [written: string, spoken: string] {
  let text = word.normalize('NFC')
  for (const [from, to] of BEFORE_HK) text = text.replace(from, to)
  const hk = Sanscript.t(text, 'devanagari', 'hk')
  return [hkToLatin(hk), hkToLatin(hk.replace(HK_SCHWA, '$1$2$3'))]
}

/** Spellings of one sound that people mix, each folded to one. Order matters: ee before doubled letters, ch before c. */
const FOLDS: ReadonlyArray<[RegExp, string]> = [
  [/x/g, 'ks'],
  [/q/g, 'k'],
  [/z/g, 'j'],
  [/w/g, 'v'],
  [/f/g, 'ph'],
  [/ee/g, 'i'],
  [/oo/g, 'u'],
  [/chh?/g, 'c'],
  [/sh/g, 's'],
  [/[mn](?=[^aeiou0-9])/g, 'n'], // संबंध / सम्बन्ध / sambandh / sanbandh
  [/(.)\1+/g, '$1'] // aa, ii, tt …
]

/** A Latin word (as typed, IAST accents allowed) in the loose spelling both sides are compared in. */
export function foldLatin(word: string): string {
  let text = word
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '')
  for (const [from, to] of FOLDS) text = text.replace(from, to)
  // A final a is the inherent vowel Hindi drops in speech (भारत → bharat), or a long ā people type as a.
  // Not on short words, where it would turn English ones into Hindi particles ("sea" → se, से).
  return text.length > 3 && text.endsWith('a') ? text.slice(0, -1) : text
}

const spellings = (word: string): string[] => {
  const [written, spoken] = devanagariToLatin(word).map(foldLatin) as [string, string]
  if (written === '') return []
  return written === spoken || spoken === '' ? [written] : [written, spoken]
}

/**
 * Hindi's postpositions, conjunctions and pronouns (से, के, में, और …) are in
 * nearly every Hindi meaning; spelt in Latin they are also bits of English
 * ("se", "ke", "the" for थे), so they would tie any query to every entry.
 * Devanagari searches still find them through the main index.
 */
const STOP_WORDS = new Set(
  'का की के को में से पर ने और है हैं था थी थे एक यह वह ये वे इस उस जो तक लिए साथ भी तो कि हो या तथा एवं द्वारा इसका इसकी इसके उसका उसकी उसके जिसका जिसकी जिसके'
    .split(' ')
    .flatMap(spellings)
)

/** What a typed query word (either script) is looked up as; '' when nothing is left to match. */
export function romanTerm(word: string): string {
  const term = foldLatin(hasDevanagari(word) ? devanagariToLatin(word)[0] : word)
  return STOP_WORDS.has(term) ? '' : term
}

/** Hindi text repeats its words (and packs repeat each other's), so each is romanised once; cleared when full rather than grown without end. */
const known = new Map<string, readonly string[]>()
const KNOWN_MAX = 50_000

/** What a Hindi word is indexed as: its folded spellings, as written and as said (one when they agree); none for a particle. */
export function romanSpellings(word: string): readonly string[] {
  let found = known.get(word)
  if (found === undefined) {
    if (known.size >= KNOWN_MAX) known.clear()
    found = spellings(word).filter((t) => !STOP_WORDS.has(t))
    known.set(word, found)
  }
  return found
}
