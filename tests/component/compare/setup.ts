// Why: compare-mode tests need more than the shared fixture's two rows (groups
// to filter, "differ" rows to drill, a second table to pick) and a fake of
// main's study channels that remembers ratings, so they share this setup.
import type { Mock } from 'vitest'
import type { Pack } from '@shared/domain'
import type { TableRow } from '@shared/pack/schema'
import type { CardSummary, QueueItem } from '@shared/domain/study'
import { api } from '../helpers/fake-api'
import { fixturePack } from '../fixtures/pack'

const row = (id: string, dimension: string, group: string, relation: TableRow['relation'], us: string, russia: string): TableRow => ({
  id,
  dimension,
  group,
  relation,
  cells: {
    us: { text: us, sourceIds: ['src-mea'], blockIds: ['blk-fact'] },
    russia: { text: russia, sourceIds: ['src-mea', 'src-file'], blockIds: ['blk-s400'] }
  }
})

/** The fixture pack with a six-row table over three groups, and a second table. */
export function comparePack(): Pack {
  const pack = fixturePack()
  const main = pack.tables[0]!
  main.rows = [
    ...main.rows,
    row('row-deal', 'Flagship deal', 'Defence', 'differ', 'COMCASA opened US encrypted kit', 'S-400 Triumf from Russia'),
    row('row-sanctions', 'Sanctions', 'Defence', 'differ', 'The US is the sanctioning side', 'Russian kit is the target'),
    row('row-terror', 'Terrorism', 'Outlook', 'alike', 'On the agenda', 'In the joint statement'),
    row('row-formula', 'Formula-looking', 'Outlook', 'differ', '=1+1', '-5 degrees, "cold"')
  ]
  pack.tables.push({
    id: 'tbl-partners',
    title: 'Four partners',
    columns: [
      { id: 'p-us', label: 'United States' },
      { id: 'p-jp', label: 'Japan' }
    ],
    rows: [
      {
        id: 'prow-quad',
        dimension: 'Quad member',
        group: 'Outlook',
        relation: 'alike',
        cells: { 'p-us': { text: 'Yes', sourceIds: ['src-mea'] }, 'p-jp': { text: 'Yes', sourceIds: ['src-mea'] } }
      }
    ]
  })
  return pack
}

export interface FakeStudy {
  cards: Map<string, CardSummary>
  /** Item ids the due queue offers, in order. */
  due: string[]
}

export const study: FakeStudy = { cards: new Map(), due: [] }

const newCard = (itemId: string): CardSummary => ({
  itemId,
  state: 'new',
  due: null,
  stability: 0,
  difficulty: 0,
  reps: 0,
  lapses: 0,
  lastReview: null,
  retrievability: null
})

function queueItem(pack: Pack, itemId: string): QueueItem | null {
  const [rowId, columnId] = itemId.slice('cell:'.length).split('/')
  const table = pack.tables.find((t) => t.rows.some((r) => r.id === rowId))
  if (!table || !rowId || !columnId) return null
  return { itemId, ref: { kind: 'cell', tableId: table.id, rowId, columnId }, sectionIds: [], card: study.cards.get(itemId) ?? newCard(itemId) }
}

/** Serves comparePack() and a study fake; call after resetApi(). */
export function useComparePack(): void {
  study.cards = new Map()
  study.due = []
  api['packs:get'].mockReset().mockImplementation(async () => comparePack())
  ;(api['study:queue'] as Mock).mockReset().mockImplementation(async ({ packId, mode }: { packId: string; mode: 'due' | 'cram' }) => {
    const pack = comparePack()
    const all = pack.tables.flatMap((t) => t.rows.flatMap((r) => t.columns.map((c) => `cell:${r.id}/${c.id}`)))
    const ids = mode === 'due' ? study.due : all
    const items = ids.map((id) => queueItem(pack, id)).filter((i): i is QueueItem => i !== null)
    return { packId, mode, items, counts: { dueNow: study.due.length, newAvailable: 0, newLeftToday: 0, newPerDay: 20 } }
  })
  ;(api['study:rate'] as Mock).mockReset().mockImplementation(async ({ itemId, rating }: { itemId: string; rating: number }) => {
    const card: CardSummary = {
      ...newCard(itemId),
      state: rating === 1 ? 'learning' : 'review',
      due: '2030-06-14T09:00:00.000Z',
      reps: 1,
      lastReview: '2030-06-10T09:00:00.000Z'
    }
    study.cards.set(itemId, card)
    return card
  })
}
