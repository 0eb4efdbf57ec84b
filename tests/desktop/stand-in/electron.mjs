// Why: a faithful stand-in for the `electron` module of Electron 45, for the
// main process only, since the binary cannot be downloaded here. It records
// everything the shell does and enforces the rules the real one enforces
// (read from electron.d.ts and the docs): privileged schemes only before
// ready, protocol.handle and BrowserWindow only after, one ipcMain handler per
// channel, preventable lifecycle events. Chromium itself is driven by the test
// process; loadURL asks it to open the page.
import { EventEmitter } from 'node:events'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { answer, leaveWith, record } from './channel.mjs'
import { createLifecycle, PreventableEvent } from './lifecycle.mjs'
import { createInstanceLock } from './single-instance.mjs'
import { createWindows } from './windows.mjs'

const env = process.env
const appPath = env.RD_STANDIN_APP_PATH ?? process.cwd()
const packaged = env.RD_STANDIN_PACKAGED === '1'
if (packaged) process.resourcesPath = env.RD_STANDIN_RESOURCES_PATH
const manifest = JSON.parse(readFileSync(join(appPath, 'package.json'), 'utf8'))
const paths = {
  appData: env.RD_STANDIN_APPDATA,
  documents: env.RD_STANDIN_DOCUMENTS ?? env.RD_STANDIN_APPDATA,
  temp: env.TMPDIR ?? '/tmp'
}
paths.userData = join(paths.appData, manifest.productName ?? manifest.name)

const lifecycle = createLifecycle({
  record,
  leave: (code) => {
    lock.release()
    void lock.settled().then(() => leaveWith(code))
  }
})
const lock = createInstanceLock({
  userData: () => paths.userData,
  record,
  onSecondInstance: (argv, cwd, data) => {
    record('app', 'second-instance', { argv })
    lifecycle.app.emit('second-instance', new PreventableEvent(), argv, cwd, data)
  }
})

function mustBeReady(what) {
  if (!lifecycle.ready) throw new Error(`${what} cannot be used before the app is ready`)
}

export const app = Object.assign(lifecycle.app, {
  get isPackaged() {
    return packaged
  },
  getAppPath: () => appPath,
  getName: () => manifest.productName ?? manifest.name,
  getVersion: () => manifest.version,
  getPath(name) {
    if (!(name in paths)) throw new Error(`Failed to get '${name}' path`)
    return paths[name]
  },
  setPath(name, value) {
    record('app', 'setPath', { name, value })
    paths[name] = value
  },
  whenReady: () => lifecycle.whenReady(),
  isReady: () => lifecycle.ready,
  requestSingleInstanceLock: (data) => lock.request(data),
  hasSingleInstanceLock: () => lock.hasLock(),
  releaseSingleInstanceLock: () => lock.release(),
  quit: () => lifecycle.quit(),
  exit: (code) => lifecycle.exit(code),
  focus: () => record('app', 'focus')
})

// --- protocol ---------------------------------------------------------------
const schemeHandlers = new Map()
let privilegedRegistered = false
export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    if (lifecycle.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready')
    if (privilegedRegistered) throw new Error('protocol.registerSchemesAsPrivileged can only be called once')
    privilegedRegistered = true
    record('protocol', 'registerSchemesAsPrivileged', { schemes })
  },
  handle(scheme, handler) {
    mustBeReady('protocol.handle')
    if (schemeHandlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`)
    schemeHandlers.set(scheme, handler)
    record('protocol', 'handle', { scheme })
  },
  unhandle(scheme) {
    schemeHandlers.delete(scheme)
  },
  isProtocolHandled: (scheme) => schemeHandlers.has(scheme)
}

/** The test process fetches app:// URLs through the handler main registered, with a real fetch Request. */
answer('protocol', async ({ url, method, initiatorOrigin }) => {
  const scheme = new URL(url).protocol.slice(0, -1)
  const handler = schemeHandlers.get(scheme)
  if (!handler) return { status: 0, error: 'ERR_UNKNOWN_URL_SCHEME' }
  const request = new Request(url.replace(/^[a-z]+:/, 'http:'), { method })
  // Request cannot hold a custom scheme in Node, so present the real URL as Electron does.
  Object.defineProperty(request, 'url', { value: url })
  if (initiatorOrigin !== undefined) Object.defineProperty(request, 'initiatorOrigin', { value: initiatorOrigin })
  const response = await handler(request)
  const body = new Uint8Array(await response.arrayBuffer())
  return { status: response.status, headers: Object.fromEntries(response.headers), body }
})

// --- session and permissions -------------------------------------------------
const permissionHandlers = {}
const defaultSession = {
  setPermissionRequestHandler(fn) {
    permissionHandlers.request = fn
    record('session', 'setPermissionRequestHandler')
  },
  setPermissionCheckHandler(fn) {
    permissionHandlers.check = fn
    record('session', 'setPermissionCheckHandler')
  },
  setDevicePermissionHandler(fn) {
    permissionHandlers.device = fn
    record('session', 'setDevicePermissionHandler')
  }
}
export const session = {
  get defaultSession() {
    mustBeReady('session.defaultSession')
    return defaultSession
  }
}
answer(
  'permission',
  ({ permission }) =>
    new Promise((resolve) => {
      if (!permissionHandlers.request) return resolve({ granted: true, check: true, handled: false })
      const check = permissionHandlers.check ? permissionHandlers.check(null, permission, 'app://revision-desk', {}) : true
      permissionHandlers.request(null, permission, (granted) => resolve({ granted, check, handled: true }), {})
    })
)

// --- ipcMain ----------------------------------------------------------------
const ipcHandlers = new Map()
export const ipcMain = Object.assign(new EventEmitter(), {
  handle(channel, fn) {
    if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    ipcHandlers.set(channel, fn)
    record('ipcMain', 'handle', { channel })
  },
  removeHandler(channel) {
    ipcHandlers.delete(channel)
  }
})

/** One ipcRenderer.invoke from the page, with the real sender frame's URL. */
answer('invoke', async ({ channel, args, frame, windowId }) => {
  const fn = ipcHandlers.get(channel)
  if (!fn) throw new Error(`No handler registered for '${channel}'`)
  const win = [...lifecycle.windows].find((w) => w.id === windowId)
  const senderFrame = { url: frame.url, origin: frame.origin, parent: frame.isMainFrame ? null : { url: frame.parentUrl }, top: null, routingId: 1 }
  const event = { sender: win?.webContents ?? null, senderFrame, frameId: frame.isMainFrame ? 1 : 2, processId: 1 }
  return structuredClone(await fn(event, ...args))
})

// --- windows ----------------------------------------------------------------
export const BrowserWindow = createWindows({ lifecycle, mustBeReady })

answer('app-event', ({ name }) => {
  if (name === 'quit') lifecycle.quit()
  else lifecycle.app.emit(name, new PreventableEvent(), false)
  return null
})
answer('state', () => ({ windows: [...lifecycle.windows].map((w) => ({ id: w.id, url: w.webContents.url, visible: w.visible })) }))

// --- the rest the shell uses --------------------------------------------------
export const Menu = {
  buildFromTemplate(template) {
    return { items: template }
  },
  setApplicationMenu(menu) {
    record('menu', 'setApplicationMenu', { template: menu ? structuredClone(menu.items) : null })
  }
}
export const dialog = {
  showErrorBox(title, content) {
    record('dialog', 'showErrorBox', { title, content })
  },
  async showSaveDialog(...args) {
    record('dialog', 'showSaveDialog', { options: structuredClone(args.at(-1)) })
    return { canceled: true, filePath: undefined }
  }
}
export const shell = {
  async openExternal(url) {
    record('shell', 'openExternal', { url })
  },
  async openPath(path) {
    record('shell', 'openPath', { path })
    return ''
  }
}
export const contextBridge = {
  exposeInMainWorld() {
    throw new Error('contextBridge is not available in the main process')
  }
}
export const ipcRenderer = undefined

// Electron emits `ready` once the main script's first turn is done.
setTimeout(() => lifecycle.becomeReady(), 0)
export default { app, BrowserWindow, Menu, dialog, ipcMain, protocol, session, shell, contextBridge }
