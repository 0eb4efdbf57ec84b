// Why: the DOM moves a student makes while reading (select words, release the
// mouse, press a key), done the way a browser reports them to the page.
import { settle } from '../helpers/mount-app'

/** The text node of the rendered piece that holds plain-text offset `offset` in a block. */
export function pieceAt(blockId: string, offset: number): { node: Text; local: number } {
  const block = document.querySelector(`[data-block-id="${blockId}"]`)
  const spans = [...(block?.querySelectorAll<HTMLElement>('[data-offset]') ?? [])]
  for (const span of spans) {
    const start = Number(span.dataset.offset)
    const node = span.firstChild as Text
    if (offset >= start && offset <= start + node.length) return { node, local: offset - start }
  }
  throw new Error(`no rendered piece of ${blockId} holds offset ${offset}`)
}

/** Selects plain-text [start, end) of a block and releases the mouse there, as a drag would. */
export async function selectInBlock(blockId: string, start: number, end: number): Promise<void> {
  const from = pieceAt(blockId, start)
  const to = pieceAt(blockId, end)
  const range = document.createRange()
  range.setStart(from.node, from.local)
  range.setEnd(to.node, to.local)
  const selection = window.getSelection()!
  selection.removeAllRanges()
  selection.addRange(range)
  to.node.parentElement!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
  await settle()
}

/** Selects `words` (its first occurrence) in a block's rendered text. */
export async function selectWords(blockId: string, words: string, text: string): Promise<{ start: number; end: number }> {
  const start = text.indexOf(words)
  if (start < 0) throw new Error(`"${words}" is not in the block`)
  await selectInBlock(blockId, start, start + words.length)
  return { start, end: start + words.length }
}

/** Everything one highlight covers, across the pieces it was cut into. */
export function markText(id: string): string {
  return [...document.querySelectorAll(`mark[data-annotation-id="${id}"]`)].map((m) => m.textContent).join('')
}

export function press(target: EventTarget, key: string, init: KeyboardEventInit = {}): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }))
}

/** Lets setTimeout(0) work (focus after the shell's route focus) run, then settles. */
export async function tick(ms = 0): Promise<void> {
  await new Promise((r) => setTimeout(r, ms))
  await settle()
}

/** Waits (up to `ms`) until `check` passes, settling between tries: lazy routes load on their own time. */
export async function until(check: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error(`gave up after ${ms} ms waiting for ${check.toString()}`)
    await tick(10)
  }
}
