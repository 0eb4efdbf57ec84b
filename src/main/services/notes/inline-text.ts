// Why: the pack holds plain text (the app never renders notes as HTML), so
// formatting is dropped, HTML the student typed stays visible as text, and
// every link's address is kept aside to become a source.
import type { Nodes, PhrasingContent } from 'mdast'

export interface InlineText {
  /** Soft line breaks stay "\n" so card syntax can be read line by line. */
  text: string
  links: { url: string; label: string }[]
  /** Raw HTML met in the text (kept as text). */
  html: boolean
  /** Images met (their alt text is kept, the picture is not). */
  images: number
}

export type Definitions = ReadonlyMap<string, string>

export function inlineText(nodes: readonly Nodes[], definitions: Definitions): InlineText {
  const out: InlineText = { text: '', links: [], html: false, images: 0 }
  const walk = (node: Nodes): void => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        out.text += node.value
        return
      case 'html':
        out.html = true
        out.text += node.value
        return
      case 'break':
        out.text += '\n'
        return
      case 'image':
      case 'imageReference':
        out.images++
        out.text += node.alt ?? ''
        return
      case 'footnoteReference':
        out.text += `[^${node.label ?? node.identifier}]`
        return
      case 'link': {
        const start = out.text.length
        node.children.forEach(walk)
        out.links.push({ url: node.url, label: out.text.slice(start).trim() })
        return
      }
      case 'linkReference': {
        const start = out.text.length
        node.children.forEach(walk)
        const url = definitions.get(node.identifier)
        if (url !== undefined) out.links.push({ url, label: out.text.slice(start).trim() })
        return
      }
      default:
        if ('children' in node) (node.children as PhrasingContent[]).forEach(walk)
        else if ('value' in node && typeof node.value === 'string') out.text += node.value
    }
  }
  nodes.forEach(walk)
  return out
}

/** One line of text: runs of whitespace (line breaks included) become one space. */
export const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim()
