// Why: backups and packs are read in the page (the page never sees a path),
// and a big one takes a moment, so reading reports how far it has got; a file
// over the limit is refused by its size before a byte is read or sent.
import { t } from '@renderer/i18n'
import { formatNumber } from '@renderer/i18n/format'
import { fillText, type FilledText } from './filled-text'

const MB = 1024 * 1024

/** A refusal made in the page, already in the student's words: shown as it is, with no headline over it. */
export class FileRefusal extends Error {
  constructor(readonly filled: FilledText) {
    super(fillText(filled))
  }
}

/** What the student sees while a file is handled, in the page's language: "Reading… 40%", "Checking…". */
export interface FileStep {
  label: string
  /** 0–100 while the size is known; null for a step of unknown length. */
  percent: number | null
}

/** The size and the limit in MB as the student reads them ("50.0", one decimal as main says it, and "8"), or null when the file fits. */
export function oversize(file: File, limit: number): { size: string; limit: string } | null {
  if (file.size <= limit) return null
  return { size: formatNumber(file.size / MB, { minimumFractionDigits: 1, maximumFractionDigits: 1 }), limit: formatNumber(Math.round(limit / MB)) }
}

/** A sentence naming the size and the limit, or null when the file fits. */
export function sizeProblem(file: File, limit: number): string | null {
  const sizes = oversize(file, limit)
  return sizes ? t('notes.file.tooLarge', { file: file.name, ...sizes }) : null
}

const unreadable = (file: File, reader: FileReader): FileRefusal =>
  new FileRefusal({ message: 'notes.file.unreadable', own: { file: file.name }, named: { reason: reader.error?.name ?? 'unknown error' } })

export function readFileText(file: File, onProgress: (percent: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.round((event.loaded / event.total) * 100))
    }
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '')
    reader.onerror = () => reject(unreadable(file, reader))
    reader.readAsText(file, 'utf-8')
  })
}

/** A binary file (a Word .docx) as base64, the way main takes it: the data URL's prefix is taken off. */
export function readFileBase64(file: File, onProgress: (percent: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.round((event.loaded / event.total) * 100))
    }
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : ''
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.onerror = () => reject(unreadable(file, reader))
    reader.readAsDataURL(file)
  })
}
