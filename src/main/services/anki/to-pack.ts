// Why: an Anki deck becomes a pack the app can read and test from. Each note
// is a block to read (its front and back, or its cloze text with the answers
// shown) and the cards it makes: a Basic note a flashcard (two for a reversed
// one), a Cloze note one cloze per deletion. Sections follow the deck's
// sub-decks, else the notes' first tags, 200 blocks at most each. Fields are
// reduced to plain text; ids come from the note's guid, so importing the same
// deck again (to update the pack) keeps each card's id and its history.
import type { AnkiError, AnkiPreview } from '../../../shared/domain/anki'
import type { Block, Pack, Question } from '../../../shared/pack/schema'
import { readCloze } from '../notes/card-syntax'
import { IdRegistry, contentHash, slugify } from '../notes/ids'
import { countMedia, htmlToText } from './html-text'
import type { ReadNote } from './read-collection'

export interface ToPackInput {
  notes: ReadNote[]
  fileName: string
  /** Which file was read ("collection.anki2", "csv"…), shown in the preview. */
  source: string
  packId?: string
  mediaFiles: number
  reviews: number
  warnings: string[]
  now: Date
  /** Awaited between slices of notes; the CLI passes none. */
  pause?: () => Promise<void>
}

export type ToPackResult = { ok: true; pack: Pack; preview: AnkiPreview } | { ok: false; error: AnkiError }

const BLOCKS_PER_SECTION = 200
const MAX_SECTIONS = 100
const MAX_QUESTIONS = 5000
const SHORT = 500
const TEXT = 20_000

const cut = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`)
const humanise = (tag: string): string => {
  const words = tag.replace(/[-_]+/g, ' ').trim()
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'Cards'
}

/** The deck's own name when every note is in it or under it; else the file's name. */
function deckTitle(notes: ReadNote[], fileName: string): string {
  const tops = new Set(notes.map((n) => n.deck.split('::')[0]!.trim()))
  const only = tops.size === 1 ? [...tops][0] : undefined
  return (only && only !== 'Default' ? only : fileName.replace(/\.[^.]+$/, '')).slice(0, SHORT) || 'Anki deck'
}

/** Where each note is read: its sub-deck when the deck has several, else its first tag. */
function groupOf(notes: ReadNote[]): (n: ReadNote) => string {
  const decks = new Set(notes.map((n) => n.deck))
  if (decks.size > 1) return (n) => n.deck.split('::').slice(1).join(' — ') || n.deck
  if (notes.some((n) => n.tags.length > 0)) return (n) => (n.tags[0] ? humanise(n.tags[0]) : 'Cards')
  return () => 'Cards'
}

export async function ankiToPack(input: ToPackInput): Promise<ToPackResult> {
  const warnings = [...input.warnings]
  const fail = (code: AnkiError['code'], message: string): ToPackResult => ({ ok: false, error: { code, message } })
  const ids = new IdRegistry()
  const title = deckTitle(input.notes, input.fileName)
  const group = groupOf(input.notes)
  const groups = new Map<string, { block: Block; questions: Question[] }[]>()
  let cut500 = 0
  let skipped = 0
  // An .apkg lists its media files; a CSV can only be searched for references to them.
  const media = input.mediaFiles > 0 ? input.mediaFiles : input.notes.reduce((n, note) => n + note.fields.reduce((m, f) => m + countMedia(f), 0), 0)
  const sourceId = ids.generated('anki-deck', 0)
  const cards = { flashcard: 0, cloze: 0 }

  const pause = input.pause ?? (async () => undefined)
  for (const [index, note] of input.notes.entries()) {
    if (index % 200 === 199) await pause()
    const root = ids.generated(`n-${contentHash(note.guid)}`, 0)
    const texts = note.fields.map(htmlToText)
    const extra = texts.slice(1).filter(Boolean).join('\n')
    const questions: Question[] = []
    let blockText: string
    if (note.kind === 'cloze') {
      const read = readCloze(texts[0] ?? '')
      if (read.cards.length === 0) {
        skipped++
        continue
      }
      blockText = [read.plain, extra].filter(Boolean).join('\n')
      for (const c of read.cards) {
        questions.push({
          id: ids.generated(`${root}-c${c.number}${c.occurrence > 1 ? `-${c.occurrence}` : ''}`, 0),
          kind: 'cloze',
          tests: [root],
          text: c.text,
          answer: c.answer,
          explanation: cut(extra || read.plain, TEXT)
        })
      }
    } else {
      const [front = '', back = ''] = texts
      if (!front || !back) {
        skipped++
        continue
      }
      if (front.length > SHORT || (note.ords.includes(1) && back.length > SHORT)) cut500++
      const explanation = cut(texts.slice(2).filter(Boolean).join('\n') || back, TEXT)
      blockText = `${front}\n${back}`
      questions.push({ id: ids.generated(`${root}-f`, 0), kind: 'flashcard', tests: [root], front: cut(front, SHORT), back: cut(back, TEXT), explanation })
      if (note.ords.includes(1))
        questions.push({ id: ids.generated(`${root}-r`, 0), kind: 'flashcard', tests: [root], front: cut(back, SHORT), back: cut(front, TEXT), explanation })
    }
    for (const q of questions) cards[q.kind as 'flashcard' | 'cloze']++
    const block: Block = { id: root, kind: 'paragraph', text: cut(blockText.replace(/\n+/g, ' — '), TEXT), sourceIds: [sourceId] }
    const key = group(note)
    const list = groups.get(key) ?? []
    list.push({ block, questions })
    groups.set(key, list)
  }

  const total = cards.flashcard + cards.cloze
  if (total === 0) return fail('empty', `${input.fileName} has no cards the app can use (it needs Basic or Cloze notes with text).`)
  if (total > MAX_QUESTIONS)
    return fail('too-many', `${input.fileName} makes ${total} cards; a pack holds at most ${MAX_QUESTIONS}. Split the deck in Anki and import the parts.`)
  const sections: Pack['sections'] = []
  const questions: Question[] = []
  const previewSections: AnkiPreview['sections'] = []
  for (const [name, items] of groups) {
    for (let start = 0; start < items.length; start += BLOCKS_PER_SECTION) {
      const part = items.slice(start, start + BLOCKS_PER_SECTION)
      const sectionTitle = cut(start === 0 ? name : `${name} (${start / BLOCKS_PER_SECTION + 1})`, SHORT)
      const id = ids.generated(slugify(sectionTitle) || 'cards', 0)
      sections.push({ id, title: sectionTitle, blocks: part.map((p) => p.block) })
      const qs = part.flatMap((p) => p.questions)
      questions.push(...qs)
      previewSections.push({ id, title: sectionTitle, cards: qs.length })
    }
  }
  if (sections.length > MAX_SECTIONS)
    return fail(
      'too-many',
      `${input.fileName} makes ${sections.length} sections; a pack holds at most ${MAX_SECTIONS}. Split the deck in Anki and import the parts.`
    )

  if (skipped > 0) warnings.push(`${skipped} note(s) had no text to ask (an empty front or back, or a cloze with no deletion) and are left out`)
  if (cut500 > 0) warnings.push(`${cut500} card front(s) were longer than ${SHORT} characters and are shortened`)
  if (media > 0) warnings.push(`${media} picture or sound file(s) are left out: the app imports text only`)
  if (input.reviews > 0) warnings.push(`the deck's ${input.reviews} past review(s) are not carried over: its cards start as new`)
  const packId = input.packId ?? (slugify(title, 60) || 'anki-deck')
  const pack: Pack = {
    schemaVersion: 1,
    id: packId,
    title,
    version: '1.0.0',
    asOf: input.now.toISOString().slice(0, 10),
    sources: [{ id: sourceId, title: cut(`Anki deck ${input.fileName}`, SHORT), file: cut(input.fileName, SHORT) }],
    sections,
    glossary: [],
    timeline: [],
    tables: [],
    questions
  }
  return {
    ok: true,
    pack,
    preview: {
      packId,
      title,
      source: input.source,
      notes: input.notes.length,
      cards,
      sections: previewSections,
      mediaLeftOut: media,
      historySeeded: false,
      reviewsInDeck: input.reviews,
      warnings
    }
  }
}
