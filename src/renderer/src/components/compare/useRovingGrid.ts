// Why: a 26-row table with a button in every cell would be ~80 Tab presses to
// cross. A roving tabindex makes the grid one tab stop; arrows move between
// cells (Home/End within a row, Ctrl+Home/End to the corners), as in the ARIA
// grid pattern, while the table keeps its native table semantics.
import { nextTick, ref, watch, type Ref } from 'vue'

export interface GridPosition {
  row: number
  col: number
}

export function useRovingGrid(root: Ref<HTMLElement | null>, rowCount: Ref<number>, colCount: Ref<number>) {
  const active = ref<GridPosition>({ row: 0, col: 0 })

  // Filtering can remove the active row; keep the tab stop on a cell that exists.
  watch([rowCount, colCount], ([rows, cols]) => {
    active.value = { row: Math.min(active.value.row, Math.max(0, rows - 1)), col: Math.min(active.value.col, Math.max(0, cols - 1)) }
  })

  const isActive = (row: number, col: number): boolean => active.value.row === row && active.value.col === col
  const tabIndexOf = (row: number, col: number): 0 | -1 => (isActive(row, col) ? 0 : -1)

  async function moveTo(row: number, col: number): Promise<void> {
    const r = Math.max(0, Math.min(row, rowCount.value - 1))
    const c = Math.max(0, Math.min(col, colCount.value - 1))
    active.value = { row: r, col: c }
    await nextTick()
    root.value?.querySelector<HTMLElement>(`[data-grid-row="${r}"][data-grid-col="${c}"]`)?.focus()
  }

  /** A click or a Tab into a cell makes it the tab stop. */
  function onFocusCell(row: number, col: number): void {
    if (!isActive(row, col)) active.value = { row, col }
  }

  function onKeydown(event: KeyboardEvent): void {
    const cell = event.target as HTMLElement | null
    // Only from the cell itself: arrows typed in a control inside a cell are that control's.
    if (!cell || cell.dataset.gridRow === undefined) return
    const { row, col } = { row: Number(cell.dataset.gridRow), col: Number(cell.dataset.gridCol) }
    const last = { row: rowCount.value - 1, col: colCount.value - 1 }
    const moves: Record<string, GridPosition | undefined> = {
      ArrowUp: { row: row - 1, col },
      ArrowDown: { row: row + 1, col },
      ArrowLeft: { row, col: col - 1 },
      ArrowRight: { row, col: col + 1 },
      Home: event.ctrlKey ? { row: 0, col: 0 } : { row, col: 0 },
      End: event.ctrlKey ? last : { row, col: last.col },
      PageUp: { row: row - 10, col },
      PageDown: { row: row + 10, col }
    }
    const target = moves[event.key]
    if (!target || event.altKey || event.metaKey) return
    event.preventDefault()
    void moveTo(target.row, target.col)
  }

  return { active, tabIndexOf, isActive, onFocusCell, onKeydown, moveTo }
}
