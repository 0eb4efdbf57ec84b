// Why: a highlight is stored as offsets into blockPlainText(block), but the
// student selects DOM text. Every rendered piece of a block is a span holding
// its offset (data-offset), so a selection point maps back exactly, whatever
// marks or glossary terms wrap it.
import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

export interface BlockSelection {
  blockId: string
  start: number
  end: number
  /** Where the selection is on screen, for the floating toolbar; null where layout is unknown. */
  rect: { top: number; left: number; bottom: number; width: number } | null
}

const blockOf = (node: Node | null): HTMLElement | null =>
  (node instanceof Element ? node : (node?.parentElement ?? null))?.closest<HTMLElement>('[data-block-id]') ?? null

/** Offset in the block's plain text of the DOM point (node, offset). */
export function pointOffset(block: HTMLElement, node: Node, offset: number): number {
  if (node.nodeType === Node.TEXT_NODE) {
    const span = node.parentElement?.closest<HTMLElement>('[data-offset]')
    if (span && block.contains(span)) return Number(span.dataset.offset) + Math.min(offset, node.textContent?.length ?? 0)
  }
  // The point is between elements (a triple-click, or a label or title): use the next piece's start.
  const spans = [...block.querySelectorAll<HTMLElement>('[data-offset]')]
  const point = document.createRange()
  point.setStart(node, offset)
  for (const span of spans) {
    // comparePoint is 1 when the span's start comes after the selection point.
    if (point.comparePoint(span, 0) === 1) return Number(span.dataset.offset)
  }
  const last = spans.at(-1)
  return last ? Number(last.dataset.offset) + (last.textContent?.length ?? 0) : 0
}

/**
 * The selection as a range in one block's text, trimmed of surrounding space;
 * null when it is empty, outside `root`, or spans two blocks (a highlight
 * belongs to one block).
 */
export function selectionInBlock(root: HTMLElement, selection: Selection | null, textOf: (blockId: string) => string | undefined): BlockSelection | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null
  const range = selection.getRangeAt(0)
  const block = blockOf(range.startContainer)
  if (!block || block !== blockOf(range.endContainer) || !root.contains(block)) return null
  const blockId = block.dataset.blockId ?? ''
  const text = textOf(blockId)
  if (text === undefined) return null
  let start = pointOffset(block, range.startContainer, range.startOffset)
  let end = Math.min(pointOffset(block, range.endContainer, range.endOffset), text.length)
  while (start < end && /\s/.test(text[start] ?? '')) start++
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--
  if (end <= start) return null
  const box = typeof range.getBoundingClientRect === 'function' ? range.getBoundingClientRect() : null
  const rect = box && (box.width > 0 || box.height > 0) ? { top: box.top, left: box.left, bottom: box.bottom, width: box.width } : null
  return { blockId, start, end, rect }
}

/** The current selection inside `root`, updated on mouseup and keyup (call `update` from those handlers). */
export function useTextSelection(root: Ref<HTMLElement | null>, textOf: (blockId: string) => string | undefined) {
  const pending = ref<BlockSelection | null>(null)

  function update(): void {
    pending.value = root.value ? selectionInBlock(root.value, window.getSelection(), textOf) : null
  }

  function clear(removeDomSelection = true): void {
    pending.value = null
    if (removeDomSelection) window.getSelection()?.removeAllRanges()
  }

  // A press anywhere but the text or the toolbar means the student moved on.
  const onPointerDown = (event: MouseEvent): void => {
    const target = event.target instanceof Node ? event.target : null
    if (!pending.value || !target) return
    if (root.value?.contains(target) || (target instanceof Element && target.closest('[role="toolbar"]'))) return
    pending.value = null
  }
  onMounted(() => document.addEventListener('mousedown', onPointerDown))
  onBeforeUnmount(() => document.removeEventListener('mousedown', onPointerDown))

  return { pending, update, clear }
}
