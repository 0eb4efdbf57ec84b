// Why: Markdown is parsed by unified + remark (CommonMark, GFM tables, YAML
// front matter), never by hand. A 150,000-word file takes the parser seconds,
// which would freeze every other call in the main process, so the file is cut
// into pieces of a few KB at places where a new top-level block surely starts
// (after a blank line, a line at column 0 that is not a list item, outside
// fences and raw HTML) and each piece is parsed in its own turn of the event
// loop. Link reference definitions are copied to the end of every piece, so
// `[text][ref]` still resolves across pieces; positions keep the file's lines.
import type { Root, RootContent } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { nextSlice } from '../store/turns'

export interface ParsedPiece {
  nodes: RootContent[]
  /** Add to a node's position line to get the line in the whole file. */
  lineOffset: number
}

export interface ParsedNotes {
  pieces: ParsedPiece[]
  /** The YAML between the opening `---` lines, with the line it starts on. */
  frontMatter?: { yaml: string; line: number }
}

const PIECE_CHARS = 1500
const FENCE = /^ {0,3}(`{3,}|~{3,})/
const DEFINITION = /^ {0,3}\[(?!\^)[^\]]+\]:[ \t]*\S/
const STARTS_BLOCK = /^[A-Za-z0-9#]/
const LIST_ITEM = /^\d{1,9}[.)](?:[ \t]|$)/
/** HTML blocks that run across blank lines, with what ends each. */
const RAW_HTML: [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
  [/^ {0,3}<![A-Za-z]/, />/]
]

/** Front matter can only open the file, so only the first piece is parsed with it. */
const firstPiece = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml'])
const laterPiece = unified().use(remarkParse).use(remarkGfm)

/** Line indexes where a new piece may start. */
function splitPoints(lines: string[]): { points: number[]; definitions: string[] } {
  const points: number[] = []
  const definitions: string[] = []
  let fence: string | null = null
  let rawEnd: RegExp | null = null
  let inFrontMatter = lines[0] === '---'
  let size = 0
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    size += line.length + 1
    if (inFrontMatter) {
      if (i > 0 && (line === '---' || line === '...')) inFrontMatter = false
      continue
    }
    if (fence) {
      const m = FENCE.exec(line)
      if (m && (m[1] as string)[0] === fence[0] && (m[1] as string).length >= fence.length && line.trim() === (m[1] as string).trim()) fence = null
      continue
    }
    if (rawEnd) {
      if (rawEnd.test(line)) rawEnd = null
      continue
    }
    if (DEFINITION.test(line)) definitions.push(line)
    const canSplit = size >= PIECE_CHARS && i > 0 && (lines[i - 1] as string).trim() === '' && STARTS_BLOCK.test(line) && !LIST_ITEM.test(line)
    if (canSplit) {
      points.push(i)
      size = line.length + 1
    }
    const fenceOpen = FENCE.exec(line)
    if (fenceOpen) {
      fence = fenceOpen[1] as string
      continue
    }
    const raw = RAW_HTML.find(([start]) => start.test(line))
    if (raw && !raw[1].test(line.replace(raw[0], ''))) rawEnd = raw[1]
  }
  return { points, definitions }
}

/** Parses the whole file, one piece per turn of the event loop. */
export async function parseMarkdown(text: string, pause: () => Promise<void> = nextSlice): Promise<ParsedNotes> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  const { points, definitions } = splitPoints(lines)
  const tail = definitions.length > 0 ? `\n\n${definitions.join('\n')}\n` : ''
  const bounds = [0, ...points, lines.length]
  const result: ParsedNotes = { pieces: [] }
  await pause()
  for (let p = 0; p + 1 < bounds.length; p++) {
    const start = bounds[p] as number
    const end = bounds[p + 1] as number
    const source = lines.slice(start, end).join('\n') + (p > 0 || points.length > 0 ? tail : '')
    const root = (p === 0 ? firstPiece : laterPiece).parse(source) as Root
    const nodes: RootContent[] = []
    for (const node of root.children) {
      // The copied definitions sit past the piece's own lines.
      if (node.type === 'definition' && (node.position?.start.line ?? 0) > end - start) continue
      if (node.type === 'yaml') {
        if (p === 0 && !result.frontMatter) result.frontMatter = { yaml: node.value, line: 2 }
        continue
      }
      nodes.push(node)
    }
    result.pieces.push({ nodes, lineOffset: start })
    if (p + 2 < bounds.length) await pause()
  }
  return result
}
