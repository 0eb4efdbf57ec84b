// Why: updating a pack from an edited notes file must say what the update
// does before the student accepts it. Everything is compared by id, because
// ids are what reviews, highlights and reading places are keyed by: an id in
// both packs with the same content carries its history over untouched; the
// same id with new content is "changed" (its history stays, keyed by id); an
// id only in the old pack is "removed" (its reviews and highlights are kept
// as orphans, as for any pack update).
import type { Pack } from '../../../shared/pack/schema'
import type { DiffKind, DiffLists, ReimportSummary } from '../../../shared/domain/notes'

type Keyed = Map<string, string>

/** Stable text for an object, keys sorted, so equal content compares equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(value) ?? 'undefined'
}

function index(pack: Pack): Record<DiffKind, Keyed> {
  const keyed = <T extends { id: string }>(items: readonly T[], view: (item: T) => unknown = (item) => item): Keyed =>
    new Map(items.map((item) => [item.id, canonical(view(item))]))
  return {
    // A section changes when its title does; its blocks are counted on their own.
    sections: keyed(pack.sections, (s) => ({ title: s.title, summary: s.summary })),
    blocks: keyed(pack.sections.flatMap((s) => s.blocks)),
    tables: keyed(pack.tables, (t) => ({ title: t.title, caption: t.caption, columns: t.columns })),
    rows: keyed(pack.tables.flatMap((t) => t.rows)),
    questions: keyed(pack.questions),
    sources: keyed(pack.sources)
  }
}

/** What replacing `before` with `after` adds, changes and removes, by kind. */
export function reimportSummary(before: Pack, after: Pack): ReimportSummary {
  const old = index(before)
  const next = index(after)
  let unchanged = 0
  const byKind = {} as Record<DiffKind, DiffLists>
  for (const kind of Object.keys(next) as DiffKind[]) {
    const lists: DiffLists = { added: [], changed: [], removed: [] }
    for (const [id, content] of next[kind]) {
      const was = old[kind].get(id)
      if (was === undefined) lists.added.push(id)
      else if (was !== content) lists.changed.push(id)
      else unchanged++
    }
    for (const id of old[kind].keys()) if (!next[kind].has(id)) lists.removed.push(id)
    byKind[kind] = lists
  }
  return { byKind, unchanged }
}

/** "3 blocks added, 1 card changed, 2 rows removed": the summary in one line. */
export function describeSummary(summary: ReimportSummary): string {
  const noun: Record<DiffKind, [string, string]> = {
    sections: ['section', 'sections'],
    blocks: ['block', 'blocks'],
    tables: ['table', 'tables'],
    rows: ['table row', 'table rows'],
    questions: ['card', 'cards'],
    sources: ['source', 'sources']
  }
  const parts: string[] = []
  for (const verb of ['added', 'changed', 'removed'] as const) {
    for (const kind of Object.keys(summary.byKind) as DiffKind[]) {
      const n = summary.byKind[kind][verb].length
      if (n > 0) parts.push(`${n} ${noun[kind][n === 1 ? 0 : 1]} ${verb}`)
    }
  }
  return parts.length > 0 ? parts.join(', ') : 'nothing changed'
}
