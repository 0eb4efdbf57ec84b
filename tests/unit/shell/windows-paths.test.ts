// Why: most students run Windows. Where the app is installed must never decide
// whether the page is trusted or which file a request reads: drive-letter case,
// `%`, `^`, `|`, `#`, spaces, non-ASCII and UNC shares are all checked here
// with Node's own Windows path rules, on any OS.
import { pathToFileURL } from 'node:url'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { isTrustedSender, trustedPageFor } from '../../../src/main/security/page-policy'
import { isInside, mapRequestPath } from '../../../src/main/services/renderer/static-root'

const installs = [
  'C:\\Program Files\\Revision Desk\\resources\\app.asar\\out\\renderer',
  'c:\\Users\\ravi\\AppData\\Local\\Programs\\revision-desk\\resources\\app.asar\\out\\renderer',
  'D:\\rd-100%\\out\\renderer',
  'D:\\notes ^ caret | pipe #hash\\out\\renderer',
  'C:\\Users\\प्रिया\\Desktop\\रिवीजन डेस्क\\out\\renderer',
  '\\\\fileserver\\students\\Ravi Kumar\\revision-desk\\out\\renderer'
]

describe('sender check is the same wherever the app is installed', () => {
  const page = trustedPageFor(undefined)

  it.each(installs)('trusts app://revision-desk and nothing built from %s', (dir) => {
    expect(isTrustedSender({ url: 'app://revision-desk/index.html#/self-test', parent: null }, page)).toBe(true)
    // What Chromium and Node each make of the install folder as a file URL: neither is trusted now.
    const nodeUrl = pathToFileURL(path.win32.join(dir, 'index.html').replace(/\\/g, '/')).href
    const chromiumStyle =
      'file:///' + encodeURI(path.win32.join(dir, 'index.html').replace(/\\/g, '/')).replace(/^([a-z]):/, (_m, d: string) => `${d.toUpperCase()}:`)
    expect(isTrustedSender({ url: nodeUrl, parent: null }, page)).toBe(false)
    expect(isTrustedSender({ url: chromiumStyle, parent: null }, page)).toBe(false)
    expect(isTrustedSender({ url: 'app://revision-desk/index.html', parent: {} }, page)).toBe(false)
  })
})

describe('app:// requests map inside the renderer folder on Windows', () => {
  it.each(installs)('maps assets under %s', (root) => {
    expect(mapRequestPath('/index.html', root, path.win32)).toEqual({ kind: 'path', path: path.win32.join(root, 'index.html') })
    expect(mapRequestPath('/assets/index-D5kuhm1j.js', root, path.win32)).toEqual({ kind: 'path', path: path.win32.join(root, 'assets', 'index-D5kuhm1j.js') })
    expect(mapRequestPath('/assets/inter%20latin.woff2', root, path.win32)).toEqual({
      kind: 'path',
      path: path.win32.join(root, 'assets', 'inter latin.woff2')
    })
    expect(mapRequestPath('/', root, path.win32)).toEqual({ kind: 'path', path: path.win32.join(root, 'index.html') })
  })

  it.each([
    ['/..%5c..%5cWindows%5cwin.ini', 'bad-request'],
    ['/assets\\..\\..\\secret.txt', 'bad-request'],
    ['/%2e%2e/%2e%2e/secret.txt', 'bad-request'],
    ['/C:/Windows/win.ini', 'bad-request'],
    ['/C:%5cWindows%5cwin.ini', 'bad-request'],
    ['/%5c%5cfileserver%5cshare%5cx', 'bad-request'],
    ['/index.html:$DATA', 'bad-request'],
    ['/assets/%00.js', 'bad-request'],
    ['/%E0%A4', 'bad-request'],
    ['/.env', 'not-found']
  ])('refuses %s (%s)', (raw, kind) => {
    for (const root of installs) expect(mapRequestPath(raw, root, path.win32).kind).toBe(kind)
  })

  it('compares Windows folders without case, as NTFS does, and never by prefix alone', () => {
    expect(isInside('C:\\App\\out\\renderer', 'c:\\app\\OUT\\renderer\\index.html', path.win32)).toBe(true)
    expect(isInside('C:\\App\\out\\renderer', 'C:\\App\\out\\renderer-evil\\index.html', path.win32)).toBe(false)
    expect(isInside('\\\\server\\share\\rd', '\\\\server\\share\\rd2\\x', path.win32)).toBe(false)
    expect(isInside('/opt/App/out/renderer', '/opt/app/out/renderer/index.html', path.posix)).toBe(false)
  })
})
