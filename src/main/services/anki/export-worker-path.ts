// Why: the one import of the .apkg export worker as a separate bundle, as the
// FSRS optimiser's (see tuning/optimiser-worker-path.ts). Where nothing bundled
// the services (tsx, vitest), there is no worker and the export runs in slices
// on the calling thread instead.
export async function builtAnkiExportWorker(): Promise<string | undefined> {
  try {
    const { default: path } = await import('./export-worker?modulePath')
    return typeof path === 'string' && path.endsWith('.js') ? path : undefined
  } catch {
    return undefined
  }
}
