// Why: the pure half of the drill: which cells a session asks about, and how a
// "Which dialogue?" prompt hides the words that would give the answer away.
// Kept apart from the store so tests can pin the randomness and the masking.
import { cellItemId, cellRef } from '@shared/domain/ids'
import type { CompareTable, TableRow } from '@shared/pack/schema'

export interface DrillCard {
  itemId: string
  tableId: string
  rowId: string
  columnId: string
}

export const toCard = (tableId: string, rowId: string, columnId: string): DrillCard => ({
  itemId: cellItemId(rowId, columnId),
  tableId,
  rowId,
  columnId
})

/** The card's cell as the table names it (`row/column`). */
export const cardRef = (card: Pick<DrillCard, 'rowId' | 'columnId'>): string => cellRef(card.rowId, card.columnId)

/** Fisher–Yates on a copy; `random` is injectable so tests are repeatable. */
export function shuffle<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j] as T, out[i] as T]
  }
  return out
}

/** Every filled cell of one column, top to bottom: "hide a column". */
export function columnCards(table: CompareTable, rows: readonly TableRow[], columnId: string): DrillCard[] {
  return rows.filter((r) => r.cells[columnId]).map((r) => toCard(table.id, r.id, columnId))
}

/** K cells drawn at random from the rows shown, in table order so the blanks read top to bottom. */
export function randomCards(table: CompareTable, rows: readonly TableRow[], k: number, random?: () => number): DrillCard[] {
  const all = rows.flatMap((r) => table.columns.filter((c) => r.cells[c.id]).map((c) => toCard(table.id, r.id, c.id)))
  const picked = new Set(shuffle(all, random).slice(0, Math.max(0, k)))
  return all.filter((c) => picked.has(c))
}

/*
 * Cells that can be told apart: in a row marked "differ", and with text no
 * other column of that row shares ("New Delhi" under both would be a coin toss).
 */
export function whichCards(table: CompareTable, rows: readonly TableRow[], k: number, random?: () => number): DrillCard[] {
  const candidates = rows
    .filter((r) => r.relation === 'differ')
    .flatMap((r) => {
      const texts = table.columns.map((c) => r.cells[c.id]?.text.trim().toLowerCase())
      return table.columns
        .filter((c, i) => texts[i] !== undefined && texts.indexOf(texts[i]) === texts.lastIndexOf(texts[i]))
        .map((c) => toCard(table.id, r.id, c.id))
    })
  return shuffle(candidates, random).slice(0, Math.max(0, k))
}

// A few names that stand for a partner as plainly as its own name does.
const ALIASES: Record<string, string[]> = {
  US: ['USA', 'U.S.', 'America', 'American', 'Washington'],
  States: ['US', 'USA', 'America', 'American', 'Washington'],
  Russia: ['Moscow', 'Kremlin', 'Soviet'],
  Japan: ['Tokyo'],
  Australia: ['Canberra'],
  China: ['Beijing']
}

export const MASK = '[masked]'

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The words that tell the column labels apart: "India–US 2+2" vs "India–Russia 2+2" → US, Russia. */
export function distinguishingWords(labels: readonly string[]): string[] {
  const split = labels.map((l) => l.split(/[\s–—\-/,()]+/).filter((w) => /[A-Za-z]{2,}/.test(w)))
  const common = new Set(split[0]?.filter((w) => split.every((ws) => ws.includes(w))) ?? [])
  const words = new Set(split.flat().filter((w) => !common.has(w)))
  for (const w of [...words]) for (const alias of ALIASES[w] ?? []) words.add(alias)
  return [...words]
}

/*
 * Replaces the column-identifying words. Short capitals (US) must match
 * exactly, or "use" would be masked; longer names also take their endings
 * (Russia → Russian, Russia's).
 */
export function maskLabels(text: string, labels: readonly string[]): string {
  let out = text
  const words = distinguishingWords(labels).sort((a, b) => b.length - a.length)
  for (const word of words) {
    const short = word.length <= 3 && word === word.toUpperCase()
    const pattern = short ? new RegExp(`(?<![A-Za-z])${escape(word)}(?![A-Za-z])`, 'g') : new RegExp(`(?<![A-Za-z])${escape(word)}[a-z]*`, 'gi')
    out = out.replace(pattern, MASK)
  }
  return out
}
