// Why: the main thread's side of the optimiser: one worker per run, its reply
// checked before anything uses it, and any crash, timeout or malformed reply
// turned into one clear error, so a failed run changes nothing.
import { Worker } from 'node:worker_threads'
import { ServiceError } from '../errors'
import { JOB_TAG, OptimiseReplySchema, type OptimiseJob, type OptimiseResult } from './optimiser-protocol'

export interface RunOptimiserOptions {
  /** The built worker script (see optimiser-worker-path.ts). */
  workerPath: string
  timeoutMs?: number
  /** Aborted when the app closes: the worker is stopped and the run fails, changing nothing. */
  signal?: AbortSignal
}

const DEFAULT_TIMEOUT_MS = 10 * 60_000

export function runOptimiser(job: OptimiseJob, opts: RunOptimiserOptions): Promise<OptimiseResult> {
  const failed = (why: string) => new ServiceError('internal', `Optimising failed: ${why} Your parameters are unchanged.`)
  return new Promise((resolve, reject) => {
    let settled = false
    let worker: Worker
    try {
      // The typed arrays are copied into the worker (structured clone), not transferred: the caller may still read them.
      worker = new Worker(opts.workerPath, { workerData: { ...job, tag: JOB_TAG } })
    } catch (error) {
      reject(failed(`the optimiser could not start (${error instanceof Error ? error.message : String(error)}).`))
      return
    }
    const finish = (fn: () => void) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      opts.signal?.removeEventListener('abort', stop)
      fn()
      void worker.terminate()
    }
    const timer = setTimeout(() => finish(() => reject(failed('it took too long and was stopped.'))), opts.timeoutMs ?? DEFAULT_TIMEOUT_MS)
    const stop = () => finish(() => reject(failed('it was stopped because the app is closing.')))
    if (opts.signal?.aborted) return stop()
    opts.signal?.addEventListener('abort', stop, { once: true })
    worker.once('message', (message: unknown) => {
      const parsed = OptimiseReplySchema.safeParse(message)
      if (!parsed.success) return finish(() => reject(failed('the optimiser gave an answer that is not a usable set of parameters.')))
      const reply = parsed.data
      if (reply.ok) finish(() => resolve(reply))
      else finish(() => reject(failed(`${reply.error}.`)))
    })
    worker.once('error', (error) => finish(() => reject(failed(`the optimiser stopped with an error (${error.message}).`))))
    worker.once('exit', (code) => finish(() => reject(failed(`the optimiser stopped (exit code ${code}) before it answered.`))))
  })
}
