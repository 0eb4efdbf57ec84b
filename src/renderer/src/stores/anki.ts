// Why: Settings → Anki: a pack's cards out to Anki (an .apkg, or a CSV for
// Anki's text import), saved through files:save like every export; and an
// Anki deck in, shown as a preview first and added as a pack only when the
// student says so. Main reads and checks the deck; the page only reads the file.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '@renderer/api'
import { t } from '@renderer/i18n'
import { formatNumber } from '@renderer/i18n/format'
import { readFileBase64, readFileText, sizeProblem } from '@renderer/lib/read-file'
import { saveBinaryFile, saveTextFile } from '@renderer/lib/save-file'
import { ANKI_CSV_MAX_BYTES, ANKI_MAX_BYTES, type AnkiFormat, type AnkiPreview } from '@shared/domain/anki'
import { ApiError } from '@shared/result'
import type { DataMessage } from './data'
import { useFileTask } from './file-task'
import { usePacksImportStore } from './packs-import'

/** Main's refusal under a headline in the page's language; the page's own refusal (already translated) as it is. */
function failure(err: unknown): DataMessage {
  const reason = err instanceof Error ? err.message : String(err)
  if (!(err instanceof ApiError)) return { tone: 'error', text: reason, details: [] }
  return { tone: 'error', text: t('notes.anki.failed'), details: [reason], detailsLang: 'en' }
}

const isApkg = (name: string): boolean => /\.(apkg|colpkg)$/i.test(name)

export const useAnkiStore = defineStore('anki', () => {
  const { busy, step, message, run: runTask } = useFileTask<DataMessage>()
  const preview = ref<AnkiPreview | null>(null)
  const chosen = ref<{ fileName: string; content: string } | null>(null)

  const run = (label: string, task: () => Promise<void>) => runTask(task, failure, () => (step.value = { label, percent: null }))

  const exportPack = (packId: string, format: AnkiFormat) =>
    run(format === 'apkg' ? t('notes.anki.steps.makingDeck') : t('notes.anki.steps.makingCsv'), async () => {
      const file = await api['anki:export']({ packId, format })
      const saved =
        file.encoding === 'base64' ? await saveBinaryFile(file.fileName, file.content, file.mime) : await saveTextFile(file.fileName, file.content, file.mime)
      if (saved.mode === 'cancelled') return
      const what = t('notes.anki.exportedWhat', { cards: t('notes.anki.cardCount', file.counts.notes), highlights: formatNumber(file.counts.highlights) })
      const where = saved.mode === 'saved' ? t('notes.anki.savedTo', { path: saved.path }) : t('notes.anki.downloaded', { file: file.fileName })
      const how = format === 'apkg' ? t('notes.anki.howApkg') : t('notes.anki.howCsv')
      message.value = { tone: 'success', text: t('notes.anki.exported', { where, what, how }), details: [] }
    })

  const chooseFile = (file: File) =>
    run(t('notes.anki.steps.reading'), async () => {
      preview.value = null
      chosen.value = null
      const tooLarge = sizeProblem(file, isApkg(file.name) ? ANKI_MAX_BYTES : ANKI_CSV_MAX_BYTES)
      if (tooLarge) throw new Error(tooLarge)
      const progress = (percent: number): void => {
        step.value = { label: t('notes.anki.steps.reading'), percent }
      }
      const content = isApkg(file.name) ? await readFileBase64(file, progress) : await readFileText(file, progress)
      step.value = { label: t('notes.anki.steps.checking'), percent: null }
      preview.value = await api['anki:preview']({ fileName: file.name, content })
      chosen.value = { fileName: file.name, content }
    })

  const install = () =>
    run(t('notes.anki.steps.adding'), async () => {
      if (!chosen.value) return
      const result = await api['anki:import']({ ...chosen.value, packId: preview.value?.packId })
      await usePacksImportStore().showList(await api['packs:list']())
      preview.value = null
      chosen.value = null
      message.value = {
        tone: 'success',
        text: t('notes.anki.added', { title: result.pack.title, cards: t('notes.anki.cardCount', result.pack.counts.questions) }),
        details: []
      }
    })

  function cancel(): void {
    preview.value = null
    chosen.value = null
    message.value = null
  }

  return { busy, step, message, preview, chosen, exportPack, chooseFile, install, cancel }
})
