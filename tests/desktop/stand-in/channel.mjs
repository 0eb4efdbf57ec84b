// Why: the stand-in talks to the test process over Node's IPC channel with
// `serialization: 'advanced'`, i.e. the structured clone algorithm Electron's
// own IPC uses, so what cannot cross a real IPC boundary cannot cross this one.
if (typeof process.send !== 'function') {
  throw new Error('The stand-in electron must be started by the emulated-desktop driver (child_process.fork with an IPC channel).')
}

let nextId = 1
const waiting = new Map()
const handlers = new Map()

export function send(message) {
  process.send(message)
}

export function record(area, what, detail = {}) {
  send({ type: 'record', area, what, detail })
}

/** Asks the test process (which drives Chromium) to do something, and waits for its answer. */
export function ask(kind, payload) {
  const id = nextId++
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject })
    send({ type: 'ask', id, kind, payload })
  })
}

/** Registers what the test process may ask of this process. */
export function answer(kind, fn) {
  handlers.set(kind, fn)
}

export function leaveWith(code) {
  process.send({ type: 'exit', code }, () => process.exit(code))
}

process.on('message', async (message) => {
  if (message.type === 'answer') {
    const pending = waiting.get(message.id)
    waiting.delete(message.id)
    if (message.error) pending?.reject(new Error(message.error))
    else pending?.resolve(message.value)
    return
  }
  if (message.type !== 'call') return
  const fn = handlers.get(message.kind)
  try {
    if (!fn) throw new Error(`The stand-in cannot ${message.kind}`)
    send({ type: 'result', id: message.id, value: await fn(message.payload) })
  } catch (error) {
    send({ type: 'result', id: message.id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) })
  }
})
