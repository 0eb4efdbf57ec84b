// Why: the Hindi ↔ English glossary drill needs the entries that can be asked
// both ways, and a card for each way, decided once here (pure, no view) so the
// drill view and its tests agree on what is asked. An entry with no settled
// Hindi term is still drilled by its Hindi meaning: the English term is what
// a Hindi-medium student must recognise in an English paper.
import type { GlossaryEntry } from '../pack/schema'

export type DrillDirection = 'hi-en' | 'en-hi'

export interface GlossaryPair {
  id: string
  term: string
  meaning: string
  termHi?: string
  meaningHi?: string
}

export interface DrillCard {
  id: string
  direction: DrillDirection
  /** What the student sees first. */
  prompt: string
  /** The other language's side, shown on reveal. */
  answer: string
  /** Shown on reveal under the answer: the meaning in the answer's language. */
  detail: string
}

/** Entries with some Hindi to drill on, in glossary order. */
export function glossaryPairs(glossary: readonly GlossaryEntry[]): GlossaryPair[] {
  return glossary.flatMap((g) =>
    g.termHi === undefined && g.meaningHi === undefined
      ? []
      : [
          {
            id: g.id,
            term: g.term,
            meaning: g.meaning,
            ...(g.termHi !== undefined ? { termHi: g.termHi } : {}),
            ...(g.meaningHi !== undefined ? { meaningHi: g.meaningHi } : {})
          }
        ]
  )
}

/** The Hindi side of a pair: its term where Hindi has one, else its meaning. */
export function hindiSide(pair: GlossaryPair): string {
  return pair.termHi ?? pair.meaningHi ?? ''
}

export function drillCard(pair: GlossaryPair, direction: DrillDirection): DrillCard {
  const hindi = hindiSide(pair)
  // With no Hindi term the Hindi side is already the meaning; don't show it twice.
  const hindiDetail = pair.termHi !== undefined ? (pair.meaningHi ?? '') : ''
  return direction === 'hi-en'
    ? { id: pair.id, direction, prompt: hindi, answer: pair.term, detail: pair.meaning }
    : { id: pair.id, direction, prompt: pair.term, answer: hindi, detail: hindiDetail }
}

/** Both ways for every pair, Hindi → English first. */
export function drillCards(glossary: readonly GlossaryEntry[], directions: readonly DrillDirection[] = ['hi-en', 'en-hi']): DrillCard[] {
  const pairs = glossaryPairs(glossary)
  return directions.flatMap((d) => pairs.map((p) => drillCard(p, d)))
}
