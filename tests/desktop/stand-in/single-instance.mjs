// Why: two writers corrupt lowdb, so the instance lock must be real across
// processes, as Chromium's is: a lock file in userData naming the holder's pid,
// and a socket beside it through which a second launch wakes the first
// (Electron emits `second-instance` there) before it quits.
import { closeSync, openSync, readFileSync, rmSync, writeSync, mkdirSync } from 'node:fs'
import net from 'node:net'
import { join } from 'node:path'

function alive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return error.code === 'EPERM'
  }
}

export function createInstanceLock({ userData, onSecondInstance, record }) {
  const lockFile = () => join(userData(), 'SingletonLock')
  const socketFile = () => join(userData(), 'SingletonSocket')
  let server = null
  let held = false
  let pendingNotice = Promise.resolve()

  function tryTake() {
    mkdirSync(userData(), { recursive: true })
    try {
      const fd = openSync(lockFile(), 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      return true
    } catch (error) {
      if (error.code !== 'EEXIST') throw error
      const holder = Number(readFileSync(lockFile(), 'utf8'))
      if (holder && alive(holder)) return false
      // A holder that died without letting go: its lock is stale.
      rmSync(lockFile(), { force: true })
      return tryTake()
    }
  }

  return {
    /** Synchronous, as in Electron; a refused caller has told the holder by the time it leaves. */
    request(additionalData) {
      held = tryTake()
      record('app', 'requestSingleInstanceLock', { granted: held })
      if (held) {
        rmSync(socketFile(), { force: true })
        server = net.createServer((socket) => {
          let text = ''
          socket.setEncoding('utf8').on('data', (chunk) => (text += chunk))
          socket.on('end', () => {
            const message = JSON.parse(text || '{}')
            onSecondInstance(message.argv ?? [], message.cwd ?? '', message.additionalData ?? {})
          })
        })
        server.listen(socketFile())
        server.unref()
      } else {
        pendingNotice = new Promise((resolve) => {
          const socket = net.connect(socketFile(), () => {
            socket.end(JSON.stringify({ argv: process.argv, cwd: process.cwd(), additionalData: additionalData ?? {} }))
          })
          socket.on('close', resolve)
          socket.on('error', resolve)
        })
      }
      return held
    },
    hasLock: () => held,
    release() {
      record('app', 'releaseSingleInstanceLock', { held })
      if (!held) return
      held = false
      server?.close()
      rmSync(lockFile(), { force: true })
      rmSync(socketFile(), { force: true })
    },
    /** What must finish before the process may leave. */
    settled: () => pendingNotice
  }
}
