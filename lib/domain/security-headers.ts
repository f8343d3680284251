// The security headers every response carries (pure): a nonce-based Content-Security-Policy and its companions.

/**
 * The Content-Security-Policy for a page rendered with `nonce` (scripts only from our origin or carrying the nonce;
 * inline style attributes allowed, which React and the graph canvas use; no framing, no plugins, no foreign forms).
 * Without a nonce (static files), scripts come from our origin only. `dev` adds what `next dev` needs (eval, HMR).
 */
export function contentSecurityPolicy(nonce: string | null, dev = false): string {
  const script = ["'self'", ...(nonce ? [`'nonce-${nonce}'`, "'strict-dynamic'"] : []), ...(dev ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The headers set on every response besides the CSP. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  "X-Frame-Options": "DENY",
};
