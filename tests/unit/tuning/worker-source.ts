// Why: the worker scripts the optimiser tests start: the real one from source, and stand-ins that fail in each way a worker can.
import { fileURLToPath } from 'node:url'

export const fixtureWorker = (name: 'source' | 'exit' | 'throw' | 'bad-output' | 'silent'): string =>
  fileURLToPath(new URL(`./fixtures/${name}-worker.mjs`, import.meta.url))
/** The real optimiser worker, run from its TypeScript source. */
export const WORKER_SOURCE = fixtureWorker('source')
