// Why: the one mapping from a parsed notes file to pack content: `#` is the
// title, `##` a section, `###` and deeper a sub-heading that titles the next
// block; paragraphs, lists and quotes become blocks, `> [!note]` and friends
// callouts, GFM tables compare tables, and card syntax questions that test the
// block they were written in. Nothing read is dropped: what cannot map is kept
// as text with a warning that names its line.
import type { Blockquote, Code, Heading, List, ListItem, Nodes, Paragraph, RootContent } from 'mdast'
import type { Block, CompareTable, Question, Section } from '../../../shared/pack/schema'
import type { CardSyntax, NotesWarning } from '../../../shared/domain/notes'
import { hasCloze, readCloze, readLineCards, type BasicCard, type ClozeCard, type LineText } from './card-syntax'
import { contentHash, normaliseForId, takeBlockRef, type IdRegistry } from './ids'
import { inlineText, oneLine, type Definitions } from './inline-text'
import { QUIZ_LANGS, readQuiz } from './quiz-block'
import type { SourceBook } from './sources'
import { readTable } from './tables'
import { buildQuizQuestion, cardQuestions } from './questions'

const TEXT_MAX = 20_000
const SHORT_MAX = 500
const MAX_BLOCKS = 200
const MAX_ITEMS = 100
const CALLOUT = /^\[!([A-Za-z-]+)\][+-]?[ \t]*(.*)$/
const CALLOUT_KIND: Record<string, Block['kind']> = { important: 'key-fact', 'key-fact': 'key-fact', correction: 'correction' }

interface SectionDraft extends Section {
  line: number
  /** Questions waiting for a block in this section to point at. */
  waiting: Question[]
}

export interface MapContext {
  ids: IdRegistry
  sources: SourceBook
  warnings: NotesWarning[]
  definitions: Definitions
}

export class NotesMapper {
  title: string | undefined
  readonly sections: SectionDraft[] = []
  readonly tables: CompareTable[] = []
  readonly questions: Question[] = []
  readonly syntax: Partial<Record<CardSyntax, number>> = {}
  /** Set when the notes cannot become a pack at all (a table too big). */
  error: { line: number; message: string } | undefined
  private sub: string | undefined
  /** A sub-heading waiting to title the next block. */
  private pendingTitle: string | undefined
  private pendingLine = 0
  private offset = 0

  constructor(private readonly ctx: MapContext) {}

  /** Maps one parsed piece; `offset` turns a piece's line numbers into the file's. */
  mapPiece(nodes: RootContent[], offset: number): void {
    this.offset = offset
    for (const node of nodes) this.visit(node)
  }

  /** Closes the last section: every waiting question gets a block to point at. */
  finish(): void {
    this.dropUnusedTitle()
    for (const section of this.sections) this.settle(section)
    // A heading with nothing under it has no block a student could read or highlight.
    for (const section of this.sections.filter((s) => s.blocks.length === 0)) {
      this.warn(section.line, `the section "${section.title}" has no notes under it, so it is left out`)
    }
    const kept = this.sections.filter((s) => s.blocks.length > 0)
    this.sections.splice(0, this.sections.length, ...kept)
  }

  private dropUnusedTitle(): void {
    if (this.pendingTitle !== undefined)
      this.warn(this.pendingLine, `the heading "${this.pendingTitle}" has no notes under it; it is shown only in card explanations`)
    this.pendingTitle = undefined
  }

  private line(node: Nodes): number {
    return (node.position?.start.line ?? 1) + this.offset
  }

  private warn(line: number, message: string): void {
    this.ctx.warnings.push({ line, message })
  }

  private count(kind: CardSyntax, n = 1): void {
    this.syntax[kind] = (this.syntax[kind] ?? 0) + n
  }

  private visit(node: RootContent): void {
    const line = this.line(node)
    switch (node.type) {
      case 'heading':
        return this.heading(node, line)
      case 'paragraph':
        return this.paragraph(node, line)
      case 'list':
        return this.list(node, line)
      case 'blockquote':
        return this.quote(node, line)
      case 'table': {
        const title = this.sub ?? this.current(line).title
        const outcome = readTable(node, title, line, { ...this.ctx, count: this.tables.length })
        // The sub-heading titled the table; it must not also title the next paragraph.
        if (!('rows' in outcome)) this.pendingTitle = undefined
        if ('error' in outcome) {
          this.error ??= { line, message: `The table at line ${line}: ${outcome.error}.` }
        } else if ('table' in outcome) this.tables.push(outcome.table)
        else {
          this.warn(line, `this table is kept as a list: ${outcome.reason}`)
          this.addItems(outcome.rows, line, undefined)
        }
        return
      }
      case 'code':
        return this.code(node, line)
      case 'html':
        this.warn(line, 'HTML is not run or shown as a page; it is kept as text')
        return void this.addText('paragraph', node.value, line)
      case 'footnoteDefinition': {
        const text = node.children.map((c) => inlineText([c], this.ctx.definitions).text).join(' ')
        return void this.addText('paragraph', `[^${node.label ?? node.identifier}]: ${text}`, line)
      }
      case 'thematicBreak':
      case 'definition':
      case 'yaml':
        return
      default: {
        const text = inlineText([node], this.ctx.definitions).text
        if (text.trim()) this.addText('paragraph', text, line)
      }
    }
  }

  private heading(node: Heading, line: number): void {
    const text = oneLine(takeBlockRef(inlineText(node.children, this.ctx.definitions).text).text)
    if (!text) return this.warn(line, 'an empty heading is skipped')
    if (node.depth === 1 && this.title === undefined) {
      this.title = text
      return
    }
    if (node.depth <= 2) {
      if (node.depth === 1) this.warn(line, 'only the first # heading is the pack title; this one starts a section')
      this.openSection(text, line)
      return
    }
    this.current(line)
    this.dropUnusedTitle()
    this.sub = text
    this.pendingTitle = text
    this.pendingLine = line
  }

  private openSection(title: string, line: number): SectionDraft {
    this.dropUnusedTitle()
    const section: SectionDraft = { id: this.ctx.ids.generated(title, line), title: short(title), blocks: [], line, waiting: [] }
    this.sections.push(section)
    this.sub = undefined
    this.pendingTitle = undefined
    return section
  }

  /** The section content goes into; content before the first `##` gets an "Overview" section. */
  private current(line: number): SectionDraft {
    return this.sections[this.sections.length - 1] ?? this.openSection('Overview', line)
  }

  private paragraph(node: Paragraph, line: number): void {
    const inline = inlineText(node.children, this.ctx.definitions)
    if (inline.html) this.warn(line, 'HTML in the text is kept as text, never run')
    if (inline.images) this.warn(line, 'pictures are left out; their alt text is kept')
    const { text, ref } = takeBlockRef(inline.text)
    if (hasCloze(text)) {
      const cloze = readCloze(text)
      cloze.problems.forEach((p) => this.warn(line, p))
      const block = this.addText('paragraph', cloze.plain, line, inline.links, ref)
      if (block && cloze.cards.length) {
        this.count('cloze', cloze.cards.length)
        this.pushQuestions(cardQuestions.cloze(cloze.cards, block, this.explanation(), this.ctx.ids, line))
      }
      return
    }
    const lines: LineText[] = text.split('\n').map((t, i) => ({ text: t, line: line + i }))
    const { cards, display } = readLineCards(lines)
    const block = this.addText('paragraph', display, line, inline.links, ref)
    if (!block) return
    for (const card of cards) {
      this.count(card.syntax)
      this.pushQuestions(cardQuestions.basic(card, block, ref, this.explanation(), this.ctx.ids, (l, m) => this.warn(l, m)))
    }
  }

  private list(node: List, line: number): void {
    const items: string[] = []
    const links: { url: string; label: string }[] = []
    const pending: { cloze?: ClozeCard[]; basic?: BasicCard[]; line: number }[] = []
    const walk = (list: List, depth: number): void => {
      for (const item of list.children as ListItem[]) {
        const itemLine = this.line(item)
        const inline = inlineText(item.children.filter((c) => c.type !== 'list') as Nodes[], this.ctx.definitions)
        links.push(...inline.links)
        if (inline.html) this.warn(itemLine, 'HTML in a list is kept as text, never run')
        const check = item.checked === true ? '☑ ' : item.checked === false ? '☐ ' : ''
        let display = oneLine(inline.text)
        if (hasCloze(inline.text)) {
          const cloze = readCloze(inline.text)
          cloze.problems.forEach((p) => this.warn(itemLine, p))
          display = oneLine(cloze.plain)
          pending.push({ cloze: cloze.cards, line: itemLine })
        } else {
          const found = readLineCards(inline.text.split('\n').map((t, i) => ({ text: t, line: itemLine + i })))
          if (found.cards.length) {
            display = oneLine(found.display)
            pending.push({ basic: found.cards, line: itemLine })
          }
        }
        if (display) items.push(`${'– '.repeat(depth)}${check}${display}`)
        for (const child of item.children) if (child.type === 'list') walk(child, depth + 1)
      }
    }
    walk(node, 0)
    const last = items.length - 1
    const taken = last >= 0 ? takeBlockRef(items[last] as string) : { text: '' }
    if (taken.ref) items[last] = taken.text
    const block = this.addItems(items, line, taken.ref, links)[0]
    if (!block) return
    for (const p of pending) {
      if (p.cloze?.length) {
        this.count('cloze', p.cloze.length)
        this.pushQuestions(cardQuestions.cloze(p.cloze, block, this.explanation(), this.ctx.ids, p.line))
      }
      for (const card of p.basic ?? []) {
        this.count(card.syntax)
        this.pushQuestions(cardQuestions.basic(card, block, undefined, this.explanation(), this.ctx.ids, (l, m) => this.warn(l, m)))
      }
    }
  }

  private quote(node: Blockquote, line: number): void {
    const first = node.children[0]
    const firstText = first?.type === 'paragraph' ? inlineText(first.children, this.ctx.definitions).text : ''
    const [head = '', ...rest] = firstText.split('\n')
    const callout = CALLOUT.exec(head.trim())
    const parts = node.children.map((c, i) => (i === 0 && callout ? rest.join('\n') : inlineText([c], this.ctx.definitions).text))
    const links = inlineText(node.children, this.ctx.definitions).links
    const body = parts.filter((p) => p.trim()).join('\n')
    if (!callout) return void this.addText('paragraph', body, line, links)
    const type = (callout[1] as string).toLowerCase()
    const kind = CALLOUT_KIND[type] ?? 'callout'
    const title = oneLine(callout[2] as string) || (type === 'note' ? '' : capitalise(type))
    if (!body.trim()) return void this.addText(kind, title || capitalise(type), line, links)
    this.addText(kind, body, line, links, undefined, title || undefined)
  }

  private code(node: Code, line: number): void {
    if (node.lang && QUIZ_LANGS.has(node.lang.toLowerCase())) {
      const quiz = readQuiz(node.value)
      if (!quiz.ok) {
        this.warn(line, `this quiz block cannot be read (${quiz.reason}); it is kept as text`)
        return void this.addText('paragraph', node.value, line)
      }
      this.count(quiz.card.kind === 'mcq' ? 'quiz-mcq' : 'quiz-statements')
      const section = this.current(line)
      const question = buildQuizQuestion(quiz.card, section.blocks[section.blocks.length - 1]?.id, this.ctx.ids, line)
      if (question.tests.length === 0) section.waiting.push(question)
      return this.pushQuestions([question])
    }
    this.addText('paragraph', node.value, line)
  }

  private explanation(): string {
    const section = this.sections[this.sections.length - 1]
    return short(`From your notes: ${section?.title ?? 'Overview'}${this.sub ? ` › ${this.sub}` : ''}.`)
  }

  private pushQuestions(questions: Question[]): void {
    this.questions.push(...questions)
  }

  /** A text block (split when longer than a block holds); the first block made, or undefined when the text is empty. */
  private addText(
    kind: Block['kind'],
    raw: string,
    line: number,
    links: { url: string; label: string }[] = [],
    ref?: string,
    title?: string
  ): Block | undefined {
    const text = raw.replace(/[ \t]*\n[ \t]*/g, kind === 'paragraph' ? ' ' : '\n').trim()
    if (!text) return undefined
    const pieces = splitText(text, TEXT_MAX)
    if (pieces.length > 1) this.warn(line, `this text is longer than ${TEXT_MAX} characters, so it is split into ${pieces.length} blocks`)
    const made = pieces.map((piece, i) => this.push({ kind, text: piece }, line, links, i === 0 ? ref : undefined, i === 0 ? title : undefined))
    return made[0]
  }

  private addItems(items: string[], line: number, ref: string | undefined, links: { url: string; label: string }[] = []): Block[] {
    const kept = items.flatMap((item) => splitText(item, TEXT_MAX))
    const blocks: Block[] = []
    for (let i = 0; i < kept.length; i += MAX_ITEMS) {
      if (i === MAX_ITEMS) this.warn(line, `a list holds at most ${MAX_ITEMS} items per block, so this one is split`)
      blocks.push(this.push({ kind: 'bullets', items: kept.slice(i, i + MAX_ITEMS) }, line, links, i === 0 ? ref : undefined))
    }
    return blocks
  }

  private push(content: Pick<Block, 'kind' | 'text' | 'items'>, line: number, links: { url: string; label: string }[], ref?: string, title?: string): Block {
    let section = this.current(line)
    if (section.blocks.length >= MAX_BLOCKS) {
      this.warn(line, `a section holds at most ${MAX_BLOCKS} blocks, so "${section.title}" continues in a new section`)
      const [sub, pendingTitle] = [this.sub, this.pendingTitle]
      section = this.openSection(`${section.title.replace(/ \(continued\)$/, '')} (continued)`, line)
      ;[this.sub, this.pendingTitle] = [sub, pendingTitle]
    }
    const heading = title ?? this.pendingTitle
    this.pendingTitle = undefined
    const body = content.text ?? (content.items ?? []).join('\n')
    const id = ref ?? this.ctx.ids.generated(`${section.id.slice(0, 40)}-${contentHash(`${this.sub ?? ''}\u0000${normaliseForId(body)}`)}`, line)
    const block: Block = { id, ...(heading ? { title: short(heading) } : {}), ...content, sourceIds: this.ctx.sources.sourceIds(links, line) }
    section.blocks.push(block)
    for (const q of section.waiting) q.tests.push(id)
    section.waiting = []
    return block
  }

  /** A section left with quizzes and no block: the quiz's question becomes its text, so the quiz has something to test. */
  private settle(section: SectionDraft): void {
    if (section.blocks.length > 0 || section.waiting.length === 0) return
    const q = section.waiting[0] as Question
    const text = q.kind === 'statements' ? `${q.stem} ${q.statements.join(' ')}` : q.kind === 'mcq' ? q.prompt : section.title
    this.warn(section.line, `"${section.title}" has quizzes but no notes; the first quiz's question is shown as its text`)
    const id = this.ctx.ids.generated(`${section.id.slice(0, 40)}-${contentHash(text)}`, section.line)
    section.blocks.push({ id, kind: 'paragraph', text, sourceIds: [this.ctx.sources.notesId] })
    for (const w of section.waiting) w.tests.push(id)
    section.waiting = []
  }
}

function short(text: string): string {
  return text.length > SHORT_MAX ? `${text.slice(0, SHORT_MAX - 1)}…` : text
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function splitText(text: string, max: number): string[] {
  const out: string[] = []
  let rest = text
  while (rest.length > max) {
    const cut = rest.lastIndexOf(' ', max) > max / 2 ? rest.lastIndexOf(' ', max) : max
    out.push(rest.slice(0, cut).trim())
    rest = rest.slice(cut).trim()
  }
  if (rest) out.push(rest)
  return out
}
