// Why: an .apkg is a zip from outside the app, so it is checked before any of
// it is inflated: the entry count and the sizes the central directory claims,
// then (in case those lie) the bytes really produced, counted while inflating
// and stopped at the cap. Only the collection is inflated; media files are
// counted, never read, because an import leaves them out. The newer
// collection.anki21b is zstd-compressed, so it is decompressed the same way,
// counted and capped.
import { Unzip, UnzipInflate, unzipSync } from 'fflate'
import { Decompress } from 'fzstd'
import { ANKI_MAX_BYTES, ANKI_MAX_ENTRIES, ANKI_MAX_UNZIPPED_BYTES, type AnkiError } from '../../../shared/domain/anki'
import { megabytes } from '../../../shared/domain/data'

/** Newest first: Anki writes the older names beside the newer as stubs that tell old versions to upgrade. */
const COLLECTIONS = ['collection.anki21b', 'collection.anki21', 'collection.anki2'] as const

export type ApkgContents = { ok: true; name: (typeof COLLECTIONS)[number]; sqlite: Uint8Array; mediaFiles: number } | { ok: false; error: AnkiError }

const fail = (code: AnkiError['code'], message: string): ApkgContents => ({ ok: false, error: { code, message } })
const bomb = (fileName: string, size: number, cap: number): ApkgContents =>
  fail('zip-bomb', `${fileName} unzips to more than ${megabytes(cap)} (${megabytes(size)} or more); it is refused as a possible zip bomb.`)

class OverCap extends Error {}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}

/** Inflates one entry, counting, and throws OverCap past the cap. */
async function inflateEntry(bytes: Uint8Array, wanted: string, cap: number, pause: () => Promise<void>): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = []
  let total = 0
  let found = false
  let broken = false
  let over = false
  const unzip = new Unzip((file) => {
    if (file.name !== wanted || found) return
    found = true
    file.ondata = (error, chunk) => {
      if (error) broken = true
      if (!chunk || over) return
      total += chunk.length
      if (total > cap) {
        over = true
        chunks.length = 0
        file.terminate()
      } else chunks.push(chunk)
    }
    file.start()
  })
  unzip.register(UnzipInflate)
  try {
    for (let at = 0; at < bytes.length && !over; at += 65_536) {
      unzip.push(bytes.subarray(at, at + 65_536), at + 65_536 >= bytes.length)
      if (at % (16 * 65_536) === 0) await pause()
    }
  } catch (error) {
    if (!over) throw error
  }
  if (over) throw new OverCap(String(total))
  if (broken || !found) return null
  return concat(chunks, total)
}

/** zstd frames start with 28 B5 2F FD. */
const isZstd = (b: Uint8Array): boolean => b[0] === 0x28 && b[1] === 0xb5 && b[2] === 0x2f && b[3] === 0xfd

async function unzstd(bytes: Uint8Array, cap: number, pause: () => Promise<void>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  let total = 0
  let over = false
  const stream = new Decompress((chunk) => {
    if (over) return
    total += chunk.length
    if (total > cap) over = true
    else chunks.push(chunk)
  })
  for (let at = 0; at < bytes.length && !over; at += 65_536) {
    stream.push(bytes.subarray(at, at + 65_536), at + 65_536 >= bytes.length)
    if (at % (16 * 65_536) === 0) await pause()
  }
  if (over) throw new OverCap(String(total))
  return concat(chunks, total)
}

export interface ReadApkgOptions {
  /** Awaited between chunks while inflating. */
  pause?: () => Promise<void>
  /** A test seam; the app uses the shared limit. */
  unzippedCap?: number
}

/** The collection inside an .apkg, within the caps. */
export async function readApkg(bytes: Uint8Array, fileName: string, opts: ReadApkgOptions = {}): Promise<ApkgContents> {
  const unzippedCap = opts.unzippedCap ?? ANKI_MAX_UNZIPPED_BYTES
  const pause = opts.pause ?? (async () => undefined)
  if (bytes.length > ANKI_MAX_BYTES)
    return fail('too-large', `${fileName} is ${megabytes(bytes.length)}; an Anki deck can be at most ${megabytes(ANKI_MAX_BYTES)}.`)
  let entries = 0
  let declared = 0
  const names = new Set<string>()
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries++
        declared += file.originalSize
        if (names.size < 100) names.add(file.name)
        return false
      }
    })
  } catch {
    return fail('not-anki', `${fileName} is not an Anki deck (it is not an .apkg zip).`)
  }
  if (entries > ANKI_MAX_ENTRIES) return fail('zip-bomb', `${fileName} holds ${entries} files; an Anki deck is refused above ${ANKI_MAX_ENTRIES}.`)
  if (declared > unzippedCap) return bomb(fileName, declared, unzippedCap)
  const name = COLLECTIONS.find((n) => names.has(n))
  if (!name) return fail('not-anki', `${fileName} is a zip but not an Anki deck (it has no collection.anki2 or collection.anki21b inside).`)
  const mediaFiles = Math.max(0, entries - COLLECTIONS.filter((n) => names.has(n)).length - (names.has('media') ? 1 : 0) - (names.has('meta') ? 1 : 0))
  try {
    const inflated = await inflateEntry(bytes, name, unzippedCap, pause)
    if (!inflated) return fail('corrupt', `${fileName} is a damaged Anki deck (its ${name} cannot be unzipped).`)
    if (name !== 'collection.anki21b') return { ok: true, name, sqlite: inflated, mediaFiles }
    if (!isZstd(inflated)) return fail('corrupt', `${fileName} is a damaged Anki deck (its ${name} is not zstd-compressed).`)
    return { ok: true, name, sqlite: await unzstd(inflated, unzippedCap, pause), mediaFiles }
  } catch (error) {
    if (error instanceof OverCap) return bomb(fileName, Number(error.message), unzippedCap)
    return fail('corrupt', `${fileName} is a damaged Anki deck (${error instanceof Error ? error.message : String(error)}).`)
  }
}
