// Why: opening a store must never make things worse. Whatever is wrong with
// the file (empty, cut short, hand-edited, from a newer app), its bytes are
// kept next to it before anything else happens, then the newest valid backup
// (or the defaults) is loaded and the student is told in a notice.
import { basename, join } from 'node:path'
import type { StoreNotice } from '../../../shared/domain'
import { ServiceError } from '../errors'
import { cleanBackupTemps, loadNewestValidBackup } from './backups'
import { tempPathFor } from './durable-file'
import { errnoOf, removeIfPresent, type StoreFs } from './fs-ops'
import { decodeStoreBytes, decodeStoreBytesSliced, type Decoded, type DecodeSpec } from './migrations'

export interface LoadContext<T> {
  fs: StoreFs
  dir: string
  name: string
  file: string
  spec: DecodeSpec<T>
  defaults: () => T
  clock: () => Date
  /** The store appends to this array in place (see json-store.ts): a torn last append is trimmed off. */
  appendTo?: string
}

export interface LoadedState<T> {
  data: T
  /** The file on disk holds a valid store, so it may be copied as a backup. */
  fileValid: boolean
  /** Write the loaded state back at once (it was migrated or recovered). */
  needsSave: boolean
  notice: StoreNotice | null
  /** Set when a bad file could not be kept: saving would destroy it, so don't. */
  writeBlocked: unknown
  /**
   * The file's text when `data` is exactly what it decodes to (current
   * format, no repair), so the store need not serialise it again at open.
   */
  text?: string
}

/** A timestamp that is safe in a file name on every OS: 2026-11-25T10-00-00-000Z. */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-')
}

/**
 * Keeps `bytes` (the bad file's exact content) as `<name>.corrupt-<stamp>.json`,
 * never overwriting an earlier one. Falls back to renaming the bad file when a
 * copy cannot be written (a full disk has no room for a copy, but can rename).
 */
async function keepCorrupt<T>(ctx: LoadContext<T>, bytes: Uint8Array, stamp: string): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const keptAs = join(ctx.dir, `${ctx.name}.corrupt-${stamp}${n === 1 ? '' : `-${n}`}.json`)
    try {
      await ctx.fs.writeFile(keptAs, bytes, { flag: 'wx', fsync: true })
      return keptAs
    } catch (err) {
      if (errnoOf(err) === 'EEXIST') continue
      // 'wx' created this name (or nothing), so it is ours to clear.
      await removeIfPresent(ctx.fs, keptAs).catch(() => undefined)
      await ctx.fs.rename(ctx.file, keptAs)
      return keptAs
    }
  }
  throw new Error('too many corrupt copies with the same timestamp')
}

const NEWLINE = 0x0a
const COMMA = 0x2c
/** Newlines tried from the end: an append writes at most this many items at once in practice. */
const MAX_CUTS = 500

/**
 * An appendable store's file whose last append was cut short (power loss, a
 * full disk): every item starts on a new line, so the longest prefix that
 * ends with a whole item and decodes once closed again is everything that was
 * whole. Tried first: the whole file with only its closing `]}}` cut; then
 * the file cut at each newline, from the end. Null if nothing decodes.
 */
export function trimTornAppend<T>(bytes: Uint8Array, spec: DecodeSpec<T>): (Decoded<T> & { ok: true }) | null {
  const tail = Buffer.from(']}}')
  const close = (keep: number): (Decoded<T> & { ok: true }) | null => {
    const decoded = decodeStoreBytes(Buffer.concat([bytes.subarray(0, keep), tail]), spec)
    return decoded.ok ? decoded : null
  }
  // `…}`, `…},`, `…}]` or `…}]}`: the last item is whole; the next one or the tail is missing.
  let keep = bytes.length
  if (bytes[keep - 1] === COMMA) keep--
  else {
    for (let k = tail.length - 1; k > 0; k--) {
      if (Buffer.compare(bytes.subarray(bytes.length - k), tail.subarray(0, k)) === 0) {
        keep = bytes.length - k
        break
      }
    }
  }
  const whole = close(keep)
  if (whole) return whole
  let cuts = 0
  for (let end = bytes.lastIndexOf(NEWLINE); end > 0 && cuts < MAX_CUTS; end = bytes.lastIndexOf(NEWLINE, end - 1), cuts++) {
    const found = close(bytes[end - 1] === COMMA ? end - 1 : end)
    if (found) return found
  }
  return null
}

function describeRestore(restoredFrom: 'backup' | 'defaults' | 'repaired', backupDay?: string, torn = false): string {
  switch (restoredFrom) {
    case 'repaired':
      return torn
        ? 'Everything saved before that save was loaded; the save that was cut short had not been confirmed.'
        : 'Its contents were still readable once the marker was ignored, so they were loaded.'
    case 'backup':
      return `The backup from ${backupDay} was loaded instead; changes made after that backup are not in it.`
    case 'defaults':
      return 'No usable backup was found, so this data starts again from the defaults.'
  }
}

export async function loadStoreFile<T>(ctx: LoadContext<T>): Promise<LoadedState<T>> {
  const { fs, file } = ctx
  await fs.mkdir(ctx.dir)
  // A crash mid-write leaves steno-style `.name.json.tmp`; it was never
  // acknowledged, so it is never loaded, only removed.
  await removeIfPresent(fs, tempPathFor(file))
  await cleanBackupTemps(fs, ctx.dir, ctx.name)

  let bytes: Buffer
  try {
    bytes = await fs.readFile(file)
  } catch (err) {
    if (errnoOf(err) === 'ENOENT') {
      return { data: ctx.defaults(), fileValid: false, needsSave: false, notice: null, writeBlocked: null }
    }
    // Not corruption: the file exists but can't be read (permissions, a
    // folder in its place). Loading defaults would later overwrite it.
    throw new ServiceError('internal', `Could not read ${file} (${errnoOf(err) ?? String(err)}).`, [], { cause: err })
  }

  const decodedText: { text?: string } = {}
  let decoded = await decodeStoreBytesSliced(bytes, ctx.spec, decodedText)
  let torn = false
  if (!decoded.ok && ctx.appendTo !== undefined) {
    const trimmed = trimTornAppend(bytes, ctx.spec)
    if (trimmed) {
      decoded = trimmed
      torn = true
    }
  }
  if (decoded.ok && !decoded.hadBom && !torn) {
    const current = decoded.fromVersion === ctx.spec.version
    return {
      data: decoded.data,
      fileValid: true,
      needsSave: !current,
      notice: null,
      writeBlocked: null,
      ...(current && decodedText.text !== undefined ? { text: decodedText.text } : {})
    }
  }

  const now = ctx.clock()
  const stamp = fileStamp(now)
  let keptAs: string | undefined
  let writeBlocked: unknown = null
  try {
    keptAs = await keepCorrupt(ctx, bytes, stamp)
  } catch (err) {
    writeBlocked = err
  }

  // A byte-order mark (Windows Notepad adds one) is outside our format, so the
  // file counts as bad and its bytes are kept, but if the content behind the
  // mark is valid it is the newest data the student has: load it rather than
  // an older backup.
  let data: T
  let restoredFrom: 'backup' | 'defaults' | 'repaired'
  let backupFile: string | undefined
  let backupDay: string | undefined
  let problem: string
  if (decoded.ok) {
    data = decoded.data
    restoredFrom = 'repaired'
    problem = torn
      ? 'its last save was cut short (the app or the computer stopped while it was being written)'
      : 'it starts with a byte-order mark, which the app does not write'
  } else {
    problem = decoded.reason
    const backup = await loadNewestValidBackup(fs, ctx.dir, ctx.name, ctx.spec)
    if (backup) {
      data = backup.data
      restoredFrom = 'backup'
      backupFile = backup.file.path
      backupDay = backup.file.day
    } else {
      data = ctx.defaults()
      restoredFrom = 'defaults'
    }
  }

  const kept = keptAs
    ? `The file was kept unchanged as ${basename(keptAs)}.`
    : `A copy of the file could not be made (${errnoOf(writeBlocked) ?? String(writeBlocked)}), so it was left in place and changes will not be saved until the app is restarted with more room or permission.`
  const notice: StoreNotice = {
    id: `${ctx.name}-recovered-${stamp}`,
    kind: 'recovered',
    file,
    ...(keptAs ? { keptAs } : {}),
    restoredFrom,
    ...(backupFile ? { backupFile } : {}),
    reason: `${basename(file)} could not be used as it was: ${problem}. ${kept} ${describeRestore(restoredFrom, backupDay, torn)}`,
    at: now.toISOString()
  }
  return { data, fileValid: false, needsSave: writeBlocked === null, notice, writeBlocked }
}
