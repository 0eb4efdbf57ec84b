// Why: every date the student reads is written here, with Intl.DateTimeFormat
// in a fixed locale per language, so the result never depends on the machine's
// language settings: "6 Dec 2021", the day-month order of Indian exam papers. Calendar
// days cross the bridge as YYYY-MM-DD; instants as ISO strings.

/** The page's languages; main always formats in English. */
export type DateLocale = 'en' | 'hi'
const INTL_LOCALE: Record<DateLocale, string> = { en: 'en-GB', hi: 'hi-IN' }
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const ISO_MONTH = /^\d{4}-\d{2}$/

type Style = 'day' | 'dayNoYear' | 'month' | 'localDayNoYear' | 'localDateTime'
const STYLES: Record<Style, Intl.DateTimeFormatOptions> = {
  // A calendar day has no time zone: format its UTC midnight in UTC.
  day: { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' },
  dayNoYear: { day: 'numeric', month: 'short', timeZone: 'UTC' },
  month: { month: 'short', year: 'numeric', timeZone: 'UTC' },
  // An instant is shown on the student's own clock.
  localDayNoYear: { day: 'numeric', month: 'short' },
  localDateTime: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
}
const formats = new Map<string, Intl.DateTimeFormat>()

function format(style: Style, locale: DateLocale): Intl.DateTimeFormat {
  const key = `${locale}:${style}`
  let f = formats.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale], STYLES[style])
    formats.set(key, f)
  }
  return f
}

/** Midnight UTC of a YYYY-MM-DD day, or NaN if it is not a real day (2026-02-30). */
function dayMs(day: string): number {
  const m = ISO_DAY.exec(day)
  if (!m) return NaN
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  // setUTCFullYear, unlike Date.UTC, keeps years 0–99 as written; only a day that round-trips is real.
  const at = new Date(0)
  at.setUTCFullYear(y, mo - 1, d)
  return at.getUTCFullYear() === y && at.getUTCMonth() === mo - 1 && at.getUTCDate() === d ? at.getTime() : NaN
}

/** Is `text` a real calendar day written YYYY-MM-DD? */
export function isCalendarDay(text: string): boolean {
  return !Number.isNaN(dayMs(text))
}

/**
 * A pack or plan date as the student reads it: "2021-12-06" → "6 Dec 2021",
 * "2021-12" → "Dec 2021". `year: false` drops the year ("6 Dec", for chart
 * labels). Anything else is shown as given rather than as "Invalid Date".
 */
export function formatDay(iso: string, options: { year?: boolean; locale?: DateLocale } = {}): string {
  const locale = options.locale ?? 'en'
  const ms = dayMs(iso)
  if (!Number.isNaN(ms)) return format(options.year === false ? 'dayNoYear' : 'day', locale).format(ms)
  const monthMs = ISO_MONTH.test(iso) ? dayMs(`${iso}-01`) : NaN
  if (!Number.isNaN(monthMs)) return format('month', locale).format(monthMs)
  return iso
}

/** An instant's day on the student's clock, without the year: "14 Jun". */
export function formatLocalDay(at: Date | string, locale: DateLocale = 'en'): string {
  return format('localDayNoYear', locale).format(new Date(at))
}

/** An instant on the student's clock: "6 Dec 2021, 14:05". */
export function formatDateTime(at: Date | string, locale: DateLocale = 'en'): string {
  return format('localDateTime', locale).format(new Date(at))
}

/** The UTC calendar day of a time in ms since the epoch, YYYY-MM-DD: exact day arithmetic works on these. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/** The calendar day of an instant on the student's clock, YYYY-MM-DD (the zone's offset at that instant, so summer time is right). */
export function localDay(at: Date | string): string {
  const d = new Date(at)
  return utcDay(d.getTime() - d.getTimezoneOffset() * 60_000)
}
