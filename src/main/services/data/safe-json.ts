// Why: backups and notes packs arrive from outside the app, so their text is
// checked before anything trusts it: the size first (a 50 MB file is refused
// by its length, not parsed), then how deep it nests (scanned before parsing,
// so a 10,000-deep file never reaches a recursive walk or a schema), then keys
// that could reach an object's prototype. JSON.parse itself never pollutes
// (it defines "__proto__" as a plain own key), but a later Object.assign or
// spread of such an object would, so such files are refused outright.
import { MAX_JSON_DEPTH, tooLargeMessage } from '../../../shared/domain/data'
import type { ApiIssue } from '../../../shared/result'

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

export type SafeJson = { ok: true; value: unknown; text: string } | { ok: false; message: string; issues: ApiIssue[] }

export interface SafeJsonOptions {
  /** Shown in messages, e.g. the student's file name. */
  label: string
  maxBytes: number
  maxDepth?: number
}

const BOM = '\uFEFF'
const OPEN_OBJECT = 123 // {
const OPEN_ARRAY = 91 // [
const CLOSE_OBJECT = 125
const CLOSE_ARRAY = 93
const QUOTE = 34
const BACKSLASH = 92

/** The deepest nesting of objects and arrays, counting only brackets outside strings. Stops early past `limit`. */
export function nestingDepth(text: string, limit = Infinity): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === BACKSLASH) i++
      else if (c === QUOTE) inString = false
    } else if (c === QUOTE) inString = true
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      depth++
      if (depth > deepest) {
        deepest = depth
        if (deepest > limit) return deepest
      }
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) depth--
  }
  return deepest
}

/** The path of the first forbidden key, or null. Depth is already bounded, so recursion is safe. */
export function findForbiddenKey(value: unknown, path: string[] = []): string[] | null {
  if (typeof value !== 'object' || value === null) return null
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findForbiddenKey(value[i], [...path, String(i)])
      if (found) return found
    }
    return null
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return [...path, key]
    const found = findForbiddenKey((value as Record<string, unknown>)[key], [...path, key])
    if (found) return found
  }
  return null
}

export function parseUntrustedJson(content: string, opts: SafeJsonOptions): SafeJson {
  const fail = (message: string, issues: ApiIssue[] = []): SafeJson => ({ ok: false, message, issues })
  const bytes = Buffer.byteLength(content, 'utf8')
  if (bytes > opts.maxBytes) return fail(tooLargeMessage(opts.label, bytes, opts.maxBytes))
  // Notepad saves with a byte-order mark; it is not part of the JSON.
  const text = content.startsWith(BOM) ? content.slice(1) : content
  if (text.trim() === '') return fail(`${opts.label} is empty.`)
  const maxDepth = opts.maxDepth ?? MAX_JSON_DEPTH
  const depth = nestingDepth(text, maxDepth)
  if (depth > maxDepth) {
    return fail(`${opts.label} nests its data more than ${maxDepth} levels deep, which no real file does; it was not read.`, [
      { path: '(root)', message: `nested more than ${maxDepth} levels` }
    ])
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return fail(`${opts.label} is not valid JSON (${(error as Error).message}). It may be cut short, or not a JSON file.`)
  }
  const bad = findForbiddenKey(value)
  if (bad) {
    const path = bad.join('.')
    return fail(`${opts.label} contains the key "${bad[bad.length - 1]}" at ${path}, which is not allowed in a data file; it was not read.`, [
      { path, message: 'forbidden key' }
    ])
  }
  return { ok: true, value, text }
}
