// Why: the YAML front matter names the pack (id, title, subtitle, version,
// asOf) and lists its sources. It is read with the `yaml` package; a field
// that cannot be used is reported with its line and left to its default.
import { parseDocument } from 'yaml'
import type { NotesWarning } from '../../../shared/domain/notes'
import { slugify } from './ids'

export interface FrontMatter {
  id?: string
  title?: string
  subtitle?: string
  version?: string
  asOf?: string
  sources: { id?: string; title: string; address?: string; file?: string; publisher?: string; date?: string; note?: string; line: number }[]
}

const KNOWN = new Set(['id', 'title', 'subtitle', 'version', 'asof', 'as-of', 'as_of', 'sources', 'tags', 'aliases'])
const DATE = /^\d{4}-\d{2}(-\d{2})?$/
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined)

export function readFrontMatter(yaml: string, firstLine: number, warnings: NotesWarning[]): FrontMatter {
  const out: FrontMatter = { sources: [] }
  const doc = parseDocument(yaml, { prettyErrors: false, uniqueKeys: false })
  const lineAt = (offset: number | undefined): number => firstLine + (offset === undefined ? 0 : yaml.slice(0, offset).split('\n').length - 1)
  if (doc.errors.length > 0) {
    for (const e of doc.errors.slice(0, 5))
      warnings.push({ line: lineAt(e.pos[0]), message: `the front matter cannot be read (${e.message.split('\n')[0]}); it is ignored` })
    return out
  }
  const data: unknown = doc.toJS({ maxAliasCount: 50 })
  if (data === null || data === undefined) return out
  if (typeof data !== 'object' || Array.isArray(data)) {
    warnings.push({ line: firstLine, message: 'the front matter is not a list of `key: value` lines; it is ignored' })
    return out
  }
  const fields = data as Record<string, unknown>
  const line = (key: string): number => {
    const idx = yaml.search(new RegExp(`^${key.replace(/[^\w-]/g, '')}\\s*:`, 'm'))
    return lineAt(idx < 0 ? undefined : idx)
  }
  for (const key of Object.keys(fields))
    if (!KNOWN.has(key.toLowerCase())) warnings.push({ line: line(key), message: `the front matter field "${key}" is not used` })
  const id = str(fields.id)
  if (id !== undefined) {
    if (/^[a-z0-9][a-z0-9-]{0,79}$/.test(id)) out.id = id
    else {
      out.id = slugify(id, 60) || undefined
      warnings.push({ line: line('id'), message: `the id "${id.slice(0, 80)}" is not a lower-case slug; "${out.id ?? 'one made from the title'}" is used` })
    }
  }
  const title = str(fields.title)
  if (title) out.title = title.slice(0, 500)
  const subtitle = str(fields.subtitle)
  if (subtitle) out.subtitle = subtitle.slice(0, 500)
  const version = str(fields.version)
  if (version !== undefined) {
    if (/^\d+\.\d+\.\d+$/.test(version)) out.version = version
    else warnings.push({ line: line('version'), message: `the version "${version}" is not like 1.0.0; it is ignored` })
  }
  const asOfKey = ['asOf', 'as-of', 'as_of', 'asof'].find((k) => k in fields)
  const asOf = asOfKey ? str(fields[asOfKey] instanceof Date ? (fields[asOfKey] as Date).toISOString().slice(0, 10) : fields[asOfKey]) : undefined
  if (asOf !== undefined) {
    if (DATE.test(asOf)) out.asOf = asOf
    else warnings.push({ line: line(asOfKey as string), message: `asOf "${asOf}" is not YYYY-MM-DD or YYYY-MM; today's date is used` })
  }
  if (fields.sources !== undefined) {
    const list = Array.isArray(fields.sources) ? fields.sources : []
    if (!Array.isArray(fields.sources)) warnings.push({ line: line('sources'), message: 'sources is not a list; it is ignored' })
    for (const item of list) {
      const entry = typeof item === 'string' ? { title: item, address: item } : typeof item === 'object' && item ? (item as Record<string, unknown>) : {}
      const address = str(entry.address) ?? str(entry.url)
      const srcTitle = str(entry.title) ?? address ?? str(entry.file)
      if (!srcTitle) {
        warnings.push({ line: line('sources'), message: 'a source has no title, address or file; it is left out' })
        continue
      }
      const date = str(entry.date)
      out.sources.push({
        title: srcTitle,
        line: line('sources'),
        ...(str(entry.id) && /^[a-z0-9][a-z0-9-]{0,79}$/.test(str(entry.id) as string) ? { id: str(entry.id) as string } : {}),
        ...(address ? { address } : {}),
        ...(str(entry.file) ? { file: (str(entry.file) as string).slice(0, 500) } : {}),
        ...(str(entry.publisher) ? { publisher: (str(entry.publisher) as string).slice(0, 500) } : {}),
        ...(date && DATE.test(date) ? { date } : {}),
        ...(str(entry.note) ? { note: (str(entry.note) as string).slice(0, 500) } : {})
      })
    }
  }
  return out
}
