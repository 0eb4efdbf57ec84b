// Why: students already write cards in Anki's and Obsidian Spaced
// Repetition's conventions, so those are read as they are: `{{c1::…}}` cloze
// (with `::hint`), `Question::Answer`, `Question:::Answer` for both ways, and a
// lone `?` (or `??`) line between a question and its answer. Parsing only:
// ids and where each card points are decided in map-to-pack.ts.
import { BLANK } from '../../../shared/domain/cloze'

export interface LineText {
  text: string
  line: number
}

export interface ClozeCard {
  /** The text with this blank as `{{blank}}` (a hint follows it in brackets); every other cloze shows its answer. */
  text: string
  answer: string
  number: number
  /** 1 for the first occurrence of this cloze number, 2 for the next… */
  occurrence: number
}

export interface BasicCard {
  syntax: 'basic' | 'reversed' | 'multi-line' | 'multi-line-reversed'
  front: string
  back: string
  line: number
}

const CLOZE = /\{\{c(\d{1,3})::([\s\S]*?)\}\}/g
const SHORT_MAX = 500

export const hasCloze = (text: string): boolean => /\{\{c\d{1,3}::/.test(text)

/** "answer::hint" → answer and hint. */
function splitHint(body: string): { answer: string; hint?: string } {
  const at = body.indexOf('::')
  if (at < 0) return { answer: body.trim() }
  const hint = body.slice(at + 2).trim()
  return { answer: body.slice(0, at).trim(), ...(hint ? { hint } : {}) }
}

/** Cuts text to at most SHORT_MAX characters around the blank, at word boundaries where that keeps the blank. */
function around(text: string): string {
  if (text.length <= SHORT_MAX) return text
  const at = text.indexOf(BLANK)
  const side = Math.floor((SHORT_MAX - BLANK.length - 2) / 2)
  const hardStart = Math.max(0, at - side)
  const hardEnd = Math.min(text.length, at + BLANK.length + side)
  const space = text.indexOf(' ', hardStart)
  const start = hardStart > 0 && space >= 0 && space < at ? space + 1 : hardStart
  const lastSpace = text.lastIndexOf(' ', hardEnd)
  const end = hardEnd < text.length && lastSpace > at + BLANK.length ? lastSpace : hardEnd
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`
}

/** The text as the reader shows it (answers in place) and one card per cloze occurrence. */
export function readCloze(source: string): { plain: string; cards: ClozeCard[]; problems: string[] } {
  // The pack marks a blank with {{blank}}, so the same letters typed in the notes must not read as a second one.
  const text = source.split(BLANK).join('{blank}')
  const matches = [...text.matchAll(CLOZE)]
  const problems: string[] = []
  const plainOf = (m: RegExpMatchArray): string => splitHint(m[2] as string).answer
  const plain = text.replace(CLOZE, (_all, _n, body: string) => splitHint(body).answer)
  if (/\{\{c\d{1,3}::/.test(plain)) problems.push('a cloze is opened with {{c1:: but never closed with }}; it is kept as text')
  const seen = new Map<number, number>()
  const cards: ClozeCard[] = []
  matches.forEach((m, index) => {
    const number = Number(m[1])
    const occurrence = (seen.get(number) ?? 0) + 1
    seen.set(number, occurrence)
    const { answer, hint } = splitHint(m[2] as string)
    if (!answer) return problems.push(`cloze c${number} has no answer`) && undefined
    if (answer.length > SHORT_MAX) return problems.push(`cloze c${number} hides more than ${SHORT_MAX} characters; it is kept as text`) && undefined
    let out = ''
    let last = 0
    matches.forEach((other, j) => {
      out += text.slice(last, other.index) + (j === index ? `${BLANK}${hint ? ` (hint: ${hint})` : ''}` : plainOf(other))
      last = (other.index as number) + other[0].length
    })
    out += text.slice(last)
    cards.push({ text: around(out.replace(/\s+/g, ' ').trim()), answer, number, occurrence })
  })
  return { plain, cards, problems }
}

/** `Q::A` and `Q:::A` on one line; undefined when the line is not a card. */
function lineCard(line: LineText): BasicCard | undefined {
  const reversed = line.text.indexOf(':::')
  const basic = line.text.indexOf('::')
  if (basic < 0) return undefined
  const isReversed = reversed >= 0 && reversed === basic
  const width = isReversed ? 3 : 2
  const front = line.text.slice(0, basic).trim()
  const back = line.text.slice(basic + width).trim()
  if (!front || !back || back.startsWith(':')) return undefined
  return { syntax: isReversed ? 'reversed' : 'basic', front, back, line: line.line }
}

export interface ParagraphCards {
  cards: BasicCard[]
  /** The paragraph as the reader shows it: separators turned into " — ". */
  display: string
}

/** Cards written in a paragraph's lines, Obsidian-style. */
export function readLineCards(lines: LineText[]): ParagraphCards {
  const sep = lines.findIndex((l) => l.text.trim() === '?' || l.text.trim() === '??')
  if (sep > 0 && sep < lines.length - 1) {
    const front = lines
      .slice(0, sep)
      .map((l) => l.text.trim())
      .join(' ')
    const back = lines
      .slice(sep + 1)
      .map((l) => l.text.trim())
      .join('\n')
    const reversed = (lines[sep] as LineText).text.trim() === '??'
    // A question or answer of nothing (a hard break before the `?`) is not a card.
    if (front.trim() && back.trim())
      return {
        cards: [{ syntax: reversed ? 'multi-line-reversed' : 'multi-line', front, back, line: (lines[0] as LineText).line }],
        display: `${front} — ${back.replace(/\n/g, ' ')}`
      }
  }
  const cards: BasicCard[] = []
  const shown = lines.map((l) => {
    const card = lineCard(l)
    if (!card) return l.text.trim()
    cards.push(card)
    return `${card.front} — ${card.back}`
  })
  return { cards, display: shown.join(' ').trim() }
}
