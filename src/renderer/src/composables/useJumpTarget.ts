// Why: the reader's half of "take me there" (annotations panel, search): once
// the section and its highlights are drawn, scroll the target into view and
// give it focus, so keyboard and screen-reader users land where they asked.
import { onMounted, watch, type Ref } from 'vue'
import { useAnnotationsStore } from '@renderer/stores/annotations'
import { targetDomId, useReadingStore, type JumpTarget } from '@renderer/stores/reading'

const FLASH_MS = 2500

function land(el: HTMLElement): void {
  el.scrollIntoView({ block: 'center' })
  el.focus({ preventScroll: true })
  el.classList.add('jump-target')
  setTimeout(() => el.classList.remove('jump-target'), FLASH_MS)
}

/** Call from the reader; `sectionId` is the section on screen. */
export function useJumpTarget(sectionId: Ref<string | null>): void {
  const reading = useReadingStore()
  const annotations = useAnnotationsStore()

  function find(target: JumpTarget): HTMLElement | null | 'wait' {
    const el = document.getElementById(targetDomId(target.kind, target.id))
    if (el) return el
    if (target.kind !== 'annotation') return null
    if (!annotations.loaded) return 'wait'
    // A highlight not drawn (its words are gone): its block is the next best place.
    const blockId = annotations.byId.get(target.id)?.blockId
    return blockId ? document.getElementById(targetDomId('block', blockId)) : null
  }

  // Post-flush, so the section and its highlights are already in the DOM when we look.
  function attempt(): void {
    const target = reading.target
    if (!target || sectionId.value !== target.sectionId) return
    const el = find(target)
    if (el === 'wait') return
    reading.done(target)
    // After the shell's own route focus (it moves focus to the page heading on a mode change).
    if (el) setTimeout(() => land(el), 0)
  }
  watch([() => reading.target, sectionId, () => annotations.loaded, () => annotations.items], attempt, { flush: 'post' })
  onMounted(attempt)
}
