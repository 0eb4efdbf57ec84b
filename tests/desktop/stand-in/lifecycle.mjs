// Why: the parts of Electron 45's app lifecycle the shell relies on, as the
// docs describe them: `ready` once, `before-quit` and `will-quit` can be
// prevented, app.quit() closes every window first (no window-all-closed then),
// app.exit() leaves at once with no events.
import { EventEmitter } from 'node:events'

export class PreventableEvent {
  defaultPrevented = false
  preventDefault() {
    this.defaultPrevented = true
  }
}

export function createLifecycle({ record, leave }) {
  const app = new EventEmitter()
  const windows = new Set()
  let ready = false
  let quitting = false
  let readyResolve
  const readyPromise = new Promise((resolve) => (readyResolve = resolve))

  const lifecycle = {
    app,
    windows,
    get ready() {
      return ready
    },
    get quitting() {
      return quitting
    },
    whenReady: () => readyPromise,
    becomeReady() {
      ready = true
      record('app', 'ready')
      app.emit('will-finish-launching')
      app.emit('ready', new PreventableEvent(), {})
      readyResolve()
    },
    /** A window closed: Electron emits window-all-closed for the last one, unless it is quitting. */
    windowClosed(win) {
      windows.delete(win)
      if (windows.size > 0 || quitting) return
      record('app', 'window-all-closed')
      // With no listener, Electron's default is to quit.
      if (app.listenerCount('window-all-closed') === 0) lifecycle.quit()
      else app.emit('window-all-closed', new PreventableEvent())
    },
    quit() {
      record('app', 'quit-requested')
      const before = new PreventableEvent()
      app.emit('before-quit', before)
      if (before.defaultPrevented) return
      quitting = true
      for (const win of [...windows]) win.closeForQuit()
      const willQuit = new PreventableEvent()
      app.emit('will-quit', willQuit)
      if (willQuit.defaultPrevented) {
        quitting = false
        return
      }
      app.emit('quit', new PreventableEvent(), 0)
      leave(0)
    },
    exit(code = 0) {
      record('app', 'exit', { code })
      leave(code)
    }
  }
  return lifecycle
}
