/// <reference types="electron-vite/node" />
// Why: the one import of the worker as a separate bundle. electron-vite builds
// it beside out/main for the app, vite.web.config.ts beside out/web for the
// browser host; either way this is the built file's absolute path.
import workerPath from './optimiser-worker?modulePath'

/** Undefined when not built (unit tests pass the TypeScript source instead). */
export const OPTIMISER_WORKER: string | undefined = typeof workerPath === 'string' && workerPath.endsWith('.js') ? workerPath : undefined
