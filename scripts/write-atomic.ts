// Why: the pack CLI's files are written beside and renamed, so an interrupted
// run never leaves half a pack.json or half a deck where the user asked for one.
import { rename, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export async function writeAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`)
  await writeFile(temp, content)
  await rename(temp, path)
}
