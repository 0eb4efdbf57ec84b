// Why: students switch modes many times a session; Alt+1…5 does it without the
// mouse, but must never fire while they are typing a note or an answer.
import { onBeforeUnmount, onMounted } from 'vue'
import { useRouter } from 'vue-router'
import { MODES, SEARCH_LINK } from '@renderer/lib/modes'
import { useSearchStore } from '@renderer/stores/search'

// Inputs where a keystroke is not text, so a shortcut there is still intended.
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image'])

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type)
  return false
}

/** The mode path for a keydown, or null when the event is not a mode shortcut. */
export function shortcutPath(event: KeyboardEvent): string | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null
  if (isTypingTarget(event.target)) return null
  // event.code is layout-independent: Alt+digit types other characters on some keyboards (e.g. macOS).
  const digit = /^Digit(\d)$/.exec(event.code)?.[1] ?? event.key
  return MODES.find((m) => m.key === digit)?.path ?? null
}

/** Ctrl+K (Cmd+K on macOS) opens search from anywhere; it types nothing, so it also works from a text box. */
export function isSearchShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && (event.code === 'KeyK' || event.key.toLowerCase() === 'k')
}

export function useShortcuts(): void {
  const router = useRouter()
  const search = useSearchStore()
  const onKeydown = (event: KeyboardEvent): void => {
    if (isSearchShortcut(event)) {
      event.preventDefault()
      search.requestFocus()
      void router.push(SEARCH_LINK.path)
      return
    }
    const path = shortcutPath(event)
    if (!path) return
    event.preventDefault()
    void router.push(path)
  }
  onMounted(() => window.addEventListener('keydown', onKeydown))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown))
}
