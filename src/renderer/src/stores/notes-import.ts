// Why: Settings → Notes packs → New pack from notes… and Update from file…:
// the student's file is read in the page and previewed by main before
// anything is saved; only "Create pack" / "Update the pack" sends it to
// notes:import. A file that is too big or not a notes file is refused here,
// before a byte is read or sent, and any refusal from main is shown as it is.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { api } from '@renderer/api'
import { t } from '@renderer/i18n'
import { FileRefusal, readFileBase64, readFileText, sizeProblem, type FileStep } from '@renderer/lib/read-file'
import { cardTotal, counted, updateSentence } from '@renderer/lib/notes-preview-text'
import { DOCX_MAX_BYTES, NOTES_MAX_BYTES, type NotesPreview } from '@shared/domain/notes'
import type { PackSummary } from '@shared/domain'
import type { DataMessage } from './data'
import { useLibraryStore } from './library'
import { notesFailure, usePacksImportStore } from './packs-import'

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

  async function run(where: NotesTarget, task: () => Promise<void>, headline: () => string): Promise<void> {
    if (busy.value) return
    busy.value = true
    target.value = where
    message.value = null
    saved.value = null
    try {
      await task()
    } catch (err) {
      message.value = notesFailure(err, headline())
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
    run(
      where,
      async () => {
        pending.value = null
        if (!NOTES_FILE.test(file.name)) throw new FileRefusal(t('notes.own.notNotes', { file: file.name }))
        const docx = /\.docx$/i.test(file.name)
        const tooLarge = sizeProblem(file, docx ? DOCX_MAX_BYTES : NOTES_MAX_BYTES)
        if (tooLarge) throw new FileRefusal(t('notes.own.split', { problem: tooLarge }))
        const reading = (percent: number) => (step.value = { label: t('notes.steps.reading'), percent })
        reading(0)
        const content = docx ? await readFileBase64(file, reading) : await readFileText(file, reading)
        step.value = { label: t('notes.steps.readingNotes'), percent: null }
        const chosen = { target: where, fileName: file.name, content }
        pending.value = { ...chosen, preview: await api['notes:preview'](input(chosen)) }
      },
      () => t('notes.own.previewFailed', { file: file.name })
    )

  /** Saves what the preview showed: a new pack, or the update of the pack it was started on. */
  const confirm = () => {
    const chosen = pending.value
    if (!chosen) return Promise.resolve()
    const creating = chosen.target === NEW_PACK
    return run(
      chosen.target,
      async () => {
        step.value = { label: t(creating ? 'notes.steps.creating' : 'notes.steps.updating'), percent: null }
        const result = await api['notes:import'](input(chosen))
        pending.value = null
        await usePacksImportStore().showList(await api['packs:list']())
        const library = useLibraryStore()
        // The open pack changed under the page: read it again, so Read and Self-test show the new text and cards.
        if (library.current?.id === result.pack.id) await library.open(result.pack.id)
        saved.value = result.pack
        const named = { title: result.pack.title, file: chosen.fileName }
        const text = creating
          ? t('notes.own.created', {
              ...named,
              sections: counted('notes.count.sections', result.preview.sections.length),
              cards: counted('notes.count.cards', cardTotal(result.preview))
            })
          : t('notes.own.updated', { ...named, changes: result.preview.update ? updateSentence(result.preview.update) : t('notes.changes.updated') })
        message.value = { tone: 'success', text, details: [] }
      },
      () =>
        creating
          ? t('notes.own.createFailed', { file: chosen.fileName })
          : t('notes.own.updateFailed', { file: chosen.fileName, title: useLibraryStore().packs.find((p) => p.id === chosen.target)?.title ?? chosen.target })
    )
  }

  /** Drops the preview; nothing was saved, and the message says so. */
  function cancel(): void {
    const chosen = pending.value
    if (!chosen || busy.value) return
    pending.value = null
    message.value = { tone: 'info', text: t('notes.own.cancelled', { file: chosen.fileName }), details: [] }
  }

  return { busy, target, step, message, pending, saved, choose, confirm, cancel }
})
