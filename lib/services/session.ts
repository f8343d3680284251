// The principal of the current request, for server actions, pages and route handlers.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { cookies, headers } from "next/headers";
import { env } from "@/lib/config/env";
import { actorOf, allows, type Caller, type Principal, type Role } from "@/lib/domain/auth";
import { clientAddress, inCidr, parseIp } from "@/lib/domain/client-address";
import { logChange } from "./audit-log";
import { AuthError, requireRole, resolvePrincipal, SESSION_COOKIE } from "./auth";

/** The header scripts/server.mjs sets to the socket's peer address on every request (any copy a client sent is dropped). */
export const PEER_HEADER = "x-replscope-peer";
/** Its HMAC under scripts/server.mjs's per-process key (so a copy Next.js re-sends to itself keeps the first peer, and nothing else can). */
const PEER_SIG_HEADER = "x-replscope-peer-sig";

/** The peer header when scripts/server.mjs signed it, else "unknown". */
function signedPeer(h: Headers, key: string): string {
  const [peer, sig] = [h.get(PEER_HEADER), h.get(PEER_SIG_HEADER)];
  if (!peer || !sig) return "unknown";
  const want = Buffer.from(createHmac("sha256", key).update(peer).digest("hex"));
  const got = Buffer.from(sig);
  return got.length === want.length && timingSafeEqual(got, want) ? peer : "unknown";
}

/** The socket peer and the X-Forwarded-For chain before it (without scripts/server.mjs: Next's own X-Forwarded-For, forgeable). */
function hopsOf(h: Headers): { peer: string; forwardedFor: string | null } {
  const forwardedFor = h.get("x-forwarded-for");
  const g = globalThis as Record<symbol, unknown>;
  const key = g[Symbol.for("replscope.peerKey")];
  if (g[Symbol.for("replscope.peerHeader")] === PEER_HEADER && typeof key === "string") return { peer: signedPeer(h, key), forwardedFor };
  const chain = (forwardedFor ?? "").split(",");
  return { peer: chain.pop()?.trim() || "unknown", forwardedFor: chain.join(",") || null };
}

/** The client address of a request, for the sign-in limit and the audit trail: the socket peer, or behind a proxy listed in REPLSCOPE_TRUSTED_PROXIES the right-most X-Forwarded-For address that is not one. */
export function addressOf(h: Headers): string {
  const { peer, forwardedFor } = hopsOf(h);
  return clientAddress(peer, forwardedFor, env().trustedProxies);
}

/** True when the request reached us through a proxy listed in REPLSCOPE_TRUSTED_PROXIES (its X-Forwarded-* may be believed). */
export function viaTrustedProxy(h: Headers): boolean {
  const ip = parseIp(hopsOf(h).peer);
  return !!ip && env().trustedProxies.some((n) => inCidr(ip, n));
}

/** Who is making this request (null when nobody is signed in). */
export async function currentPrincipal(): Promise<Principal | null> {
  const [h, c] = await Promise.all([headers(), cookies()]);
  return resolvePrincipal(h.get("authorization"), c.get(SESSION_COOKIE)?.value);
}

/** True when the current caller has at least `needed` (for showing or hiding controls; the server checks anyway). */
export async function may(needed: Role): Promise<boolean> {
  const p = await currentPrincipal();
  return !!p && allows(p.role, needed);
}

/** For server actions: the principal, or the error message to show when the role is missing. */
export async function guard(needed: Role): Promise<{ principal: Principal; address: string } | { error: string }> {
  const [p, h] = await Promise.all([currentPrincipal(), headers()]);
  try {
    return { principal: requireRole(p, needed), address: addressOf(h) };
  } catch (e) {
    if (p) await logChange({ actor: actorOf(p), address: addressOf(h) }, "forbidden", `a server action that needs the ${needed} role`, { error: (e as Error).message });
    return { error: (e as Error).message };
  }
}

/** For a user's own-account actions: the signed-in user (a session, not a token), its session token and address. */
export async function sessionGuard(): Promise<{ principal: Principal; address: string; token: string } | { error: string }> {
  const [h, c] = await Promise.all([headers(), cookies()]);
  const token = c.get(SESSION_COOKIE)?.value;
  const p = token ? await resolvePrincipal(null, token) : null;
  return token && p && p.kind === "user" ? { principal: p, address: addressOf(h), token } : { error: "Sign in with a user account first." };
}

/** For route handlers: runs `fn` when the caller has `needed`, else answers 401 / 403. */
export async function withRole(req: Request, needed: Role, fn: (p: Principal, address: string) => Promise<Response>): Promise<Response> {
  const cookie = /(?:^|;\s*)replscope_session=([^;]+)/.exec(req.headers.get("cookie") ?? "")?.[1];
  const p = await resolvePrincipal(req.headers.get("authorization"), cookie);
  try {
    return await fn(requireRole(p, needed), addressOf(req.headers));
  } catch (e) {
    if (e instanceof AuthError && p) await logChange({ actor: actorOf(p), address: addressOf(req.headers) }, "forbidden", `${req.method} ${new URL(req.url).pathname}`, { error: e.message });
    if (e instanceof AuthError) return Response.json({ error: e.message }, { status: e.status });
    throw e;
  }
}

export { actorOf } from "@/lib/domain/auth";

/** The caller of a guarded server action, for the audit trail. */
export const callerOf = (g: { principal: Principal; address: string }): Caller => ({ actor: actorOf(g.principal), address: g.address });

/** For mutating route handlers: like withRole, handing over the caller for the audit trail. */
export function withCaller(req: Request, needed: Role, fn: (caller: Caller) => Promise<Response>): Promise<Response> {
  return withRole(req, needed, (p, address) => fn({ actor: actorOf(p), address }));
}
