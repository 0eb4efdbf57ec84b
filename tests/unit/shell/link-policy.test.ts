// Why: a link out is the one door to the network; the table pins what opens it.
import { describe, expect, it } from 'vitest'
import { hostsFromAddresses, isAllowedExternalUrl } from '../../../src/main/security/link-policy'
import { isTrustedPageUrl, resolveDataDir, trustedPageFor } from '../../../src/main/security/page-policy'

const hosts = hostsFromAddresses(['https://example.com/a', 'https://www.mea.gov.in/x', 'http://insecure.example.org/', 'not a url'])

describe('isAllowedExternalUrl', () => {
  it.each([
    ['https://example.com/', true],
    ['https://EXAMPLE.com/path?q=1#h', true],
    ['https://www.mea.gov.in/bilateral-documents.htm', true],
    ['https://example.com:443/', true],
    ['http://example.com/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['JavaScript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['https://example.com.attacker.com/', false],
    ['https://attacker.com/example.com', false],
    ['https://example.com@attacker.com/', false],
    ['https://user:pass@example.com/', false],
    ['https://sub.example.com/', false],
    ['https://example.com:8443/', false],
    ['https://insecure.example.org/', false],
    ['https://exаmple.com/', false],
    ['//example.com/', false],
    ['', false],
    [42, false],
    [null, false]
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url, hosts)).toBe(allowed)
  })

  it('keeps only https hosts from the cited addresses', () => {
    expect([...hosts].sort()).toEqual(['example.com', 'www.mea.gov.in'])
  })
})

describe('trusted page', () => {
  const built = trustedPageFor(undefined)
  const dev = trustedPageFor('http://localhost:5173/')

  it.each([
    [built, 'app://revision-desk/index.html', true],
    [built, 'app://revision-desk/index.html#/read', true],
    [built, 'app://revision-desk/', true],
    [built, 'app://revision-desk.evil/index.html', false],
    [built, 'app://user@revision-desk/index.html', false],
    [built, 'app://other/index.html', false],
    [built, 'file:///opt/app/out/renderer/index.html', false],
    [built, 'https://revision-desk/index.html', false],
    [built, 'https://example.com/', false],
    [dev, 'http://localhost:5173/#/read', true],
    [dev, 'http://localhost:5174/', false],
    [dev, 'app://revision-desk/index.html', false],
    [dev, 'http://localhost.attacker.com:5173/', false]
  ])('%# %s', (page, url, trusted) => {
    expect(isTrustedPageUrl(url, page)).toBe(trusted)
  })

  it('takes the data folder from REVISION_DESK_DATA_DIR when set, made absolute', () => {
    expect(resolveDataDir({ REVISION_DESK_DATA_DIR: '/tmp/x' }, '/home/u/.config/rd')).toBe('/tmp/x')
    expect(resolveDataDir({ REVISION_DESK_DATA_DIR: 'data/rd' }, '/home/u/.config/rd', '/work/here')).toBe('/work/here/data/rd')
    expect(resolveDataDir({ REVISION_DESK_DATA_DIR: '../rd' }, '/home/u/.config/rd', '/work/here')).toBe('/work/rd')
    expect(resolveDataDir({ REVISION_DESK_DATA_DIR: '  ' }, '/home/u/.config/rd')).toBe('/home/u/.config/rd')
    expect(resolveDataDir({}, '/home/u/.config/rd')).toBe('/home/u/.config/rd')
  })
})
