// Why: reviews, highlights and reading places are keyed by pack ids, so an id
// made from a notes file must come out the same when the same content is
// imported again. Ids are built from the heading path and the text (or taken
// from a `^block-id` the student wrote), never from position, so adding a
// paragraph above another does not move the other's history.

const ID_MAX = 80

/** "Rajya Sabha: powers & role" → "rajya-sabha-powers-role"; empty when nothing usable is left. */
export function slugify(text: string, max = 40): string {
  // Only non-ASCII text needs its accents taken off (é → e); most ids are plain ASCII.
  const ascii = /^[ -~]*$/.test(text) ? text : text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
  const slug = ascii
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return slug.slice(0, max).replace(/-+$/, '')
}

/** Two 32-bit FNV-1a passes with different seeds, as 10 base-36 characters: short, stable, rarely colliding. */
export function contentHash(text: string): string {
  let a = 0x811c9dc5
  let b = 0x01000193 ^ 0x5bd1e995
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 13)
  }
  const hi = (a >>> 0).toString(36).padStart(7, '0').slice(-5)
  const lo = (b >>> 0).toString(36).padStart(7, '0').slice(-5)
  return `${hi}${lo}`
}

/** Whitespace and case folded, so re-wrapping a paragraph does not change its id. */
export const normaliseForId = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase()

/** A trailing ` ^my-id` (Obsidian's block reference), taken off the text. */
export function takeBlockRef(text: string): { text: string; ref?: string } {
  const match = /(?:^|\s)\^([A-Za-z0-9][A-Za-z0-9-]{0,79})\s*$/.exec(text)
  if (!match) return { text }
  return { text: text.slice(0, match.index).trimEnd(), ref: (match[1] as string).toLowerCase() }
}

/**
 * Hands out pack-wide unique ids. A generated id that is already taken gets
 * -2, -3…; an id the student wrote (`^id`) that is already taken is reported,
 * because two blocks cannot both be the one a highlight points at.
 */
export class IdRegistry {
  private readonly used = new Map<string, number>()

  /** The line where `id` was first claimed, if it was. */
  lineOf(id: string): number | undefined {
    return this.used.get(id)
  }

  generated(base: string, line: number): string {
    const root = (slugify(base, ID_MAX - 4) || 'item').slice(0, ID_MAX - 4)
    let id = root
    for (let n = 2; this.used.has(id); n++) id = `${root}-${n}`
    this.used.set(id, line)
    return id
  }

  /** Claims an id written in the file; false when it is taken. */
  explicit(id: string, line: number): boolean {
    if (this.used.has(id)) return false
    this.used.set(id, line)
    return true
  }

  /** An id the file wrote that must not be handed out as a generated one later. */
  reserve(id: string, line: number): void {
    if (!this.used.has(id)) this.used.set(id, line)
  }
}
