// Why: fitting FSRS parameters to 10,000 reviews takes seconds of WASM; on a
// worker thread the main process keeps answering the window meanwhile. Runs
// in Node (Electron's main process or the browser host), so the renderer's CSP
// needs no 'wasm-unsafe-eval'.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { parentPort, workerData } from 'node:worker_threads'
import { JOB_TAG, type OptimiseJob, type OptimiseReply } from './optimiser-protocol'
import { predictionError } from './prediction-error'
import { toTrainingItems } from './review-sequences'

async function optimise(job: OptimiseJob): Promise<OptimiseReply> {
  // fsrs-browser is a web-target wasm-bindgen build: its thread-pool helper
  // listens on `self` when loaded. The pool is never started (the fit runs on
  // this one thread), so a listener that never fires is all it needs.
  const g = globalThis as { self?: unknown }
  g.self ??= { addEventListener() {}, removeEventListener() {} }
  const wasm = await import('fsrs-browser')
  // Given the bytes, it never fetches (its default is a URL beside the script).
  wasm.initSync({ module: readFileSync(createRequire(import.meta.url).resolve('fsrs-browser/fsrs_browser_bg.wasm')) })
  const items = toTrainingItems(job.sequences)
  // fsrs-rs prints every epoch's loss; the student's terminal needs none of it.
  const quiet = { log: console.log, info: console.info, debug: console.debug }
  console.log = console.info = console.debug = () => {}
  let fitted: Float32Array
  try {
    // computeParameters consumes the model (wasm-bindgen frees it), so there is nothing to free after.
    fitted = new wasm.Fsrs().computeParameters(items.ratings, items.deltas, items.lengths, null, job.enableShortTerm)
  } finally {
    Object.assign(console, quiet)
  }
  // float32 from WASM; rounded so the stored numbers read back exactly as used.
  const parameters = Array.from(fitted, (x) => Math.round(x * 1e6) / 1e6)
  return { ok: true, parameters, before: predictionError(job.sequences, job.current), after: predictionError(job.sequences, parameters) }
}

const port = parentPort
const job = workerData as (OptimiseJob & { tag?: unknown }) | null
if (port && job?.tag === JOB_TAG) {
  optimise(job).then(
    (reply) => port.postMessage(reply),
    (error: unknown) => port.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) } satisfies OptimiseReply)
  )
}
