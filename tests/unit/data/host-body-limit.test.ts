// Why: in the browser host a pack or backup file travels in the request body,
// past the 8 MB default; those calls (and only those) get room for the
// largest file allowed, so the student reads the service's "too large
// (50.0 MB; the limit is 20 MB)" rather than a bare 413.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Dispatch } from '../../../src/main/dispatch'
import { BACKUP_MAX_BYTES, fileBodyLimit, PACK_MAX_BYTES } from '../../../src/shared/domain/data'
import { createHostHandler, TOKEN_HEADER } from '../../../src/web/http-host'

const TOKEN = 'cd'.repeat(32)
let rendererDir: string
let server: Server
let port: number
const reached: string[] = []

beforeAll(async () => {
  rendererDir = mkdtempSync(join(tmpdir(), 'rd-host-limit-'))
  writeFileSync(
    join(rendererDir, 'index.html'),
    `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'" /></head><body></body></html>`
  )
  const dispatch: Dispatch = async (channel) => {
    reached.push(channel)
    return { ok: true, value: null }
  }
  server = createServer()
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  port = (server.address() as AddressInfo).port
  server.on('request', createHostHandler({ dispatch, rendererDir, token: TOKEN, port, maxBodyBytes: 1024 }))
})
afterAll(async () => {
  await new Promise((done) => server.close(done))
  rmSync(rendererDir, { recursive: true, force: true })
})

function post(channel: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/${channel}`,
        headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN, 'content-length': String(Buffer.byteLength(body)) }
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      }
    )
    req.on('error', reject)
    req.end(body)
  })
}

describe('the browser host body limit', () => {
  it('gives the file-carrying calls room for the largest file, JSON-escaped', () => {
    expect(fileBodyLimit('packs:import')).toBe(PACK_MAX_BYTES * 3)
    expect(fileBodyLimit('data:restoreBackup')).toBe(BACKUP_MAX_BYTES * 3)
    expect(fileBodyLimit('data:inspectBackup')).toBe(BACKUP_MAX_BYTES * 3)
    expect(fileBodyLimit('settings:update')).toBeUndefined()
  })

  // Between 1 and 4 times the limit, so the host drains the refused body and answers (past 4x it hangs up).
  it('lets a large import through to the dispatcher, and still answers 413 for other calls', async () => {
    const body = JSON.stringify({ input: { fileName: 'p.json', content: 'x'.repeat(2_500) } })
    expect(await post('packs:import', body)).toBe(200)
    expect(await post('settings:update', body)).toBe(413)
    expect(reached).toEqual(['packs:import'])
  })
})
