// Why: the main thread's side of the .apkg export worker: one worker per
// export, fed the notes in batches with a turn of the event loop between
// them, its reply checked before it is used, and a crash, a timeout or a
// malformed reply turned into one clear error (nothing has been written).
import { Worker } from 'node:worker_threads'
import { ServiceError } from '../errors'
import type { ExportDeck } from './export-notes'
import { EXPORT_TAG, type ExportBatch, type ExportReply } from './export-protocol'

const TIMEOUT_MS = 5 * 60_000
const NOTES_PER_MESSAGE = 150

export async function runExportWorker(deck: ExportDeck, now: Date, workerPath: string, pause: () => Promise<void>): Promise<Uint8Array> {
  const failed = (why: string) => new ServiceError('internal', `The Anki export failed: ${why}`)
  let worker: Worker
  try {
    worker = new Worker(workerPath, { workerData: { tag: EXPORT_TAG, title: deck.title, now: now.toISOString(), counts: deck.counts } })
  } catch (error) {
    throw failed(`its worker could not start (${error instanceof Error ? error.message : String(error)}).`)
  }
  const reply = new Promise<Uint8Array>((resolve, reject) => {
    let settled = false
    const finish = (fn: () => void): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      fn()
      void worker.terminate()
    }
    const timer = setTimeout(() => finish(() => reject(failed('it took too long and was stopped.'))), TIMEOUT_MS)
    worker.once('message', (message: ExportReply) => {
      if (message?.tag !== EXPORT_TAG) return finish(() => reject(failed('its worker answered with something else.')))
      if (!message.ok) return finish(() => reject(failed(`${message.error}.`)))
      if (!(message.bytes instanceof Uint8Array) || message.bytes.length === 0) return finish(() => reject(failed('its worker sent no file.')))
      finish(() => resolve(message.bytes))
    })
    worker.once('error', (error) => finish(() => reject(failed(`its worker stopped with an error (${error.message}).`))))
    worker.once('exit', (code) => finish(() => reject(failed(`its worker stopped (exit code ${code}) before it answered.`))))
  })
  for (let at = 0; at < deck.notes.length; at += NOTES_PER_MESSAGE) {
    worker.postMessage({ notes: deck.notes.slice(at, at + NOTES_PER_MESSAGE) } satisfies ExportBatch)
    await pause()
  }
  worker.postMessage({ done: true } satisfies ExportBatch)
  return reply
}
