// Why: a student highlights by dragging across words; both Chromium lanes
// (the browser host and the emulated desktop) make that selection the same way.
import type { Page } from '@playwright/test'

/** Selects `words` in a block the way a drag would leave it, then releases the mouse there. */
export async function selectWords(page: Page, blockId: string, words: string): Promise<void> {
  await page.evaluate(
    ([blockId, words]) => {
      const block = document.querySelector(`[data-block-id="${blockId}"]`)
      if (!block) throw new Error(`no block ${blockId}`)
      const spans = [...block.querySelectorAll<HTMLElement>('[data-offset]')]
      const pieces = spans.map((s) => ({ node: s.firstChild as Text, start: Number(s.dataset.offset) }))
      const text = pieces.reduce((all, p) => all.padEnd(p.start) + p.node.data, '')
      const start = text.indexOf(words)
      if (start < 0) throw new Error(`"${words}" is not in ${blockId}`)
      const at = (offset: number) => {
        const p = pieces.find((q) => offset >= q.start && offset <= q.start + q.node.length)!
        return [p.node, offset - p.start] as const
      }
      const range = document.createRange()
      range.setStart(...at(start))
      range.setEnd(...at(start + words.length))
      const selection = window.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
      block.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
    },
    [blockId, words] as const
  )
}
