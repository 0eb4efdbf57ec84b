// Why: Settings → Notes packs → New pack from notes… and Update from file…:
// the student's file is read in the page and previewed by main before
// anything is saved; only "Create pack" / "Update the pack" sends it to
// notes:import. A file that is too big or not a notes file is refused here,
// before a byte is read or sent, and any refusal from main is shown as it is.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { api } from '@renderer/api'
import { readFileBase64, readFileText, sizeProblem, type FileStep } from '@renderer/lib/read-file'
import { cardTotal, updateSentence } from '@renderer/lib/notes-preview-text'
import { plural } from '@renderer/lib/format'
import { DOCX_MAX_BYTES, NOTES_MAX_BYTES, type NotesPreview } from '@shared/domain/notes'
import type { PackSummary } from '@shared/domain'
import { failureMessage, type DataMessage } from './data'
import { useLibraryStore } from './library'
import { usePacksImportStore } from './packs-import'

export const NOTES_FILE_TYPES = '.md,.markdown,.txt,.docx'
const NOTES_FILE = /\.(md|markdown|txt|docx)$/i

/** Where the flow was started: NEW_PACK, or the id of the pack being updated ('' is never a pack id). */
export type NotesTarget = string
export const NEW_PACK: NotesTarget = ''

export interface PendingNotes {
  target: NotesTarget
  fileName: string
  /** Text, or base64 for a .docx: exactly what the preview read, so the import saves what was shown. */
  content: string
  preview: NotesPreview
}

export const useNotesImportStore = defineStore('notes-import', () => {
  const busy = ref(false)
  const target = ref<NotesTarget | null>(null)
  const step = ref<FileStep | null>(null)
  const message = ref<DataMessage | null>(null)
  const pending = shallowRef<PendingNotes | null>(null)
  /** The pack just created or updated, so the page can offer to open it. */
  const saved = ref<PackSummary | null>(null)

  async function run(where: NotesTarget, task: () => Promise<void>): Promise<void> {
    if (busy.value) return
    busy.value = true
    target.value = where
    message.value = null
    saved.value = null
    try {
      await task()
    } catch (err) {
      message.value = failureMessage(err)
    } finally {
      busy.value = false
      step.value = null
    }
  }

  const input = (p: Omit<PendingNotes, 'preview'>) => ({
    fileName: p.fileName,
    content: p.content,
    ...(p.target === NEW_PACK ? {} : { replacePackId: p.target })
  })

  /** Reads the picked file and asks main for its preview; nothing is saved. */
  const choose = (file: File, where: NotesTarget) =>
    run(where, async () => {
      pending.value = null
      if (!NOTES_FILE.test(file.name))
        throw new Error(`${file.name} is not a notes file. Choose a Markdown (.md, .markdown), text (.txt) or Word (.docx) file.`)
      const docx = /\.docx$/i.test(file.name)
      const tooLarge = sizeProblem(file, docx ? DOCX_MAX_BYTES : NOTES_MAX_BYTES)
      if (tooLarge) throw new Error(`${tooLarge} Split your notes into several files.`)
      const reading = (percent: number) => (step.value = { label: 'Reading…', percent })
      reading(0)
      const content = docx ? await readFileBase64(file, reading) : await readFileText(file, reading)
      step.value = { label: 'Reading your notes…', percent: null }
      const chosen = { target: where, fileName: file.name, content }
      pending.value = { ...chosen, preview: await api['notes:preview'](input(chosen)) }
    })

  /** Saves what the preview showed: a new pack, or the update of the pack it was started on. */
  const confirm = () => {
    const chosen = pending.value
    if (!chosen) return Promise.resolve()
    return run(chosen.target, async () => {
      step.value = { label: chosen.target === NEW_PACK ? 'Creating the pack…' : 'Updating the pack…', percent: null }
      const result = await api['notes:import'](input(chosen))
      pending.value = null
      await usePacksImportStore().showList(await api['packs:list']())
      const library = useLibraryStore()
      // The open pack changed under the page: read it again, so Read and Self-test show the new text and cards.
      if (library.current?.id === result.pack.id) await library.open(result.pack.id)
      saved.value = result.pack
      const text =
        chosen.target === NEW_PACK
          ? `Created “${result.pack.title}” from ${chosen.fileName}: ${plural(result.preview.sections.length, 'section')}, ${plural(cardTotal(result.preview), 'card')}. It is listed above; choose Open to read it.`
          : `Updated “${result.pack.title}” from ${chosen.fileName}: ${result.preview.update ? updateSentence(result.preview.update) : 'updated'}. Highlights and reviews on what stayed are kept.`
      message.value = { tone: 'success', text, details: [] }
    })
  }

  /** Drops the preview; nothing was saved, and the message says so. */
  function cancel(): void {
    const chosen = pending.value
    if (!chosen || busy.value) return
    pending.value = null
    message.value = { tone: 'info', text: `Cancelled: nothing from ${chosen.fileName} was saved.`, details: [] }
  }

  return { busy, target, step, message, pending, saved, choose, confirm, cancel }
})
