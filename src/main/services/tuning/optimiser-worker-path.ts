// Why: the one import of the worker as a separate bundle. electron-vite builds
// it beside out/main for the app, vite.web.config.ts beside out/web for the
// browser host, and the import is the built file's absolute path. Dynamic, so
// the services still load where nothing bundled them (tsx runs the bench and
// crash tests from source): there the optimiser is simply not available.
export async function builtOptimiserWorker(): Promise<string | undefined> {
  try {
    const { default: path } = await import('./optimiser-worker?modulePath')
    return typeof path === 'string' && path.endsWith('.js') ? path : undefined
  } catch {
    return undefined
  }
}
