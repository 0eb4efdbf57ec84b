// Why: the browser host is the only door from a browser into the services, so each guard is tested
// on a real listening socket: a request that fails one must never reach the dispatcher.
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../../src/main/dispatch'
import { CHANNELS } from '../../../src/shared/channels'
import type { Handlers } from '../../../src/shared/contract'
import { createHostHandler, TOKEN_HEADER } from '../../../src/web/http-host'
import { api, calls, listen, port, recording, rendererDir, root, send, setUpHost, TOKEN } from './host-harness'

setUpHost()

describe('API guards', () => {
  it('dispatches a well-formed call and returns the envelope', async () => {
    const reply = await api(port, 'settings:update', { input: { theme: 'dark' } })
    expect(reply.status).toBe(200)
    expect(reply.json()).toEqual({ ok: true, value: { echoed: { theme: 'dark' }, channel: 'settings:update' } })
    expect(reply.headers['cache-control']).toBe('no-store')
    expect(reply.headers['content-type']).toMatch(/^application\/json/)
    expect(calls).toEqual([{ channel: 'settings:update', input: { theme: 'dark' } }])
  })

  it('passes a missing input as undefined and accepts a charset and our own Origin', async () => {
    const reply = await api(
      port,
      'app:info',
      {},
      { 'content-type': 'application/json; charset=utf-8', origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin' }
    )
    expect(reply.status).toBe(200)
    expect(calls).toEqual([{ channel: 'app:info', input: undefined }])
  })

  it('accepts localhost:<port> as Host with its own Origin', async () => {
    const reply = await api(port, 'app:info', {}, { host: `localhost:${port}`, origin: `http://localhost:${port}` })
    expect(reply.status).toBe(200)
    expect(calls).toHaveLength(1)
  })

  const refused: [string, Record<string, string>, number][] = [
    ['no token', { [TOKEN_HEADER]: '' }, 403],
    ['a wrong token', { [TOKEN_HEADER]: 'cd'.repeat(32) }, 403],
    ['a token of another length', { [TOKEN_HEADER]: 'ab' }, 403],
    ['a foreign Host (DNS rebinding)', { host: `evil.example:${port}` }, 403],
    ['our host on another port', { host: `127.0.0.1:1` }, 403],
    ['a foreign Origin', { origin: 'http://evil.example' }, 403],
    ['an Origin on another port', { origin: 'http://127.0.0.1:1' }, 403],
    ['a null Origin', { origin: 'null' }, 403],
    ['a cross-site fetch', { 'sec-fetch-site': 'cross-site' }, 403],
    ['a form content type', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
    ['text/plain', { 'content-type': 'text/plain' }, 415]
  ]
  for (const [what, headers, status] of refused) {
    it(`refuses ${what} without calling the dispatcher`, async () => {
      const reply = await api(port, 'settings:update', { input: { theme: 'dark' } }, headers)
      expect(reply.status).toBe(status)
      expect(reply.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      expect(calls).toEqual([])
    })
  }

  it('refuses a missing token header entirely', async () => {
    const reply = await send(port, { method: 'POST', path: '/api/app:info', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(reply.status).toBe(403)
    expect(calls).toEqual([])
  })

  it('takes POST only', async () => {
    const reply = await send(port, { method: 'GET', path: '/api/app:info', headers: { [TOKEN_HEADER]: TOKEN } })
    expect(reply.status).toBe(405)
    expect(reply.headers.allow).toBe('POST')
    expect(calls).toEqual([])
  })

  it('answers an oversize body with 413 (declared length)', async () => {
    const big = JSON.stringify({ input: 'x'.repeat(8 * 1024 * 1024 + 10) })
    const reply = await api(port, 'settings:update', big)
    expect(reply.status).toBe(413)
    expect(reply.json()).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(calls).toEqual([])
  })

  it('answers an oversize chunked body with 413', async () => {
    const small = await listen(recording, 1024)
    const reply = await send(small, {
      method: 'POST',
      path: '/api/settings:update',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN, 'transfer-encoding': 'chunked' },
      chunks: [Buffer.from('{"input":"'), Buffer.alloc(2048, 'x'), Buffer.from('"}')]
    })
    expect(reply.status).toBe(413)
    expect(calls).toEqual([])
  })

  it.each(['{not json', '', '[1,2]', '"input"', 'null'])('answers an unusable body %j with 400 validation', async (body) => {
    const reply = await api(port, 'settings:update', body)
    expect(reply.status).toBe(400)
    expect(reply.json()).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(calls).toEqual([])
  })

  it('hands an unknown channel to the dispatcher, which decides', async () => {
    await api(port, 'fs:readFile', { input: '/etc/passwd' })
    expect(calls).toEqual([{ channel: 'fs:readFile', input: '/etc/passwd' }])
  })
})

describe('with the real dispatcher', () => {
  const handled: string[] = []
  const handlers = Object.fromEntries(CHANNELS.map((c) => [c, async (input: unknown) => (handled.push(c), { handled: c, input })])) as unknown as Handlers
  let realPort: number
  beforeAll(async () => {
    realPort = await listen(createDispatcher(handlers, () => {}))
  })

  it('returns a validation error for a bad input and never calls the service', async () => {
    const reply = await api(realPort, 'settings:update', { input: { theme: 'purple' } })
    expect(reply.status).toBe(200)
    expect(reply.json()).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(handled).toEqual([])
  })

  it('returns a validation error for an unknown channel', async () => {
    const reply = await api(realPort, 'fs:readFile', { input: '/etc/passwd' })
    expect(reply.json()).toMatchObject({ ok: false, error: { code: 'validation', message: 'Unknown call.' } })
    expect(handled).toEqual([])
  })

  it('reaches the service with a valid input', async () => {
    const reply = await api(realPort, 'settings:update', { input: { theme: 'dark' } })
    expect(reply.json()).toEqual({ ok: true, value: { handled: 'settings:update', input: { theme: 'dark' } } })
    expect(handled).toEqual(['settings:update'])
  })
})

describe('construction', () => {
  it('refuses a renderer folder without index.html, saying how to build it', () => {
    expect(() => createHostHandler({ dispatch: recording, rendererDir: join(root, 'nowhere'), token: TOKEN, port: 1 })).toThrow(/electron-vite build/)
  })

  it('refuses a weak token', () => {
    expect(() => createHostHandler({ dispatch: recording, rendererDir, token: 'short', port: 1 })).toThrow(/token/)
  })
})
