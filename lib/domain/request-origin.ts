// Cross-site request refusal (pure): a state-changing request that rides on the session cookie must come from our own pages.

/** The request facts the rule looks at (header values as received, null when absent). */
export interface RequestFacts {
  method: string;
  path: string;
  origin: string | null;
  secFetchSite: string | null;
  contentType: string | null;
  /** The hosts this server answers as: the Host header, plus X-Forwarded-Host when a trusted proxy sent it. */
  hosts: string[];
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** True when the Origin header names one of `hosts` (scheme ignored: TLS may end at a proxy). */
function sameOrigin(origin: string | null, hosts: string[]): boolean {
  if (!origin || origin === "null") return false;
  try {
    const host = new URL(origin).host.toLowerCase();
    return hosts.some((h) => h.trim().toLowerCase() === host);
  } catch {
    return false;
  }
}

/** The media type of a Content-Type header, lower case, without parameters. */
const mediaType = (ct: string | null) => (ct ?? "").split(";")[0].trim().toLowerCase();

/**
 * Why a cookie-authenticated request is refused as possibly cross-site (null when it may proceed): a non-GET request
 * must be same-origin (Origin naming this host, or Sec-Fetch-Site: same-origin), and a non-GET /api/* request must
 * also be `application/json` (an HTML form or a `no-cors` fetch cannot send that cross-origin without a preflight).
 */
export function crossSiteRefusal(r: RequestFacts): string | null {
  if (SAFE.has(r.method.toUpperCase())) return null;
  const site = r.secFetchSite?.trim().toLowerCase();
  if (site && site !== "same-origin") return `cross-site request refused (Sec-Fetch-Site: ${site.slice(0, 20)})`;
  if (site !== "same-origin" && !sameOrigin(r.origin, r.hosts)) return r.origin ? "cross-origin request refused (Origin does not match this host)" : "request without an Origin header refused";
  if (r.path.startsWith("/api/") && mediaType(r.contentType) !== "application/json") return "API requests made with a session cookie must send Content-Type: application/json";
  return null;
}
