// Why: with several bundled packs, which one a new student meets first is a choice, not an accident
// of folder names, so the packs folder may carry an `order.json` listing pack ids. Packs it does not
// name follow in alphabetical order; a bad order file is reported and the alphabetical order used.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { PackLoadError } from '../../../shared/domain/app'

export const ORDER_FILE = 'order.json'
const MAX_ORDER_BYTES = 64 * 1024

export type PackOrder = { ok: true; ids: string[] } | { ok: false; error: PackLoadError }

/** Reads `<dir>/order.json`: `{ "order": ["pack-id", …] }`. No file is no order, not an error. */
export async function readPackOrder(dir: string): Promise<PackOrder> {
  const file = join(dir, ORDER_FILE)
  const fail = (message: string): PackOrder => ({ ok: false, error: { file, message: `${file}: ${message}; packs are listed alphabetically.`, issues: [] } })
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, ids: [] }
    return fail(`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
  if (text.length > MAX_ORDER_BYTES) return fail(`is larger than ${MAX_ORDER_BYTES} bytes`)
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    return fail(`is not valid JSON (${(error as Error).message})`)
  }
  const order = (raw as { order?: unknown } | null)?.order
  if (!Array.isArray(order) || !order.every((id): id is string => typeof id === 'string')) {
    return fail('needs the form { "order": ["pack-id", …] }')
  }
  return { ok: true, ids: order }
}

/** Folder names in the listed order first, then the rest alphabetically; unknown ids are ignored. */
export function orderNames(names: readonly string[], ids: readonly string[]): string[] {
  const rank = new Map<string, number>()
  ids.forEach((id, i) => {
    if (!rank.has(id)) rank.set(id, i)
  })
  return [...names].sort((a, b) => {
    const ra = rank.get(a) ?? Number.POSITIVE_INFINITY
    const rb = rank.get(b) ?? Number.POSITIVE_INFINITY
    return ra === rb ? (a < b ? -1 : a > b ? 1 : 0) : ra - rb
  })
}
