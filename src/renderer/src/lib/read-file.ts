// Why: backups and packs are read in the page (the page never sees a path),
// and a big one takes a moment, so reading reports how far it has got; a file
// over the limit is refused by its size before a byte is read or sent.
import { tooLargeMessage } from '@shared/domain/data'

/** What the student sees while a file is handled: "Reading… 40%", "Checking…". */
export interface FileStep {
  label: string
  /** 0–100 while the size is known; null for a step of unknown length. */
  percent: number | null
}

/** A sentence naming the size and the limit, or null when the file fits. */
export function sizeProblem(file: File, limit: number): string | null {
  return file.size > limit ? tooLargeMessage(file.name, file.size, limit) : null
}

export function readFileText(file: File, onProgress: (percent: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.round((event.loaded / event.total) * 100))
    }
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '')
    reader.onerror = () => reject(new Error(`${file.name} could not be read (${reader.error?.name ?? 'unknown error'}).`))
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
    reader.onerror = () => reject(new Error(`${file.name} could not be read (${reader.error?.name ?? 'unknown error'}).`))
    reader.readAsDataURL(file)
  })
}
