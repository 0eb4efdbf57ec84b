// Why: the sections of a notes pack as they fill up: which section content
// goes into (an "Overview" before the first `##`), the sub-heading that titles
// the next block, and blocks with ids from the heading path and their text.
// It enforces what a pack can hold (text length, list items, blocks per
// section) by splitting or continuing, with a warning, never by dropping.
import type { Block, Question, Section } from '../../../shared/pack/schema'
import type { NotesWarning } from '../../../shared/domain/notes'
import { contentHash, normaliseForId, type IdRegistry } from './ids'
import type { Definitions } from './inline-text'
import type { SourceBook } from './sources'

const TEXT_MAX = 20_000
export const SHORT_MAX = 500
const MAX_BLOCKS = 200
const MAX_ITEMS = 100

export interface SectionDraft extends Section {
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

export class SectionBuilder {
  readonly sections: SectionDraft[] = []
  /** The sub-heading content sits under: part of its blocks' id and of card explanations. */
  protected sub: string | undefined
  /** A sub-heading waiting to title the next block. */
  protected pendingTitle: string | undefined
  protected pendingLine = 0

  constructor(protected readonly ctx: MapContext) {}

  /** Settles every section: each waiting question gets a block to point at, and a section left empty is left out. */
  protected finishSections(): void {
    this.dropUnusedTitle()
    for (const section of this.sections) this.settle(section)
    // A heading with nothing under it has no block a student could read or highlight.
    for (const section of this.sections.filter((s) => s.blocks.length === 0)) {
      this.warn(section.line, `the section "${section.title}" has no notes under it, so it is left out`)
    }
    const kept = this.sections.filter((s) => s.blocks.length > 0)
    this.sections.splice(0, this.sections.length, ...kept)
  }

  protected dropUnusedTitle(): void {
    if (this.pendingTitle !== undefined)
      this.warn(this.pendingLine, `the heading "${this.pendingTitle}" has no notes under it; it is shown only in card explanations`)
    this.pendingTitle = undefined
  }

  protected warn(line: number, message: string): void {
    this.ctx.warnings.push({ line, message })
  }

  protected openSection(title: string, line: number): SectionDraft {
    this.dropUnusedTitle()
    const section: SectionDraft = { id: this.ctx.ids.generated(title, line), title: short(title), blocks: [], line, waiting: [] }
    this.sections.push(section)
    this.sub = undefined
    this.pendingTitle = undefined
    return section
  }

  /** The section content goes into; content before the first `##` gets an "Overview" section. */
  protected current(line: number): SectionDraft {
    return this.sections[this.sections.length - 1] ?? this.openSection('Overview', line)
  }

  /** A text block (split when longer than a block holds); the first block made, or undefined when the text is empty. */
  protected addText(
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

  protected addItems(items: string[], line: number, ref: string | undefined, links: { url: string; label: string }[] = []): Block[] {
    const kept = items.flatMap((item) => splitText(item, TEXT_MAX))
    const blocks: Block[] = []
    for (let i = 0; i < kept.length; i += MAX_ITEMS) {
      if (i === MAX_ITEMS) this.warn(line, `a list holds at most ${MAX_ITEMS} items per block, so this one is split`)
      blocks.push(this.push({ kind: 'bullets', items: kept.slice(i, i + MAX_ITEMS) }, line, links, i === 0 ? ref : undefined))
    }
    return blocks
  }

  protected push(content: Pick<Block, 'kind' | 'text' | 'items'>, line: number, links: { url: string; label: string }[], ref?: string, title?: string): Block {
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
  protected settle(section: SectionDraft): void {
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

export function short(text: string): string {
  return text.length > SHORT_MAX ? `${text.slice(0, SHORT_MAX - 1)}…` : text
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
