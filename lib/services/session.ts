// The principal of the current request, for server actions, pages and route handlers.
import "server-only";
import { cookies, headers } from "next/headers";
import { actorOf, allows, type Caller, type Principal, type Role } from "@/lib/domain/auth";
import { logChange } from "./audit-log";
import { AuthError, requireRole, resolvePrincipal, SESSION_COOKIE } from "./auth";

/** The client address of a request (first x-forwarded-for hop, x-real-ip, else "direct"), for the audit trail. */
export function addressOf(h: Headers): string {
  const raw = h.get("x-forwarded-for")?.split(",")[0].trim() || h.get("x-real-ip") || "direct";
  return raw.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
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
