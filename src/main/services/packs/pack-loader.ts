// Why: a notes pack is only shown after it has been read, parsed and checked
// against the shared schema; a bad pack yields an error that names the file and
// the path of the bad field instead of a blank screen.
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { PackSchema, type Pack } from '../../../shared/pack/schema'
import type { PackLoadError } from '../../../shared/domain/app'
import { PACK_MAX_BYTES } from '../../../shared/domain/data'
import { orderNames, readPackOrder } from './pack-order'

/** Larger than any real pack by far; refuses a runaway file before parsing it. Shared with pack import. */
export const MAX_PACK_BYTES = PACK_MAX_BYTES

export type PackReadResult = { ok: true; pack: Pack } | { ok: false; error: PackLoadError }

/** Reads and validates one pack file. Never throws for bad content. */
export async function readPackFile(file: string): Promise<PackReadResult> {
  const fail = (message: string, issues: PackLoadError['issues'] = []): PackReadResult => ({ ok: false, error: { file, message, issues } })
  let size: number
  try {
    size = (await stat(file)).size
  } catch (error) {
    return fail(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
  }
  if (size > MAX_PACK_BYTES) return fail(`${file} is ${size} bytes; a pack may be at most ${MAX_PACK_BYTES} bytes.`)
  let raw: unknown
  try {
    raw = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    return fail(`${file} is not valid JSON: ${(error as Error).message}`)
  }
  const parsed = PackSchema.safeParse(raw)
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 50).map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }))
    const first = issues[0]
    return fail(`${file} does not match the pack schema${first ? `: ${first.path}: ${first.message}` : ''}`, issues)
  }
  return { ok: true, pack: parsed.data }
}

export interface LoadedPacks {
  packs: Map<string, Pack>
  errors: PackLoadError[]
}

/**
 * Loads every `<dir>/<id>/pack.json`, in the folder's `order.json` order if it has one. A pack's id must match its folder, and ids must be unique.
 * Hidden folders (`.staging-…`, `.removed-…`: an import or removal cut short) are skipped.
 * `missingOk`: the folder may not exist yet (imported packs before the first import).
 */
export async function loadPacksFrom(dir: string, opts: { missingOk?: boolean } = {}): Promise<LoadedPacks> {
  const packs = new Map<string, Pack>()
  const errors: PackLoadError[] = []
  let entries: string[]
  try {
    entries = (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort()
  } catch (error) {
    if (opts.missingOk && (error as NodeJS.ErrnoException).code === 'ENOENT') return { packs, errors }
    errors.push({ file: dir, message: `Cannot read the packs folder ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, issues: [] })
    return { packs, errors }
  }
  const order = await readPackOrder(dir)
  if (order.ok) entries = orderNames(entries, order.ids)
  else errors.push(order.error)
  const results = await Promise.all(entries.map(async (name) => ({ name, result: await readPackFile(join(dir, name, 'pack.json')) })))
  for (const { name, result } of results) {
    if (!result.ok) {
      errors.push(result.error)
      continue
    }
    const file = join(dir, name, 'pack.json')
    if (result.pack.id !== name) {
      errors.push({
        file,
        message: `${file}: pack id "${result.pack.id}" does not match its folder "${name}"`,
        issues: [{ path: 'id', message: 'must match the folder name' }]
      })
    } else if (packs.has(name)) {
      errors.push({ file, message: `${file}: a pack with id "${name}" is already loaded`, issues: [{ path: 'id', message: 'duplicate pack id' }] })
    } else {
      packs.set(name, result.pack)
    }
  }
  return { packs, errors }
}
