// Why: marks as UPSC states them. Counts, plurals, numbers and dates in the
// page's language are in i18n/ (t with a count, and i18n/format.ts).

/** Marks to 2 decimals, as UPSC states them: "−0.66", and "+2.00" when `signed`. */
export function formatMarks(marks: number, signed = false): string {
  const abs = Math.abs(marks).toFixed(2)
  if (marks < 0 && abs !== '0.00') return `−${abs}`
  return signed && marks > 0 ? `+${abs}` : abs
}
