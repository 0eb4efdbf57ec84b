// Why: Settings → Notes packs → New pack from notes… and Update from file…:
// the student's file is read in the page and previewed by main before
// anything is saved; only "Create pack" / "Update the pack" sends it to
// notes:import. A file that is too big or not a notes file is refused here,
// before a byte is read or sent, and any refusal from main is shown as it is.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { api } from '@renderer/api'
import { t } from '@renderer/i18n'
import type { FilledText } from '@renderer/lib/filled-text'
import { FileRefusal, oversize, readFileBase64, readFileText } from '@renderer/lib/read-file'
import { cardTotal, counted, updateSentence } from '@renderer/lib/notes-preview-text'
import { DOCX_MAX_BYTES, NOTES_MAX_BYTES, type NotesPreview } from '@shared/domain/notes'
import type { PackSummary } from '@shared/domain'
import { useFileTask } from './file-task'
import { useLibraryStore } from './library'
import { notesFailure, notesMessage, usePacksImportStore, type NotesMessage } from './packs-import'

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
  const { busy, step, message, run: runTask } = useFileTask<NotesMessage>()
  const target = ref<NotesTarget | null>(null)
  const pending = shallowRef<PendingNotes | null>(null)
  /** The pack just created or updated, so the page can offer to open it. */
  const saved = ref<PackSummary | null>(null)

  const run = (where: NotesTarget, task: () => Promise<void>, headline: () => FilledText) =>
    runTask(
      task,
      (err) => notesFailure(err, headline()),
      () => {
        target.value = where
        saved.value = null
      }
    )

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
        const own = { file: file.name }
        if (!NOTES_FILE.test(file.name)) throw new FileRefusal({ message: 'notes.own.notNotes', own })
        const docx = /\.docx$/i.test(file.name)
        const sizes = oversize(file, docx ? DOCX_MAX_BYTES : NOTES_MAX_BYTES)
        if (sizes) throw new FileRefusal({ message: 'notes.own.tooLarge', own, named: sizes })
        const reading = (percent: number) => (step.value = { label: t('notes.steps.reading'), percent })
        reading(0)
        const content = docx ? await readFileBase64(file, reading) : await readFileText(file, reading)
        step.value = { label: t('notes.steps.readingNotes'), percent: null }
        const chosen = { target: where, fileName: file.name, content }
        pending.value = { ...chosen, preview: await api['notes:preview'](input(chosen)) }
      },
      () => ({ message: 'notes.own.previewFailed', own: { file: file.name } })
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
        const named = creating
          ? { sections: counted('notes.count.sections', result.preview.sections.length), cards: counted('notes.count.cards', cardTotal(result.preview)) }
          : { changes: result.preview.update ? updateSentence(result.preview.update) : t('notes.changes.updated') }
        message.value = notesMessage('success', {
          message: creating ? 'notes.own.created' : 'notes.own.updated',
          content: { title: result.pack.title },
          own: { file: chosen.fileName },
          named
        })
      },
      () => {
        const own = { file: chosen.fileName }
        if (creating) return { message: 'notes.own.createFailed', own }
        const title = useLibraryStore().packs.find((p) => p.id === chosen.target)?.title ?? chosen.target
        return { message: 'notes.own.updateFailed', own, content: { title } }
      }
    )
  }

  /** Drops the preview; nothing was saved, and the message says so. */
  function cancel(): void {
    const chosen = pending.value
    if (!chosen || busy.value) return
    pending.value = null
    message.value = notesMessage('info', { message: 'notes.own.cancelled', own: { file: chosen.fileName } })
  }

  return { busy, target, step, message, pending, saved, choose, confirm, cancel }
})
