// Why: "today", streaks, per-day counts and the exam countdown are calendar
// days in the student's time zone. Day arithmetic is done on YYYY-MM-DD
// strings so it is exact; only the step from an instant to a day needs the
// zone, which tests pin with a fixed offset instead of the machine's TZ.
import { localDay, utcDay } from '../../../shared/domain/dates'

const MS_PER_DAY = 86_400_000

export interface Calendar {
  /** The student's calendar day of an instant, YYYY-MM-DD. */
  dayOf(at: Date): string
  /** The instant the day starts (local midnight). */
  startOf(day: string): Date
}

function dayMs(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`)
}

/** A zone with a fixed UTC offset, e.g. 330 for India (IST has no daylight saving). */
export function fixedOffsetCalendar(offsetMinutes: number): Calendar {
  const off = offsetMinutes * 60_000
  return {
    dayOf: (at) => utcDay(at.getTime() + off),
    startOf: (day) => new Date(dayMs(day) - off)
  }
}

/** The machine's own zone (what the student's clock says). */
export const localCalendar: Calendar = {
  dayOf: localDay,
  startOf: (day) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number]
    return new Date(y, m - 1, d)
  }
}

export function addDays(day: string, n: number): string {
  return utcDay(dayMs(day) + n * MS_PER_DAY)
}

/** Whole days from `from` to `to` (negative if `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayMs(to) - dayMs(from)) / MS_PER_DAY)
}

/** `count` consecutive days ending with `last`, oldest first. */
export function daysEnding(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(last, i - count + 1))
}

/**
 * Date.parse(iso), read off the digits when `iso` has the form cards are
 * stored in (toISOString's YYYY-MM-DDTHH:mm:ss.sssZ): the exam plan reads
 * 20,000 instants on every dashboard visit, and Date.parse costs several times
 * as much. Any other form, or a field out of range, goes to Date.parse.
 */
export function isoMs(iso: string): number {
  const shaped =
    iso.length === 24 &&
    iso.charCodeAt(4) === DASH &&
    iso.charCodeAt(7) === DASH &&
    iso.charCodeAt(10) === T &&
    iso.charCodeAt(13) === COLON &&
    iso.charCodeAt(16) === COLON &&
    iso.charCodeAt(19) === DOT &&
    iso.charCodeAt(23) === Z
  if (!shaped) return Date.parse(iso)
  const century = twoDigits(iso, 0)
  const yy = twoDigits(iso, 2)
  const m = twoDigits(iso, 5)
  const d = twoDigits(iso, 8)
  const hh = twoDigits(iso, 11)
  const mm = twoDigits(iso, 14)
  const ss = twoDigits(iso, 17)
  const cs = twoDigits(iso, 20)
  const lastMs = iso.charCodeAt(22) - 48
  // twoDigits is -1 where there are not two digits, which every check here turns away.
  const inRange =
    century >= 0 &&
    yy >= 0 &&
    cs >= 0 &&
    lastMs >= 0 &&
    lastMs <= 9 &&
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    hh >= 0 &&
    hh <= 23 &&
    mm >= 0 &&
    mm <= 59 &&
    ss >= 0 &&
    ss <= 59
  const y = century * 100 + yy
  if (!inRange || (d > 28 && d > daysInMonth(y, m))) return Date.parse(iso)
  return civilDay(y, m, d) * MS_PER_DAY + ((hh * 60 + mm) * 60 + ss) * 1000 + cs * 10 + lastMs
}

const [DASH, T, COLON, DOT, Z] = ['-', 'T', ':', '.', 'Z'].map((c) => c.charCodeAt(0)) as [number, number, number, number, number]

/** The number written in two decimal digits at `at`; -1 if either is not a digit. */
function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48
  const b = text.charCodeAt(at + 1) - 48
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1
}

function daysInMonth(y: number, m: number): number {
  if (m !== 2) return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function civilDay(y: number, m: number, d: number): number {
  const year = m <= 2 ? y - 1 : y
  const era = Math.floor(year / 400)
  const yoe = year - era * 400
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468
}
