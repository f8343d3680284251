// Every request passes here first: security headers (a per-request CSP nonce), who is asking (session cookie or bearer
// token), cookie-borne changes from other sites refused, and viewers change nothing.
import { randomBytes } from "node:crypto";
import { type NextRequest, NextResponse } from "next/server";
import { countUsers } from "@/lib/data/users";
import { actorOf, type Principal } from "@/lib/domain/auth";
import { crossSiteRefusal } from "@/lib/domain/request-origin";
import { contentSecurityPolicy, STATIC_SECURITY_HEADERS } from "@/lib/domain/security-headers";
import { logChange } from "@/lib/services/audit-log";
import { resolvePrincipal, SESSION_COOKIE } from "@/lib/services/auth";
import { addressOf, viaTrustedProxy } from "@/lib/services/session";

// /api/leader-check answers load balancer probes: only whether this instance leads (no sign-in).
const PUBLIC = ["/login", "/setup", "/logout", "/api/leader-check"];
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** A signed-in user's server action on their own account page (each of those actions touches only the caller's account). */
const ownAccount = (req: NextRequest, kind: string) => kind === "user" && req.nextUrl.pathname === "/account" && req.headers.has("next-action");

/** Adds the CSP and the other security headers to a response. */
function secured(res: NextResponse, csp: string): NextResponse {
  res.headers.set("Content-Security-Policy", csp);
  for (const [k, v] of Object.entries(STATIC_SECURITY_HEADERS)) res.headers.set(k, v);
  return res;
}

/** Lets the request through, handing the CSP (Next.js takes the nonce from it for its scripts) and the nonce to the app. */
function pass(req: NextRequest, csp: string, nonce: string): NextResponse {
  const headers = new Headers(req.headers);
  headers.set("content-security-policy", csp);
  headers.set("x-nonce", nonce);
  return secured(NextResponse.next({ request: { headers } }), csp);
}

/**
 * Why a cookie-authenticated change looks cross-site (null when it is same-origin, or not cookie-authenticated). A
 * request carrying a session cookie counts as cookie-authenticated unless a valid bearer token speaks for it (a junk
 * `Authorization` header must not exempt `/logout` or any other public path that acts on the cookie).
 */
function csrfRefusal(req: NextRequest, principal: Principal | null): string | null {
  if (principal ? principal.kind !== "user" : !req.cookies.has(SESSION_COOKIE)) return null;
  const h = req.headers;
  const forwardedHost = viaTrustedProxy(h) ? h.get("x-forwarded-host")?.split(",")[0] : undefined;
  const hosts = [h.get("host"), forwardedHost].filter((x): x is string => !!x);
  return crossSiteRefusal({ method: req.method, path: req.nextUrl.pathname, origin: h.get("origin"), secFetchSite: h.get("sec-fetch-site"), contentType: h.get("content-type"), hosts });
}

/** 401 for anonymous API calls, a redirect to login (or first-run setup) for pages, 403 for cross-site or viewer changes. */
export async function proxy(req: NextRequest) {
  const nonce = randomBytes(16).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const path = req.nextUrl.pathname;
  const principal = await resolvePrincipal(req.headers.get("authorization"), req.cookies.get(SESSION_COOKIE)?.value);
  const refusal = csrfRefusal(req, principal);
  if (refusal) {
    await logChange({ actor: principal ? actorOf(principal) : "(session cookie)", address: addressOf(req.headers) }, "forbidden", `${req.method} ${path}`, { error: refusal });
    return secured(NextResponse.json({ error: `Refused (403): ${refusal}.` }, { status: 403 }), csp);
  }
  // Before the public paths: a viewer's POST to /login or /setup is refused too (signing out stays possible).
  if (principal && !SAFE_METHODS.has(req.method) && principal.role === "viewer" && path !== "/logout" && !ownAccount(req, principal.kind)) {
    await logChange({ actor: actorOf(principal), address: addressOf(req.headers) }, "forbidden", `${req.method} ${path}`, { error: "viewers change nothing" });
    return secured(NextResponse.json({ error: "Viewers can look but not change anything (403)." }, { status: 403 }), csp);
  }
  if (PUBLIC.includes(path)) return pass(req, csp, nonce);
  const api = path.startsWith("/api/") || path === "/metrics";
  if (!principal) {
    if (api || !SAFE_METHODS.has(req.method)) return secured(NextResponse.json({ error: "Sign in, or send Authorization: Bearer <token>." }, { status: 401 }), csp);
    const target = (await countUsers()) === 0 ? "/setup" : `/login?next=${encodeURIComponent(path + req.nextUrl.search)}`;
    return secured(NextResponse.redirect(new URL(target, req.url)), csp);
  }
  return pass(req, csp, nonce);
}

// Skipped only: Next.js's hashed static files, the image optimiser's endpoint and /favicon.ico and /robots.txt, each matched whole
// (an unanchored exclusion let /favicon.icoX or /_next/staticX bypass the headers and the checks above).
export const config = { matcher: ["/((?!_next/static/|_next/image$|favicon\\.ico$|robots\\.txt$).*)"] };
