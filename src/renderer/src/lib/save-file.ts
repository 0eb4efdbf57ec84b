// Why: exports leave the app the same way everywhere: main saves through the
// desktop save dialog, or (in the browser host) says "download", and then the
// page hands the browser a download. Stores call this; components don't.
import { api } from '@renderer/api'
import type { SaveFileResult, SaveMime } from '@shared/domain/files'

/** Triggers a browser download of text content; the page never navigates. */
export function downloadText(fileName: string, content: string, mime: SaveMime): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${mime};charset=utf-8` }))
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

/** Saves `content` as `fileName`: a dialog in the desktop app, a download in the browser. */
export async function saveTextFile(fileName: string, content: string, mime: SaveMime): Promise<SaveFileResult> {
  const result = await api['files:save']({ suggestedName: fileName, content, mime })
  if (result.mode === 'download') downloadText(fileName, content, mime)
  return result
}
