// Why: self-test is answered from the keyboard (1–6 options, Space reveals,
// 1–4 rate, Enter confirms) without ever stealing keys the student is typing,
// the app's Alt+digit mode shortcuts, or a key a focused button handles itself.
import { onBeforeUnmount, onMounted } from 'vue'
import { isTypingTarget } from '@renderer/composables/useShortcuts'

/** Keys a focused button or link already acts on; handling them here too would act twice. */
const NATIVE_ON_CONTROLS = new Set([' ', 'Enter'])

function isControl(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('button, a[href], summary') !== null
}

/** `handle` returns true when it used the key, which then does nothing else. */
export function useCardKeys(handle: (key: string, event: KeyboardEvent) => boolean): void {
  const onKeydown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.repeat) return
    if (isTypingTarget(event.target)) return
    if (NATIVE_ON_CONTROLS.has(event.key) && isControl(event.target)) return
    if (handle(event.key, event)) event.preventDefault()
  }
  onMounted(() => window.addEventListener('keydown', onKeydown))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown))
}

/** "1"…"6" to an option index, or null. */
export function digitIndex(key: string, count: number): number | null {
  const n = /^[1-9]$/.test(key) ? Number(key) - 1 : -1
  return n >= 0 && n < count ? n : null
}
