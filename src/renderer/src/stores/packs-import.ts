// Why: Settings → Notes packs: import a pack from a file (with progress, and
// main's clear error if the file is bad) and remove an imported one. Only the
// library's list changes, so the list is refreshed in place rather than
// reloading the page; progress stays on disk either way.
import { defineStore } from 'pinia'
import { api } from '@renderer/api'
import { t } from '@renderer/i18n'
import { fillText, type FilledText } from '@renderer/lib/filled-text'
import { FileRefusal, oversize, readFileText } from '@renderer/lib/read-file'
import { PACK_MAX_BYTES } from '@shared/domain/data'
import type { PackList } from '@shared/domain'
import { failureMessage, useDataStore, type DataMessage } from './data'
import { useFileTask } from './file-task'
import { useLibraryStore } from './library'

/**
 * A failure in the student's language: the page's own refusal as it is, or
 * for anything else (main's reason, in main's words) a translated headline
 * with the reason on the line under it.
 */
export function notesFailure(err: unknown, headline: FilledText): NotesMessage {
  if (err instanceof FileRefusal) return { tone: 'error', text: err.message, details: [], filled: err.filled }
  const reason = failureMessage(err)
  return { tone: 'error', text: fillText(headline), details: [reason.text, ...reason.details], detailsLang: 'en', filled: headline }
}

/** A message as Settings shows it, with its parts kept so a title or file name is marked where it is shown. */
export interface NotesMessage extends DataMessage {
  filled?: FilledText
}

export const notesMessage = (tone: NotesMessage['tone'], filled: FilledText): NotesMessage => ({ tone, text: fillText(filled), details: [], filled })

export const usePacksImportStore = defineStore('packs-import', () => {
  const { busy, step, message, run: runTask } = useFileTask<NotesMessage>()

  /** Shows main's list; if the open pack is gone, opens the first again. */
  async function showList(list: PackList): Promise<void> {
    const library = useLibraryStore()
    library.$patch({ packs: list.packs, errors: list.errors })
    if (library.current && !list.packs.some((p) => p.id === library.current?.id)) await library.load()
    // Which packs have progress (and whether installed) changed too.
    await useDataStore()
      .refreshSummary()
      .catch(() => undefined)
  }

  const run = (task: () => Promise<void>, headline: () => FilledText) => runTask(task, (err) => notesFailure(err, headline()))

  const importFile = (file: File) =>
    run(
      async () => {
        const sizes = oversize(file, PACK_MAX_BYTES)
        if (sizes) throw new FileRefusal({ message: 'notes.file.tooLarge', own: { file: file.name }, named: sizes })
        step.value = { label: t('notes.steps.reading'), percent: 0 }
        const content = await readFileText(file, (percent) => (step.value = { label: t('notes.steps.reading'), percent }))
        step.value = { label: t('notes.steps.checking'), percent: null }
        const pack = await api['packs:import']({ fileName: file.name, content })
        await showList(await api['packs:list']())
        message.value = notesMessage('success', { message: 'notes.import.imported', content: { title: pack.title } })
      },
      () => ({ message: 'notes.import.failed', own: { file: file.name } })
    )

  const remove = (packId: string, title: string) =>
    run(
      async () => {
        await showList(await api['packs:remove']({ packId }))
        message.value = notesMessage('success', { message: 'notes.pack.removed', content: { title } })
      },
      () => ({ message: 'notes.pack.removeFailed', content: { title } })
    )

  return { busy, step, message, importFile, remove, showList }
})
