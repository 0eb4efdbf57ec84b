// Why: one i18n instance for the whole page. English is bundled with the first
// route; Hindi is fetched (from the app's own files) only once it is chosen.
// Messages arrive precompiled by @intlify/unplugin-vue-i18n, so the runtime
// never compiles a message and the CSP needs no 'unsafe-eval'.
import { createI18n } from 'vue-i18n'
import type { Locale } from '@shared/domain/settings'
import en, { type Messages } from './locales/en'
import { pluralIndex } from './plural'

/** Every message key, as a dotted path ("shell.skip"), so a mistyped key fails the typecheck. */
type Paths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Paths<T[K], `${Prefix}${K}.`>
}[keyof T & string]
export type MessageKey = Paths<Messages>

export const i18n = createI18n({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: { en } as Record<string, Messages>,
  pluralRules: { en: pluralIndex('en'), hi: pluralIndex('hi') },
  // A missing Hindi message falls back to English without console noise; the catalogue test catches it first.
  missingWarn: false,
  fallbackWarn: false
})

type Named = Record<string, unknown>

/** A message in the current language; `count` picks the plural form and fills {count}. */
export function t(key: MessageKey, named?: Named): string
export function t(key: MessageKey, count: number, named?: Named): string
export function t(key: MessageKey, a?: Named | number, b?: Named): string {
  if (typeof a === 'number') return i18n.global.t(key, { count: a, n: a, ...b }, a)
  return a ? i18n.global.t(key, a) : i18n.global.t(key)
}

/** The language the page shows now (reactive inside a render or a computed). */
export function currentLocale(): Locale {
  return i18n.global.locale.value === 'hi' ? 'hi' : 'en'
}

const loading = new Map<Locale, Promise<void>>()

async function ensureMessages(locale: Locale): Promise<void> {
  if (i18n.global.availableLocales.includes(locale)) return
  let pending = loading.get(locale)
  if (!pending) {
    pending = import('./locales/hi').then((m) => i18n.global.setLocaleMessage('hi', m.default as unknown as Messages))
    loading.set(locale, pending)
    pending.catch(() => loading.delete(locale))
  }
  await pending
}

/** Shows the page in `locale`, loading its messages first, and keeps <html lang> in step. */
export async function applyLocale(locale: Locale): Promise<void> {
  await ensureMessages(locale)
  i18n.global.locale.value = locale
  if (typeof document !== 'undefined') document.documentElement.lang = locale
}

/** The language to start in before the student has chosen one: the system's, if it is Hindi. */
export function systemLocale(languages: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages): Locale {
  const first = languages[0]?.toLowerCase() ?? ''
  return first === 'hi' || first.startsWith('hi-') ? 'hi' : 'en'
}
