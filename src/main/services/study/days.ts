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
