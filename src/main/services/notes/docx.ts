// Why: many students keep notes in Word. A .docx is a zip, so its entry count
// and unzipped size are checked (from the zip's own records, then by really
// inflating it and counting, in case the records lie) before mammoth reads a
// byte of it. Mammoth's document model (paragraphs with heading styles and
// list levels, runs, links, tables) is then written out as Markdown, escaped
// so the student's words stay words, and goes down the same path as a .md file.
import { Unzip, UnzipInflate, unzipSync } from 'fflate'
import mammoth from 'mammoth'
import { megabytes } from '../../../shared/domain/data'
import { DOCX_MAX_BYTES, DOCX_MAX_ENTRIES, DOCX_MAX_UNZIPPED_BYTES, type NotesError, type NotesWarning } from '../../../shared/domain/notes'

export type DocxResult = { ok: true; markdown: string; warnings: NotesWarning[] } | { ok: false; error: NotesError }

interface DocNode {
  type: string
  children?: DocNode[]
  value?: string
  href?: string
  styleName?: string | null
  numbering?: { level: string | number; isOrdered: boolean } | null
  altText?: string
}

const bad = (message: string): DocxResult => ({ ok: false, error: { code: 'bad-docx', message } })

/** Null when the zip is within the caps; otherwise what is wrong. */
export function checkZipCaps(bytes: Uint8Array, fileName: string): string | null {
  let entries = 0
  let declared = 0
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries++
        declared += file.originalSize
        return false
      }
    })
  } catch {
    return `${fileName} is not a Word document (it is not a .docx zip).`
  }
  const tooBig = (size: number): string =>
    `${fileName} unzips to more than ${megabytes(DOCX_MAX_UNZIPPED_BYTES)} (${megabytes(size)} or more); it is refused as a possible zip bomb.`
  if (entries > DOCX_MAX_ENTRIES) return `${fileName} holds ${entries} files; a Word document is refused above ${DOCX_MAX_ENTRIES}.`
  if (declared > DOCX_MAX_UNZIPPED_BYTES) return tooBig(declared)
  // The sizes above are what the zip claims; inflate it, counting, and stop at the cap.
  let actual = 0
  let over = false
  let broken = false
  const unzip = new Unzip((file) => {
    file.ondata = (error, chunk) => {
      if (error) broken = true
      actual += chunk?.length ?? 0
      if (actual > DOCX_MAX_UNZIPPED_BYTES && !over) {
        over = true
        file.terminate()
      }
    }
    if (!over) file.start()
  })
  unzip.register(UnzipInflate)
  try {
    for (let at = 0; at < bytes.length && !over; at += 65_536) unzip.push(bytes.subarray(at, at + 65_536), at + 65_536 >= bytes.length)
  } catch {
    if (!over) broken = true
  }
  if (over) return tooBig(actual)
  if (broken) return `${fileName} is a damaged Word document (its zip cannot be read).`
  return null
}

const escapeInline = (text: string): string => text.replace(/([\\`*_[\]<>|])/g, '\\$1')
const escapeStart = (text: string): string => text.replace(/^(\s*)([#>+-]|\d+[.)])/, '$1\\$2')

function inline(node: DocNode, images: { count: number }): string {
  switch (node.type) {
    case 'text':
      return escapeInline(node.value ?? '')
    case 'tab':
      return ' '
    case 'break':
      return ' '
    case 'image':
      images.count++
      return escapeInline(node.altText ?? '')
    case 'hyperlink': {
      const text = (node.children ?? []).map((c) => inline(c, images)).join('')
      return node.href && /^https?:\/\//i.test(node.href) ? `[${text}](<${node.href.replace(/[<>\s]/g, encodeURIComponent)}>)` : text
    }
    default:
      return (node.children ?? []).map((c) => inline(c, images)).join('')
  }
}

function toMarkdown(doc: DocNode): { markdown: string; images: number } {
  const images = { count: 0 }
  const out: string[] = []
  const paragraph = (p: DocNode): string => {
    const text = inline(p, images).replace(/\s+/g, ' ').trim()
    const heading = /^heading\s*([1-6])$/i.exec(p.styleName ?? '')
    if (heading) return text ? `${'#'.repeat(Number(heading[1]))} ${text}` : ''
    if (/^title$/i.test(p.styleName ?? '')) return text ? `# ${text}` : ''
    if (p.numbering) return `${'  '.repeat(Math.min(Number(p.numbering.level) || 0, 10))}${p.numbering.isOrdered ? '1.' : '-'} ${text}`
    return escapeStart(text)
  }
  for (const node of doc.children ?? []) {
    if (node.type === 'paragraph') {
      const line = paragraph(node)
      const prev = out[out.length - 1]
      const joinWithPrev =
        prev !== undefined &&
        (line === '?' ||
          line === '??' ||
          prev.endsWith('\n?') ||
          prev.endsWith('\n??') ||
          (node.numbering && /^\s*(-|1\.) /.test(prev.split('\n').pop() ?? '')))
      if (joinWithPrev) out[out.length - 1] = `${prev}\n${line}`
      else if (line) out.push(line)
    } else if (node.type === 'table') {
      const rows = (node.children ?? []).map((row) =>
        (row.children ?? []).map((cell) =>
          (cell.children ?? [])
            .map((p) => inline(p, images).replace(/\s+/g, ' ').trim())
            .filter(Boolean)
            .join(' ')
        )
      )
      const width = Math.max(0, ...rows.map((r) => r.length))
      if (width === 0) continue
      const line = (r: string[]): string => `| ${Array.from({ length: width }, (_, i) => r[i] || ' ').join(' | ')} |`
      out.push([line(rows[0] ?? []), `|${' --- |'.repeat(width)}`, ...rows.slice(1).map(line)].join('\n'))
    }
  }
  return { markdown: `${out.join('\n\n')}\n`, images: images.count }
}

/** A .docx file (bytes) as Markdown notes, after the zip checks. */
export async function docxToMarkdown(bytes: Uint8Array, fileName: string): Promise<DocxResult> {
  if (bytes.length > DOCX_MAX_BYTES) return bad(`${fileName} is ${megabytes(bytes.length)}; a Word file can be at most ${megabytes(DOCX_MAX_BYTES)}.`)
  const capped = checkZipCaps(bytes, fileName)
  if (capped) return bad(capped)
  let converted: { markdown: string; images: number } | undefined
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        transformDocument: (doc: DocNode) => {
          converted = toMarkdown(doc)
          return doc
        }
      }
    )
    const warnings: NotesWarning[] = result.messages.slice(0, 20).map((m) => ({ line: 0, message: `Word: ${m.message}` }))
    if (!converted) return bad(`${fileName} has no document body.`)
    if (converted.images > 0) warnings.push({ line: 0, message: `${converted.images} picture(s) in the Word file are left out` })
    warnings.push({ line: 0, message: 'line numbers in other warnings count lines of the Markdown made from the Word file' })
    return { ok: true, markdown: converted.markdown, warnings }
  } catch (error) {
    return bad(`${fileName} could not be read as a Word document: ${error instanceof Error ? error.message : String(error)}`)
  }
}
