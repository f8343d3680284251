// The principal of the current request, for server actions, pages and route handlers.
import "server-only";
import { cookies, headers } from "next/headers";
import { allows, type Principal, type Role } from "@/lib/domain/auth";
import { AuthError, requireRole, resolvePrincipal, SESSION_COOKIE } from "./auth";

/** The client address of a request (first x-forwarded-for hop, x-real-ip, else "direct"), for the audit trail. */
export function addressOf(h: Headers): string {
  return h.get("x-forwarded-for")?.split(",")[0].trim() || h.get("x-real-ip") || "direct";
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
  try {
    return { principal: requireRole(await currentPrincipal(), needed), address: addressOf(await headers()) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** For route handlers: runs `fn` when the caller has `needed`, else answers 401 / 403. */
export async function withRole(req: Request, needed: Role, fn: (p: Principal, address: string) => Promise<Response>): Promise<Response> {
  const cookie = /(?:^|;\s*)replscope_session=([^;]+)/.exec(req.headers.get("cookie") ?? "")?.[1];
  try {
    return await fn(requireRole(await resolvePrincipal(req.headers.get("authorization"), cookie), needed), addressOf(req.headers));
  } catch (e) {
    if (e instanceof AuthError) return Response.json({ error: e.message }, { status: e.status });
    throw e;
  }
}

/** The audit trail's name for a principal: the user name, or `token:<name>` for API tokens. */
export const actorOf = (p: Principal) => (p.kind === "token" ? `token:${p.name}` : p.name);
