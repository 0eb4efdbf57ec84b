// Why: a section counts as read once the student has scrolled to its end. The
// end is a sentinel element watched by an IntersectionObserver; it only
// counts after a real scroll by the student (wheel, touch, scroll keys or the
// scrollbar), so opening a short section, or a jump that scrolls the page,
// does not mark anything read by itself.
import { onBeforeUnmount, onMounted, watch, type Ref } from 'vue'

const SCROLL_KEYS = new Set(['ArrowDown', 'PageDown', 'End', ' ', 'Spacebar'])

export function useReadThrough(sentinel: Ref<HTMLElement | null>, sectionId: Ref<string>, onReadThrough: () => void): void {
  let scrolled = false
  let observer: IntersectionObserver | null = null

  const arm = (): void => {
    scrolled = true
  }
  // In a field or on a button these keys edit or press; they scroll the page only elsewhere.
  const onKey = (event: KeyboardEvent): void => {
    const t = event.target
    const inControl = t instanceof HTMLElement && (t.isContentEditable || t.closest('input, textarea, select, button') !== null)
    if (SCROLL_KEYS.has(event.key) && !inControl) scrolled = true
  }
  // A press on the page's own scrollbar targets <html>.
  const onPointer = (event: PointerEvent): void => {
    if (event.target === document.documentElement) scrolled = true
  }

  // Each section has to be scrolled through on its own.
  watch(sectionId, () => {
    scrolled = false
  })

  onMounted(() => {
    window.addEventListener('wheel', arm, { passive: true })
    window.addEventListener('touchmove', arm, { passive: true })
    window.addEventListener('keydown', onKey)
    window.addEventListener('pointerdown', onPointer)
    if (typeof IntersectionObserver !== 'function') return
    observer = new IntersectionObserver((entries) => {
      if (!scrolled || !entries.some((e) => e.isIntersecting)) return
      scrolled = false
      onReadThrough()
    })
    if (sentinel.value) observer.observe(sentinel.value)
  })

  watch(sentinel, (el, before) => {
    if (before) observer?.unobserve(before)
    if (el) observer?.observe(el)
  })

  onBeforeUnmount(() => {
    observer?.disconnect()
    window.removeEventListener('wheel', arm)
    window.removeEventListener('touchmove', arm)
    window.removeEventListener('keydown', onKey)
    window.removeEventListener('pointerdown', onPointer)
  })
}
