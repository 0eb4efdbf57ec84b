// Why: exports leave the app the same way everywhere: main saves through the
// desktop save dialog, or (in the browser host) says "download", and then the
// page hands the browser a download. Stores call this; components don't.
import { api } from '@renderer/api'
import type { SaveFileResult, SaveMime } from '@shared/domain/files'

/** Hands the browser a file to download; the page never navigates. */
function clickDownload(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // Revoke after the click has been handled, not before.
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** Triggers a browser download of text content; the page never navigates. */
export function downloadText(fileName: string, content: string, mime: SaveMime): void {
  clickDownload(fileName, new Blob([content], { type: `${mime};charset=utf-8` }))
}

/** Triggers a browser download of a binary file sent as base64 (an Anki .apkg). */
export function downloadBytes(fileName: string, base64: string, mime: SaveMime): void {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  clickDownload(fileName, new Blob([bytes], { type: mime }))
}

/** Saves base64 `content` as the binary file `fileName`: a dialog in the desktop app, a download in the browser. */
export async function saveBinaryFile(fileName: string, base64: string, mime: SaveMime): Promise<SaveFileResult> {
  const result = await api['files:save']({ suggestedName: fileName, content: base64, mime, encoding: 'base64' })
  if (result.mode === 'download') downloadBytes(fileName, base64, mime)
  return result
}

/** Saves `content` as `fileName`: a dialog in the desktop app, a download in the browser. */
export async function saveTextFile(fileName: string, content: string, mime: SaveMime): Promise<SaveFileResult> {
  const result = await api['files:save']({ suggestedName: fileName, content, mime })
  if (result.mode === 'download') downloadText(fileName, content, mime)
  return result
}
