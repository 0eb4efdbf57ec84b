// Why: dates in packs are ISO strings; students read "6 Dec 2021" (the
// day-month order used in Indian exams), and the result must not depend on the OS locale.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

export function formatIsoDate(iso: string): string {
  const [year, month, day] = iso.split('-')
  const name = MONTHS[Number(month) - 1]
  if (!year || !name) return iso
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`
}

/** "1 section" / "3 sections". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}
