// Why: the only way out of the app is a link to a cited source. A link is
// opened in the system browser only if it is https to a host the packs cite,
// matched exactly, so look-alikes such as `example.com.attacker.com` fail.
export function hostsFromAddresses(addresses: Iterable<string>): Set<string> {
  const hosts = new Set<string>()
  for (const address of addresses) {
    try {
      const url = new URL(address)
      if (url.protocol === 'https:') hosts.add(url.hostname.toLowerCase())
    } catch {
      // An address that is not a URL cannot be allowed.
    }
  }
  return hosts
}

export function isAllowedExternalUrl(candidate: unknown, allowedHosts: ReadonlySet<string>): boolean {
  if (typeof candidate !== 'string' || candidate.length > 2048) return false
  let url: URL
  try {
    url = new URL(candidate)
  } catch {
    return false
  }
  if (url.protocol !== 'https:') return false
  if (url.username !== '' || url.password !== '') return false
  if (url.port !== '' && url.port !== '443') return false
  return allowedHosts.has(url.hostname.toLowerCase())
}
