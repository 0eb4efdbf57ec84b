// Why: compare mode's state in one place: which table, which rows the filters
// let through, each cell's study card as main last reported it, and exports.
// Filters live here (not in the view) so they survive a trip to another mode.
import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { api } from '@renderer/api'
import { t } from '@renderer/i18n'
import { formatNumber } from '@renderer/i18n/format'
import { exportFileName, tableToCsv, tableToMarkdown } from '@renderer/lib/compare-export'
import { saveTextFile } from '@renderer/lib/save-file'
import { cellItemId } from '@shared/domain/ids'
import { QUEUE_LIMIT_MAX, type CardSummary } from '@shared/domain/study'
import type { CompareTable, TableRow } from '@shared/pack/schema'
import { useLibraryStore } from './library'
import { useNoticesStore } from './notices'

export type RelationFilter = 'all' | 'differ' | 'alike'

export interface RowFilters {
  /** '' means every group. */
  group: string
  text: string
  relation: RelationFilter
}

/** Rows whose group, relation and text (dimension or any cell, case-insensitive) match. */
export function filterRows(table: CompareTable, filters: RowFilters): TableRow[] {
  const needle = filters.text.trim().toLocaleLowerCase()
  return table.rows.filter((row) => {
    if (filters.group && row.group !== filters.group) return false
    if (filters.relation !== 'all' && row.relation !== filters.relation) return false
    if (!needle) return true
    const texts = [row.dimension, ...table.columns.map((c) => row.cells[c.id]?.text ?? '')]
    return texts.some((text) => text.toLocaleLowerCase().includes(needle))
  })
}

/** The groups of a table in first-seen order (the pack's own order reads best). */
export function groupsOf(table: CompareTable): string[] {
  return [...new Set(table.rows.map((r) => r.group))]
}

export type ExportFormat = 'markdown' | 'csv'
export type ExportScope = 'shown' | 'all'

export const useCompareStore = defineStore('compare', () => {
  const library = useLibraryStore()
  const chosenTableId = ref<string | null>(null)
  const filters = ref<RowFilters>({ group: '', text: '', relation: 'all' })
  const cards = ref<Record<string, CardSummary>>({})
  const cardsLoadedFor = ref<string | null>(null)
  const exportStatus = ref('')
  const exporting = ref(false)

  const tables = computed(() => library.current?.tables ?? [])
  const table = computed(() => tables.value.find((x) => x.id === chosenTableId.value) ?? tables.value[0] ?? null)
  const groups = computed(() => (table.value ? groupsOf(table.value) : []))
  const rows = computed(() => (table.value ? filterRows(table.value, filters.value) : []))
  const filtered = computed(() => {
    const f = filters.value
    return f.group !== '' || f.text.trim() !== '' || f.relation !== 'all'
  })

  // Groups differ between tables, so a group chosen for one would hide every row of the next.
  watch(
    () => table.value?.id,
    () => {
      if (filters.value.group && !groups.value.includes(filters.value.group)) filters.value = { ...filters.value, group: '' }
    }
  )

  function chooseTable(tableId: string): void {
    chosenTableId.value = tableId
  }

  function setFilters(patch: Partial<RowFilters>): void {
    filters.value = { ...filters.value, ...patch }
  }

  function clearFilters(): void {
    filters.value = { group: '', text: '', relation: 'all' }
  }

  function cardOf(rowId: string, columnId: string): CardSummary | undefined {
    return cards.value[cellItemId(rowId, columnId)]
  }

  /*
   * Every cell's card, so the table can mark what has been drilled. A cram
   * queue is read-only and lists every cell (studied first, then unseen),
   * which is exactly "all cards of kind cell" without a channel of its own.
   */
  async function loadCards(packId: string): Promise<void> {
    try {
      const queue = await api['study:queue']({ packId, mode: 'cram', kinds: ['cell'], limit: QUEUE_LIMIT_MAX })
      cards.value = Object.fromEntries(queue.items.map((item) => [item.itemId, item.card]))
      cardsLoadedFor.value = packId
    } catch (err) {
      useNoticesStore().reportError(err, () => t('compare.actions.loadCards'))
    }
  }

  /** Records a card main has just saved (the drill calls this after study:rate resolves). */
  function setCard(card: CardSummary): void {
    cards.value = { ...cards.value, [card.itemId]: card }
  }

  async function exportTable(format: ExportFormat, scope: ExportScope): Promise<void> {
    const current = table.value
    if (!current || exporting.value) return
    const subset = scope === 'shown' && filtered.value
    const chosen = subset ? rows.value : current.rows
    const note = subset ? t('compare.export.file.filtered', { shown: formatNumber(chosen.length), total: formatNumber(current.rows.length) }) : undefined
    const content =
      format === 'markdown' ? tableToMarkdown(current, { rows: chosen, sources: library.current?.sources ?? [], note }) : tableToCsv(current, { rows: chosen })
    const fileName = exportFileName(current, format === 'markdown' ? 'md' : 'csv', subset)
    exporting.value = true
    exportStatus.value = ''
    try {
      const result = await saveTextFile(fileName, content, format === 'markdown' ? 'text/markdown' : 'text/csv')
      const rows = t('compare.export.rows', chosen.length, { count: formatNumber(chosen.length) })
      exportStatus.value =
        result.mode === 'saved'
          ? t('compare.export.saved', { rows, path: result.path })
          : result.mode === 'download'
            ? t('compare.export.downloaded', { rows, file: fileName })
            : t('compare.export.cancelled')
    } catch (err) {
      useNoticesStore().reportError(err, () => t(format === 'markdown' ? 'compare.actions.exportMarkdown' : 'compare.actions.exportCsv'))
      exportStatus.value = t('compare.export.failed')
    } finally {
      exporting.value = false
    }
  }

  return {
    tables,
    table,
    groups,
    rows,
    filters,
    filtered,
    cards,
    cardsLoadedFor,
    exportStatus,
    exporting,
    chooseTable,
    setFilters,
    clearFilters,
    cardOf,
    loadCards,
    setCard,
    exportTable
  }
})
