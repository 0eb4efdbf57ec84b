// Why: the few things only a desktop shell can do (a native save dialog,
// showing the data folder). index.ts supplies Electron's; the browser host gets
// these defaults, and the page downloads instead.
import { writeFile, rename } from 'node:fs/promises'
import type { SaveFileResult } from '../../shared/domain/files'
import { ServiceError, WriteFailedError } from './errors'

export interface SaveRequest {
  suggestedName: string
  content: string
  mime: string
  /** base64 for a binary file; text (utf8) when absent. */
  encoding?: 'utf8' | 'base64' | undefined
}

export interface Platform {
  /** Ask where to save, then write; or tell the page to download it itself. */
  saveFile(request: SaveRequest): Promise<SaveFileResult>
  openDataFolder(dataDir: string): Promise<{ opened: boolean }>
}

export const browserPlatform: Platform = {
  saveFile: async () => ({ mode: 'download' }),
  openDataFolder: async () => {
    throw new ServiceError('unsupported', 'Opening the data folder works in the desktop app only.')
  }
}

/** Writes an export where the student chose, whole or not at all. */
export async function writeChosenFile(path: string, content: string, encoding: 'utf8' | 'base64' = 'utf8'): Promise<void> {
  const temp = `${path}.rd-tmp`
  try {
    await writeFile(temp, encoding === 'base64' ? Buffer.from(content, 'base64') : content, encoding === 'base64' ? undefined : 'utf8')
    await rename(temp, path)
  } catch (error) {
    throw new WriteFailedError(path, error)
  }
}
