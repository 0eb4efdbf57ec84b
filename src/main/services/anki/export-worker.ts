// Why: writing a 10,000-card .apkg is a second of SQLite (WebAssembly) and
// deflate work, and the first run in a process also compiles the WebAssembly,
// which no slicing can split. On a worker thread the main process keeps
// answering the window meanwhile.
import { parentPort, workerData } from 'node:worker_threads'
import type { ExportNote } from './export-notes'
import { EXPORT_TAG, type ExportBatch, type ExportJob, type ExportReply } from './export-protocol'
import { loadSqlJs } from './sql-wasm'
import { writeApkg } from './write-apkg'

const port = parentPort
const job = workerData as (ExportJob & { tag?: unknown }) | null
if (port && job?.tag === EXPORT_TAG) {
  const notes: ExportNote[] = []
  // Compiled while main is still sending notes.
  const ready = loadSqlJs()
  const fail = (error: unknown): void =>
    port.postMessage({ tag: EXPORT_TAG, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies ExportReply)
  ready.catch(() => undefined)
  port.on('message', (batch: ExportBatch) => {
    if ('notes' in batch) {
      notes.push(...batch.notes)
      return
    }
    ready
      .then(() => writeApkg({ title: job.title, notes, counts: job.counts }, { now: new Date(job.now), pause: async () => undefined }))
      .then((bytes) => port.postMessage({ tag: EXPORT_TAG, ok: true, bytes } satisfies ExportReply, [bytes.buffer as ArrayBuffer]), fail)
  })
}
