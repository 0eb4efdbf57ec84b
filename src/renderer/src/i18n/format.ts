// Why: numbers and dates in the language the page shows. Both languages group
// digits the Indian way (1,00,000); Hindi dates name the month in Hindi. Read
// inside a render or a computed, these follow a change of language.
import { formatDateTime as formatDateTimeIn, formatDay as formatDayIn, formatLocalDay as formatLocalDayIn } from '@shared/domain/dates'
import { currentLocale } from './index'

const NUMBER_LOCALE = { en: 'en-IN', hi: 'hi-IN' } as const
const cache = new Map<string, Intl.NumberFormat>()

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const locale = NUMBER_LOCALE[currentLocale()]
  const key = `${locale}:${JSON.stringify(options)}`
  let format = cache.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, options)
    cache.set(key, format)
  }
  return format
}

/** 100000 → "1,00,000" in both languages. */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(options).format(value)
}

/** 0.873 → "87%"; `digits` decimal places. */
export function formatPercent(fraction: number, digits = 0): string {
  return numberFormat({ style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(fraction)
}

export function formatDay(iso: string, options: { year?: boolean } = {}): string {
  return formatDayIn(iso, { ...options, locale: currentLocale() })
}

export function formatLocalDay(at: Date | string): string {
  return formatLocalDayIn(at, currentLocale())
}

export function formatDateTime(at: Date | string): string {
  return formatDateTimeIn(at, currentLocale())
}
