// Why: the built page's own CSP <meta> is the one policy; both hosts read it
// from index.html so the header they send can never disagree with the page.
/** Used only when the built page carries no CSP <meta> of its own. */
export const FALLBACK_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'"

const CSP_META = /<meta\s[^>]*http-equiv\s*=\s*["']?Content-Security-Policy["']?[^>]*>/i

/** The policy from the page's CSP <meta>, plus what only a header can say. */
export function cspFromHtml(html: string): string {
  const tag = CSP_META.exec(html)?.[0]
  const content = tag ? /\scontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag) : null
  const policy = (content?.[1] ?? content?.[2] ?? FALLBACK_CSP)
    .trim()
    .replace(/;\s*$/, '')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
  // frame-ancestors is ignored in a <meta>, so the header adds it.
  return /(^|;)\s*frame-ancestors\b/i.test(policy) ? policy : `${policy}; frame-ancestors 'none'`
}
