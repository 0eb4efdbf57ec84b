// Why: backups and packs are read in the page (the page never sees a path),
// and a big one takes a moment, so reading reports how far it has got; a file
// over the limit is refused by its size before a byte is read or sent.
import { t } from '@renderer/i18n'
import { formatNumber } from '@renderer/i18n/format'

const MB = 1024 * 1024

/** What the student sees while a file is handled: "Reading… 40%", "Checking…". */
export interface FileStep {
  label: string
  /** 0–100 while the size is known; null for a step of unknown length. */
  percent: number | null
}

/**
 * A sentence naming the size and the limit, or null when the file fits. Main says
 * the same in English (tooLargeMessage); this one is in the page's language.
 */
export function sizeProblem(file: File, limit: number): string | null {
  if (file.size <= limit) return null
  // One decimal, so a file just over a limit does not read as equal to it.
  const size = `${formatNumber(file.size / MB, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`
  return t('reading.file.tooLarge', { file: file.name, size, limit: formatNumber(Math.round(limit / MB)) })
}

export function readFileText(file: File, onProgress: (percent: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.round((event.loaded / event.total) * 100))
    }
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '')
    reader.onerror = () => reject(new Error(t('reading.file.unreadable', { file: file.name, reason: reader.error?.name ?? 'unknown error' })))
    reader.readAsText(file, 'utf-8')
  })
}
