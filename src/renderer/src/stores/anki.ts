// Why: Settings → Anki: a pack's cards out to Anki (an .apkg, or a CSV for
// Anki's text import), saved through files:save like every export; and an
// Anki deck in, shown as a preview first and added as a pack only when the
// student says so. Main reads and checks the deck; the page only reads the file.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '@renderer/api'
import { plural } from '@renderer/lib/format'
import { readFileText, sizeProblem, type FileStep } from '@renderer/lib/read-file'
import { saveBinaryFile, saveTextFile } from '@renderer/lib/save-file'
import { ANKI_CSV_MAX_BYTES, ANKI_MAX_BYTES, type AnkiFormat, type AnkiPreview } from '@shared/domain/anki'
import { failureMessage, useDataStore, type DataMessage } from './data'
import { useLibraryStore } from './library'

const isApkg = (name: string): boolean => /\.(apkg|colpkg)$/i.test(name)

/** A binary file as base64, converted in chunks (String.fromCharCode takes only so many arguments). */
async function readFileBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000))
  return btoa(binary)
}

export const useAnkiStore = defineStore('anki', () => {
  const busy = ref(false)
  const step = ref<FileStep | null>(null)
  const message = ref<DataMessage | null>(null)
  const preview = ref<AnkiPreview | null>(null)
  const chosen = ref<{ fileName: string; content: string } | null>(null)

  async function run(label: string, task: () => Promise<void>): Promise<void> {
    if (busy.value) return
    busy.value = true
    message.value = null
    step.value = { label, percent: null }
    try {
      await task()
    } catch (err) {
      message.value = failureMessage(err)
    } finally {
      busy.value = false
      step.value = null
    }
  }

  const exportPack = (packId: string, format: AnkiFormat) =>
    run(format === 'apkg' ? 'Making the Anki deck…' : 'Making the CSV…', async () => {
      const file = await api['anki:export']({ packId, format })
      const saved =
        file.encoding === 'base64' ? await saveBinaryFile(file.fileName, file.content, file.mime) : await saveTextFile(file.fileName, file.content, file.mime)
      if (saved.mode === 'cancelled') return
      const what = `${plural(file.counts.notes, 'card')} (${file.counts.highlights} from your highlights)`
      const where = saved.mode === 'saved' ? `Saved ${saved.path}` : `Downloaded ${file.fileName}`
      const how = format === 'apkg' ? 'In Anki, choose File → Import.' : 'In Anki, choose File → Import and pick this file.'
      message.value = { tone: 'success', text: `${where}: ${what}. ${how}`, details: [] }
    })

  const chooseFile = (file: File) =>
    run('Reading…', async () => {
      preview.value = null
      chosen.value = null
      const tooLarge = sizeProblem(file, isApkg(file.name) ? ANKI_MAX_BYTES : ANKI_CSV_MAX_BYTES)
      if (tooLarge) throw new Error(tooLarge)
      const content = isApkg(file.name) ? await readFileBase64(file) : await readFileText(file, (percent) => (step.value = { label: 'Reading…', percent }))
      step.value = { label: 'Checking the deck…', percent: null }
      preview.value = await api['anki:preview']({ fileName: file.name, content })
      chosen.value = { fileName: file.name, content }
    })

  const install = () =>
    run('Adding the pack…', async () => {
      if (!chosen.value) return
      const result = await api['anki:import']({ ...chosen.value, packId: preview.value?.packId })
      const library = useLibraryStore()
      const list = await api['packs:list']()
      library.$patch({ packs: list.packs, errors: list.errors })
      await useDataStore()
        .refreshSummary()
        .catch(() => undefined)
      preview.value = null
      chosen.value = null
      message.value = {
        tone: 'success',
        text: `Added “${result.pack.title}” with ${plural(result.pack.counts.questions, 'card')}. Open it from Notes packs, or test yourself on it.`,
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
