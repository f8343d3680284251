// POST /logout ends the session (revoked in the database), clears the cookie and records the sign-out.
import { cookies } from "next/headers";
import { revokeSession } from "@/lib/data/users";
import { logChange } from "@/lib/services/audit-log";
import { resolvePrincipal, SESSION_COOKIE } from "@/lib/services/auth";
import { addressOf } from "@/lib/services/session";

/** Signs out and goes to the login page (a relative Location, right behind any reverse proxy). */
export async function POST(req: Request) {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  if (token) {
    const who = await resolvePrincipal(null, token);
    await revokeSession(token);
    if (who) await logChange({ actor: who.name, address: addressOf(req.headers) }, "session.logout", "signed out");
  }
  jar.delete(SESSION_COOKIE);
  return new Response(null, { status: 303, headers: { Location: "/login" } });
}
