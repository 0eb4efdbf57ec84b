// Why: vue-i18n's default plural rule is English-only ("0 cards" takes the many
// form); Hindi treats 0 and 1 alike ("0 कार्ड", "1 घंटा", "2 घंटे"). CLDR's
// rules, through Intl.PluralRules, get both right.
import type { Locale } from '@shared/domain/settings'

const INTL_LOCALE: Record<Locale, string> = { en: 'en-IN', hi: 'hi-IN' }

/**
 * The vue-i18n plural rule for `locale`. Messages give two forms ("one | other")
 * or three ("zero | one | other"); with three, zero has its own form in both languages.
 */
export function pluralIndex(locale: Locale): (choice: number, choicesLength: number) => number {
  const rules = new Intl.PluralRules(INTL_LOCALE[locale])
  return (choice, choicesLength) => {
    const n = Math.abs(choice)
    const one = rules.select(n) === 'one'
    if (choicesLength >= 3) return n === 0 ? 0 : one ? 1 : 2
    return one ? 0 : 1
  }
}
