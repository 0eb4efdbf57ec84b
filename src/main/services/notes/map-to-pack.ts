// Why: the one mapping from a parsed notes file to pack content: `#` is the
// title, `##` a section, `###` and deeper a sub-heading that titles the next
// block; paragraphs, lists and quotes become blocks, `> [!note]` and friends
// callouts, GFM tables compare tables, and card syntax questions that test the
// block they were written in. Nothing read is dropped: what cannot map is kept
// as text with a warning that names its line.
import type { Blockquote, Code, Heading, List, ListItem, Nodes, Paragraph, RootContent } from 'mdast'
import type { Block, CompareTable, Question } from '../../../shared/pack/schema'
import type { CardSyntax } from '../../../shared/domain/notes'
import { hasCloze, readCloze, readLineCards, type BasicCard, type ClozeCard, type LineText } from './card-syntax'
import { takeBlockRef } from './ids'
import { inlineText, oneLine } from './inline-text'
import { QUIZ_LANGS, readQuiz } from './quiz-block'
import { readTable } from './tables'
import { buildQuizQuestion, cardQuestions } from './questions'
import { SectionBuilder, short, type MapContext } from './section-builder'

export type { MapContext }

const CALLOUT = /^\[!([A-Za-z-]+)\][+-]?[ \t]*(.*)$/
const CALLOUT_KIND: Record<string, Block['kind']> = { important: 'key-fact', 'key-fact': 'key-fact', correction: 'correction' }

export class NotesMapper extends SectionBuilder {
  title: string | undefined
  readonly tables: CompareTable[] = []
  readonly questions: Question[] = []
  readonly syntax: Partial<Record<CardSyntax, number>> = {}
  /** Set when the notes cannot become a pack at all (a table too big). */
  error: { line: number; message: string } | undefined
  private offset = 0

  /** Closes the last section: every waiting question gets a block to point at. */
  finish(): void {
    this.finishSections()
  }

  /** Maps one parsed piece; `offset` turns a piece's line numbers into the file's. */
  mapPiece(nodes: RootContent[], offset: number): void {
    this.offset = offset
    for (const node of nodes) this.visit(node)
  }

  private line(node: Nodes): number {
    return (node.position?.start.line ?? 1) + this.offset
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
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
