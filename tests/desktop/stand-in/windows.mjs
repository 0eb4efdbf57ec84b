// Why: BrowserWindow and its webContents as the shell uses them, and the
// outside events (navigation, window.open, closing) the test process plays
// into them, each as Electron 45 delivers it.
import { EventEmitter } from 'node:events'
import { answer, ask, record } from './channel.mjs'
import { PreventableEvent } from './lifecycle.mjs'

export function createWindows({ lifecycle, mustBeReady }) {
  let nextWindowId = 1
  class WebContents extends EventEmitter {
    windowOpenHandler = null
    constructor(win) {
      super()
      this.id = win.id
      this.url = ''
    }
    setWindowOpenHandler(fn) {
      this.windowOpenHandler = fn
      record('webContents', 'setWindowOpenHandler', { id: this.id })
    }
    getURL() {
      return this.url
    }
  }

  class BrowserWindow extends EventEmitter {
    static getAllWindows() {
      return [...lifecycle.windows]
    }
    static getFocusedWindow() {
      return [...lifecycle.windows].at(-1) ?? null
    }
    constructor(options = {}) {
      super()
      mustBeReady('BrowserWindow')
      this.id = nextWindowId++
      this.options = options
      this.webContents = new WebContents(this)
      this.destroyed = false
      this.visible = options.show !== false
      lifecycle.windows.add(this)
      record('window', 'created', { id: this.id, options: structuredClone(options) })
    }
    async loadURL(url) {
      record('window', 'loadURL', { id: this.id, url })
      this.webContents.url = url
      // The test process opens the page in Chromium; a failed load rejects, as in Electron.
      await ask('load', { windowId: this.id, url })
      this.webContents.emit('did-finish-load')
      this.emit('ready-to-show')
    }
    async loadFile(file) {
      record('window', 'loadFile', { id: this.id, file })
      throw new Error('The desktop shell must not load pages from file://')
    }
    show() {
      this.visible = true
      record('window', 'show', { id: this.id })
    }
    focus() {
      record('window', 'focus', { id: this.id })
    }
    restore() {
      record('window', 'restore', { id: this.id })
    }
    isMinimized() {
      return false
    }
    isDestroyed() {
      return this.destroyed
    }
    isVisible() {
      return this.visible
    }
    close() {
      const event = new PreventableEvent()
      this.emit('close', event)
      if (event.defaultPrevented) return
      this.destroy()
    }
    closeForQuit() {
      this.emit('close', new PreventableEvent())
      this.finish()
    }
    destroy() {
      if (this.destroyed) return
      this.finish()
      lifecycle.windowClosed(this)
    }
    finish() {
      this.destroyed = true
      lifecycle.windows.delete(this)
      record('window', 'closed', { id: this.id })
      void ask('close-page', { windowId: this.id }).catch(() => undefined)
      this.emit('closed')
    }
  }

  function windowById(id) {
    const win = [...lifecycle.windows].find((w) => w.id === id)
    if (!win) throw new Error(`No window ${id}`)
    return win
  }

  /** A renderer-started navigation: will-navigate (or will-redirect) with a details event, as Electron 45 sends. */
  answer('navigate', ({ windowId, url, kind, isMainFrame }) => {
    const win = windowById(windowId)
    const details = Object.assign(new PreventableEvent(), { url, isMainFrame, isSameDocument: false, frame: null, initiator: null })
    // The positional URL is deprecated; a decoy catches a shell that still reads it.
    win.webContents.emit(kind, details, 'app://decoy.invalid/', false, isMainFrame)
    return { prevented: details.defaultPrevented }
  })
  answer('window-open', ({ windowId, url }) => {
    const handler = windowById(windowId).webContents.windowOpenHandler
    return handler ? handler({ url, frameName: '', features: '', disposition: 'new-window', referrer: { url: '', policy: 'default' } }) : { action: 'allow' }
  })
  answer('close-window', ({ windowId }) => {
    windowById(windowId).close()
    return null
  })
  return BrowserWindow
}
