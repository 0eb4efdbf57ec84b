// Why: a student takes their highlights out of the app as Markdown, grouped
// by section in reading order, each with its quote and note; orphans get their
// own heading so nothing is lost. Output is Markdown only, never HTML: quotes
// are escaped into `> ` lines, and notes go verbatim inside a code fence, so a
// note holding `<script>` or a `javascript:` link stays inert text.
import type { AnnotationView } from '../../../shared/annotations'
import { ANNOTATION_COLOR_NAMES } from '../../../shared/domain/annotations'
import { localDay } from '../../../shared/domain/dates'
import type { Pack } from '../../../shared/pack/schema'
import { blockTable } from './pack-blocks'

export interface MarkdownExportInput {
  packId: string
  /** The pack as loaded now; undefined when it is gone (every annotation is then orphaned). */
  pack: Pack | undefined
  /** In reading order, as AnnotationService.list returns them. */
  annotations: AnnotationView[]
  exportedAt: Date
}

export function exportFileName(packId: string, at: Date): string {
  return `${packId}-annotations-${localDay(at)}.md`
}

/** Backslash-escapes what Markdown would read as markup inside a line (CommonMark allows `\` before any ASCII punctuation). */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>&|~]/g, '\\$&')
}

/** escapeInline, plus what would turn the start of a line into a heading, list or rule. */
export function escapeLine(line: string): string {
  const escaped = escapeInline(line.replace(/^[ \t]+/, ''))
  return escaped.replace(/^(#|[-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2')
}

/** Each line of the quote as a `> ` line; blank lines keep the quote in one block. */
export function blockquote(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => (line.trim() === '' ? '>' : `> ${escapeLine(line)}`))
    .join('\n')
}

/** The note exactly as typed, in a fence longer than any run of backticks inside it. */
export function fenced(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return `${fence}text\n${text}\n${fence}`
}

function entry(a: AnnotationView, context: string): string {
  const parts = [blockquote(a.selector.exact), `${ANNOTATION_COLOR_NAMES[a.color]} highlight${context}`]
  if (a.note.length > 0) parts.push(fenced(a.note))
  return parts.join('\n\n')
}

export function annotationsMarkdown({ packId, pack, annotations, exportedAt }: MarkdownExportInput): string {
  const table = pack ? blockTable(pack) : undefined
  const anchored = annotations.filter((a) => a.status === 'anchored')
  const orphaned = annotations.filter((a) => a.status === 'orphaned')
  const out: string[] = []
  out.push(`# Annotations: ${escapeInline(pack?.title ?? packId)}`)
  const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`
  out.push(
    `${count(annotations.length, 'annotation')}${orphaned.length ? ` (${orphaned.length} orphaned)` : ''} · exported ${localDay(exportedAt)}` +
      (pack ? ` · pack version ${escapeInline(pack.version)}, as of ${pack.asOf}` : '')
  )
  if (annotations.length === 0) out.push('No highlights or notes yet.')

  for (const section of pack?.sections ?? []) {
    const here = anchored.filter((a) => a.sectionId === section.id)
    if (here.length === 0) continue
    out.push(`## ${escapeInline(section.title)}`)
    for (const a of here) {
      const title = table?.get(a.blockId)?.block.title
      out.push(entry(a, title ? ` · ${escapeInline(title)}` : ''))
    }
  }

  if (orphaned.length > 0) {
    out.push('## Orphaned annotations')
    out.push('The pack no longer has the text these were made on. They are kept exactly as made.')
    for (const a of orphaned) {
      const entryNow = table?.get(a.blockId)
      const sectionTitle = entryNow?.section.title ?? pack?.sections.find((s) => s.id === a.sectionId)?.title
      const where = entryNow
        ? ` · the words are no longer in block ${escapeInline(a.blockId)} of "${escapeInline(entryNow.section.title)}"`
        : ` · was in block ${escapeInline(a.blockId)}${sectionTitle ? ` of "${escapeInline(sectionTitle)}"` : ` (section ${escapeInline(a.sectionId)})`}, which is gone`
      out.push(entry(a, where))
    }
  }
  return `${out.join('\n\n')}\n`
}
