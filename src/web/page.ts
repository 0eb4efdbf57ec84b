// Why: the one place the host changes the built index.html: it adds the
// per-launch token and the bridge script before the app's module script, and
// reads the page's own CSP so the header and the <meta> can never disagree.
export const BRIDGE_PATH = '/__bridge.js'
export const TOKEN_META = 'revision-desk-token'

/** Used only when the built page carries no CSP <meta> of its own. */
export const FALLBACK_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'"

const CSP_META = /<meta\s[^>]*http-equiv\s*=\s*["']?Content-Security-Policy["']?[^>]*>/i

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** The policy from the page's CSP <meta>, plus what only a header can say. */
export function cspFromHtml(html: string): string {
  const tag = CSP_META.exec(html)?.[0]
  const content = tag ? /\scontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag) : null
  const policy = (content?.[1] ?? content?.[2] ?? FALLBACK_CSP).trim().replace(/;\s*$/, '').replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&')
  // frame-ancestors is ignored in a <meta>, so the header adds it.
  return /(^|;)\s*frame-ancestors\b/i.test(policy) ? policy : `${policy}; frame-ancestors 'none'`
}

/**
 * Inserts the token <meta> and the bridge <script> in <head>, before the first
 * script there (the app's module script), so `window.api` exists before the app runs.
 * `defer`: deferred and module scripts run in document order, so the bridge still
 * runs first, but it no longer holds up the first paint.
 */
export function injectBridge(html: string, token: string): string {
  const tags = `<meta name="${TOKEN_META}" content="${escapeAttr(token)}">\n    <script defer src="${BRIDGE_PATH}"></script>\n    `
  const headEnd = html.search(/<\/head\s*>/i)
  if (headEnd < 0) throw new Error('index.html has no </head>; cannot add the browser bridge')
  const firstScript = html.slice(0, headEnd).search(/<script\b/i)
  const at = firstScript >= 0 ? firstScript : headEnd
  return html.slice(0, at) + tags + html.slice(at)
}
