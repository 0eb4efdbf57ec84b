// Why: the one place the host changes the built index.html: it adds the
// per-launch token and the bridge script before the app's module script.
export const BRIDGE_PATH = '/__bridge.js'
export const TOKEN_META = 'revision-desk-token'

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
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
