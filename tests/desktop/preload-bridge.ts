// Why: the page gets exactly the window.api that the BUILT preload exposes.
// The preload file is evaluated as Electron's sandbox would (CommonJS, only a
// few modules requirable), with a stand-in contextBridge and ipcRenderer whose
// invoke carries the caller's real frame to main's ipcMain handler.
import { readFileSync } from 'node:fs'
import vm from 'node:vm'

/** What main is told about the frame an invoke came from (Electron's event.senderFrame). */
export interface FrameInfo {
  url: string
  origin: string
  isMainFrame: boolean
  parentUrl: string | null
}

export type Invoke = (channel: string, args: unknown[], frame: FrameInfo) => Promise<unknown>

export interface LoadedPreload {
  /** The name passed to contextBridge.exposeInMainWorld. */
  key: string
  /** The exposed object's own keys, in order. */
  methods: string[]
  /** Calls one exposed method as the page would, from `frame`. */
  call(method: string, args: unknown[], frame: FrameInfo): Promise<unknown>
}

// A sandboxed preload may require only these (Electron docs: "Process Sandboxing").
const SANDBOX_MODULES = new Set(['electron', 'events', 'timers', 'url'])

export function loadPreload(file: string, invoke: Invoke): LoadedPreload {
  const exposed: Array<{ key: string; value: unknown }> = []
  let caller: FrameInfo | null = null
  const electron = {
    contextBridge: {
      exposeInMainWorld(key: string, value: unknown) {
        exposed.push({ key, value })
      }
    },
    ipcRenderer: {
      invoke(channel: string, ...args: unknown[]) {
        if (!caller) return Promise.reject(new Error('ipcRenderer.invoke called outside a page call'))
        // Electron serialises arguments with the structured clone algorithm.
        const cloned = structuredClone(args)
        return invoke(channel, cloned, caller).catch((error: Error) => {
          throw new Error(`Error invoking remote method '${channel}': ${error.message}`)
        })
      }
    }
  }
  const module = { exports: {} as unknown }
  const require = (id: string): unknown => {
    if (!SANDBOX_MODULES.has(id)) throw new Error(`module not found: ${id} (a sandboxed preload cannot require it)`)
    if (id === 'electron') return electron
    throw new Error(`The stand-in preload sandbox does not provide ${id}`)
  }
  const code = readFileSync(file, 'utf8')
  vm.runInNewContext(`(function (exports, require, module) {${code}\n})`, { console }, { filename: file })(module.exports, require, module)
  if (exposed.length !== 1) throw new Error(`The preload exposed ${exposed.length} objects; expected exactly one`)
  const { key, value } = exposed[0]!
  const api = value as Record<string, unknown>
  const methods = Object.keys(api)
  for (const method of methods) {
    if (typeof api[method] !== 'function') throw new Error(`window.${key}.${method} is not a function`)
  }
  return {
    key,
    methods,
    call(method, args, frame) {
      caller = frame
      try {
        return Promise.resolve((api[method] as (...a: unknown[]) => unknown)(...args))
      } finally {
        caller = null
      }
    }
  }
}

/** Runs in every frame before the app: the main frame gets window.api, as a preload without nodeIntegrationInSubFrames gives. */
export function pageApiScript(key: string, methods: string[]): string {
  return `(() => {
  const call = window.__rdBridge
  if (window.top !== window) return
  const api = {}
  for (const method of ${JSON.stringify(methods)}) {
    // contextBridge copies arguments across worlds; what cannot be cloned throws here, as there.
    api[method] = (...args) => call(method, structuredClone(args))
  }
  Object.defineProperty(window, ${JSON.stringify(key)}, { value: Object.freeze(api), writable: false, configurable: false, enumerable: true })
})()`
}
