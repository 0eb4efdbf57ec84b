// Why: numbers and counts as the student reads them. Dates are formatted in
// one place for main and page alike: shared/domain/dates.ts.

/** "1 section" / "3 sections". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}

/** Marks to 2 decimals, as UPSC states them: "−0.66", and "+2.00" when `signed`. */
export function formatMarks(marks: number, signed = false): string {
  const abs = Math.abs(marks).toFixed(2)
  if (marks < 0 && abs !== '0.00') return `−${abs}`
  return signed && marks > 0 ? `+${abs}` : abs
}
