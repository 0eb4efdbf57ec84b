// Why: every block, cell and question in a pack cites at least one source, so
// a notes pack cites the notes file itself, plus the https pages the student
// linked (each link becomes a source the first time it appears) and any
// sources listed in the front matter.
import type { PackSource } from '../../../shared/pack/schema'
import type { NotesWarning } from '../../../shared/domain/notes'
import type { IdRegistry } from './ids'

const MAX_SOURCES = 200
const SHORT_MAX = 500

const short = (text: string): string => (text.length > SHORT_MAX ? `${text.slice(0, SHORT_MAX - 1)}…` : text)

/** An https address the pack schema accepts (a real host name), or null. */
export function httpsAddress(url: string): string | null {
  try {
    const parsed = new URL(url)
    if (parsed.protocol !== 'https:' || !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(parsed.hostname)) return null
    return parsed.href
  } catch {
    return null
  }
}

export class SourceBook {
  readonly sources: PackSource[] = []
  readonly notesId: string
  private readonly byAddress = new Map<string, string>()
  private full = false

  constructor(
    private readonly ids: IdRegistry,
    private readonly warnings: NotesWarning[],
    fileName: string
  ) {
    this.notesId = ids.generated('notes-file', 0)
    this.sources.push({ id: this.notesId, title: short(`Your notes: ${fileName}`), file: short(fileName) })
  }

  /** A source the front matter lists; its id is kept when it is a usable slug. */
  addListed(source: Omit<PackSource, 'id'> & { id?: string }, line: number): void {
    const address = source.address ? httpsAddress(source.address) : null
    if (source.address && !address)
      this.warnings.push({ line, message: `the source "${source.title}" has an address that is not https; it is listed without it` })
    if (!address && !source.file) {
      this.warnings.push({ line, message: `the source "${source.title}" has neither an https address nor a file; it is left out` })
      return
    }
    if (address && this.byAddress.has(address)) return
    if (this.sources.length >= MAX_SOURCES) return this.overflow(line)
    const id = source.id && this.ids.explicit(source.id, line) ? source.id : this.ids.generated(`src-${source.title}`, line)
    const { id: _drop, line: _line, ...rest } = source as typeof source & { line?: number }
    const entry: PackSource = { ...rest, id, title: short(source.title), ...(address ? { address } : {}) }
    if (!address) delete entry.address
    this.sources.push(entry)
    if (address) this.byAddress.set(address, id)
  }

  /** The source id for a link in the text, made on first sight; undefined for a link that cannot be a source. */
  cite(url: string, label: string, line: number): string | undefined {
    const address = httpsAddress(url)
    if (!address) {
      if (!url.startsWith('#'))
        this.warnings.push({ line, message: `the link to "${url.slice(0, 80)}" is not an https address, so it is not kept as a source (its text stays)` })
      return undefined
    }
    const known = this.byAddress.get(address)
    if (known) return known
    if (this.sources.length >= MAX_SOURCES) {
      this.overflow(line)
      return undefined
    }
    const host = new URL(address).hostname.replace(/^www\./, '')
    const id = this.ids.generated(`src-${host}-${new URL(address).pathname}`, line)
    this.sources.push({ id, title: short(label && label !== url ? label : host), publisher: short(host), address })
    this.byAddress.set(address, id)
    return id
  }

  /** A block's sources: the notes file first, then what it links to. */
  sourceIds(links: { url: string; label: string }[], line: number): string[] {
    const ids = [this.notesId]
    for (const link of links) {
      const id = this.cite(link.url, link.label, line)
      if (id && !ids.includes(id)) ids.push(id)
    }
    return ids
  }

  private overflow(line: number): void {
    if (this.full) return
    this.full = true
    this.warnings.push({ line, message: `a pack cites at most ${MAX_SOURCES} sources; links from here on stay as text only` })
  }
}
