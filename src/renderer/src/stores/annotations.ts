// Why: the student's highlights and notes for the open pack, exactly as main
// last saved them. Every action waits for main (the change is on disk) before
// the state changes, so "Saved" on screen is never ahead of the file.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api } from '@renderer/api'
import { t, type MessageKey } from '@renderer/i18n'
import { formatNumber } from '@renderer/i18n/format'
import { clozeCard } from '@renderer/lib/cloze-card'
import { plain, slotted, type Slotted } from '@renderer/lib/message-slot'
import { saveTextFile } from '@renderer/lib/save-file'
import type { AnnotationView } from '@shared/annotations'
import type { TextRange } from '@shared/domain/anchoring'
import { ANNOTATION_COLORS, NOTE_MAX_CHARS, type AnnotationColor } from '@shared/domain/annotations'
import { ApiError } from '@shared/result'
import { useNoticesStore } from './notices'

/** How each colour is named to the student, in the page's language; a new colour cannot go unnamed. */
export const COLOR_NAMES: Readonly<Record<AnnotationColor, MessageKey>> = {
  yellow: 'reading.colors.yellow',
  green: 'reading.colors.green',
  blue: 'reading.colors.blue',
  pink: 'reading.colors.pink'
}

/** The colours main accepts, in its order, with the keys of their names. */
export const COLORS: readonly { color: AnnotationColor; label: MessageKey }[] = ANNOTATION_COLORS.map((color) => ({ color, label: COLOR_NAMES[color] }))

/** Why a note was refused, in the page's language (main's validator says the same in English). */
export function noteTooLong(length: number): string {
  return t('reading.editor.tooLong', { max: formatNumber(NOTE_MAX_CHARS), has: formatNumber(length) })
}

const TOAST_MS = 6000

export type Outcome = { ok: true } | { ok: false; message: string }

/** A short line under the reading text, with Undo after a delete. */
export interface Toast {
  message: string
  undoId?: string
}

export interface NewHighlight {
  packId: string
  blockId: string
  selector: { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }
  start: number
  color: AnnotationColor
}

/** Main's own words for a refused input (e.g. the note-length message), else the generic notice. */
function failure(err: unknown, action: () => string): Outcome {
  if (err instanceof ApiError && err.code === 'validation') return { ok: false, message: err.issues[0]?.message ?? err.message }
  const notice = useNoticesStore().reportError(err, action)
  return { ok: false, message: notice.detail ?? notice.message }
}

export const useAnnotationsStore = defineStore('annotations', () => {
  const packId = ref<string | null>(null)
  const items = ref<AnnotationView[]>([])
  const loaded = ref(false)
  /** The colour "Highlight" uses: the one chosen last. */
  const lastColor = ref<AnnotationColor>('yellow')
  const toast = ref<Toast | null>(null)
  const exporting = ref(false)
  let toastTimer: ReturnType<typeof setTimeout> | undefined

  /* A plain message fades after a few seconds; one with Undo stays until replaced or dismissed, so there is time to act on it. */
  function say(next: Toast | null): void {
    clearTimeout(toastTimer)
    toast.value = next
    if (next && !next.undoId) toastTimer = setTimeout(() => (toast.value = null), TOAST_MS)
  }

  const byId = computed(() => new Map(items.value.map((a) => [a.id, a])))
  const byBlock = computed(() => {
    const map = new Map<string, AnnotationView[]>()
    for (const a of items.value) map.set(a.blockId, [...(map.get(a.blockId) ?? []), a])
    return map
  })

  /** Puts main's copy in place (or adds it), keeping main's reading order for the rest. */
  function put(view: AnnotationView): void {
    const at = items.value.findIndex((a) => a.id === view.id)
    items.value = at === -1 ? [...items.value, view] : items.value.map((a) => (a.id === view.id ? view : a))
  }

  async function load(forPack: string): Promise<void> {
    if (packId.value !== forPack) {
      items.value = []
      loaded.value = false
      say(null)
    }
    packId.value = forPack
    try {
      const list = await api['annotations:list']({ packId: forPack })
      if (packId.value !== forPack) return
      items.value = Array.isArray(list) ? list : []
      loaded.value = true
    } catch (err) {
      useNoticesStore().reportError(err, () => t('reading.actions.loadHighlights'))
    }
  }

  async function add(input: NewHighlight): Promise<AnnotationView | null> {
    lastColor.value = input.color
    try {
      const view = await api['annotations:add'](input)
      put(view)
      say({ message: t('reading.toast.saved') })
      return view
    } catch (err) {
      const out = failure(err, () => t('reading.actions.saveHighlight'))
      say({ message: t('reading.toast.notSaved', { reason: out.ok ? '' : out.message }) })
      return null
    }
  }

  async function update(id: string, patch: { color?: AnnotationColor; note?: string }): Promise<Outcome> {
    if (patch.note !== undefined && patch.note.length > NOTE_MAX_CHARS) return { ok: false, message: noteTooLong(patch.note.length) }
    try {
      put(await api['annotations:update']({ id, ...patch }))
      if (patch.color) lastColor.value = patch.color
      return { ok: true }
    } catch (err) {
      return failure(err, () => t(patch.note !== undefined ? 'reading.actions.saveNote' : 'reading.actions.changeColour'))
    }
  }

  async function remove(id: string): Promise<Outcome> {
    try {
      const gone = await api['annotations:delete']({ id })
      items.value = items.value.filter((a) => a.id !== gone.id)
      say({ message: t('reading.toast.deleted'), undoId: gone.id })
      return { ok: true }
    } catch (err) {
      return failure(err, () => t('reading.actions.deleteHighlight'))
    }
  }

  async function undoDelete(id: string): Promise<Outcome> {
    try {
      put(await api['annotations:restore']({ id }))
      // Main returns it without its place in reading order; a fresh list puts it back in line.
      if (packId.value) await load(packId.value)
      say({ message: t('reading.toast.restored') })
      return { ok: true }
    } catch (err) {
      const out = failure(err, () => t('reading.actions.restoreHighlight'))
      say({ message: t('reading.toast.notRestored', { reason: out.ok ? '' : out.message }), undoId: id })
      return out
    }
  }

  /** Asks main for the Markdown and saves it; returns a line saying where it went, the path or file name apart. */
  async function exportMarkdown(forPack: string): Promise<Slotted | null> {
    if (exporting.value) return null
    exporting.value = true
    try {
      const { fileName, markdown } = await api['annotations:export']({ packId: forPack })
      const result = await saveTextFile(fileName, markdown, 'text/markdown')
      if (result.mode === 'saved') return slotted((path) => t('reading.annotations.savedTo', { path }), result.path)
      if (result.mode === 'download') return slotted((file) => t('reading.annotations.downloaded', { file }), fileName)
      return plain(t('reading.annotations.exportCancelled'))
    } catch (err) {
      useNoticesStore().reportError(err, () => t('reading.actions.exportAnnotations'))
      return plain(t('reading.annotations.exportFailed'))
    } finally {
      exporting.value = false
    }
  }

  /** Sends the highlight to Self-test as a cloze card; the card's id is the annotation's. */
  async function makeFlashcard(a: AnnotationView, blockText: string, range: TextRange): Promise<Outcome> {
    const card = clozeCard(blockText, range)
    if (!card.ok) return card
    try {
      await api['study:addCustomCard']({ packId: a.packId, id: a.id, kind: 'highlight-cloze', text: card.text, answer: card.answer, blockId: a.blockId })
      return { ok: true }
    } catch (err) {
      return failure(err, () => t('reading.actions.makeFlashcard'))
    }
  }

  function dismissToast(): void {
    say(null)
  }

  return {
    packId,
    items,
    loaded,
    lastColor,
    toast,
    exporting,
    byId,
    byBlock,
    load,
    add,
    update,
    remove,
    undoDelete,
    exportMarkdown,
    makeFlashcard,
    dismissToast
  }
})
