// Every request passes here first: who is asking (session cookie or bearer token), and viewers change nothing.
import { type NextRequest, NextResponse } from "next/server";
import { countUsers } from "@/lib/data/users";
import { actorOf } from "@/lib/domain/auth";
import { logChange } from "@/lib/services/audit-log";
import { resolvePrincipal, SESSION_COOKIE } from "@/lib/services/auth";
import { addressOf } from "@/lib/services/session";

const PUBLIC = ["/login", "/setup", "/logout"];
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** A signed-in user's server action on their own account page (each of those actions touches only the caller's account). */
const ownAccount = (req: NextRequest, kind: string) => kind === "user" && req.nextUrl.pathname === "/account" && req.headers.has("next-action");

/** 401 for anonymous API calls, a redirect to login (or first-run setup) for pages, 403 for a viewer's changes. */
export async function proxy(req: NextRequest) {
  const path = req.nextUrl.pathname;
  if (PUBLIC.includes(path)) return NextResponse.next();
  const api = path.startsWith("/api/") || path === "/metrics";
  const principal = await resolvePrincipal(req.headers.get("authorization"), req.cookies.get(SESSION_COOKIE)?.value);
  if (!principal) {
    if (api || !SAFE_METHODS.has(req.method)) return NextResponse.json({ error: "Sign in, or send Authorization: Bearer <token>." }, { status: 401 });
    const target = (await countUsers()) === 0 ? "/setup" : `/login?next=${encodeURIComponent(path + req.nextUrl.search)}`;
    return NextResponse.redirect(new URL(target, req.url));
  }
  if (!SAFE_METHODS.has(req.method) && principal.role === "viewer" && !ownAccount(req, principal.kind)) {
    await logChange({ actor: actorOf(principal), address: addressOf(req.headers) }, "forbidden", `${req.method} ${path}`, { error: "viewers change nothing" });
    return NextResponse.json({ error: "Viewers can look but not change anything (403)." }, { status: 403 });
  }
  return NextResponse.next();
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
