// POST /logout ends the session (revoked in the database) and clears the cookie.
import { cookies } from "next/headers";
import { revokeSession } from "@/lib/data/users";
import { SESSION_COOKIE } from "@/lib/services/auth";

/** Signs out and goes to the login page. */
export async function POST(req: Request) {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  if (token) await revokeSession(token);
  jar.delete(SESSION_COOKIE);
  return Response.redirect(new URL("/login", req.url), 303);
}
