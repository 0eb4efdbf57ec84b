// Why: the Word tests need real .docx files; this zips the few parts Word and
// mammoth need (content types, relationships, document.xml) with fflate.
import { strToU8, zipSync } from 'fflate'

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

export type DocPart =
  { heading: 1 | 2 | 3; text: string } | { para: string } | { bullet: string; level?: number } | { table: string[][] } | { link: string; href: string }

function paragraph(part: DocPart, rels: string[]): string {
  if ('heading' in part)
    return `<w:p><w:pPr><w:pStyle w:val="Heading${part.heading}"/></w:pPr><w:r><w:t xml:space="preserve">${esc(part.text)}</w:t></w:r></w:p>`
  if ('para' in part) return `<w:p><w:r><w:t xml:space="preserve">${esc(part.para)}</w:t></w:r></w:p>`
  if ('bullet' in part)
    return `<w:p><w:pPr><w:numPr><w:ilvl w:val="${part.level ?? 0}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">${esc(part.bullet)}</w:t></w:r></w:p>`
  if ('link' in part) {
    const id = `rIdL${rels.length + 1}`
    rels.push(
      `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${esc(part.href)}" TargetMode="External"/>`
    )
    return `<w:p><w:hyperlink r:id="${id}"><w:r><w:t>${esc(part.link)}</w:t></w:r></w:hyperlink></w:p>`
  }
  const rows = part.table.map(
    (row) => `<w:tr>${row.map((c) => `<w:tc><w:p><w:r><w:t xml:space="preserve">${esc(c)}</w:t></w:r></w:p></w:tc>`).join('')}</w:tr>`
  )
  return `<w:tbl>${rows.join('')}</w:tbl>`
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${[
  1, 2, 3
]
  .map((n) => `<w:style w:type="paragraph" w:styleId="Heading${n}"><w:name w:val="heading ${n}"/></w:style>`)
  .join('')}</w:styles>`
const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`

export function makeDocx(parts: DocPart[], extra: Record<string, Uint8Array> = {}): Uint8Array {
  const rels: string[] = []
  const body = parts.map((p) => paragraph(p, rels)).join('')
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}</w:body></w:document>`
  return zipSync({
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
    ),
    'word/_rels/document.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdN" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>${rels.join('')}</Relationships>`
    ),
    'word/document.xml': strToU8(document),
    'word/styles.xml': strToU8(STYLES),
    'word/numbering.xml': strToU8(NUMBERING),
    ...extra
  })
}
