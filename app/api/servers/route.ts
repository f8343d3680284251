// GET /api/servers lists the registry; POST registers a server and tests it (201, or 400/409 with fieldErrors).
import type { Caller } from "@/lib/domain/auth";
import { withCaller, withRole } from "@/lib/services/session";
import { listServers } from "@/lib/data/servers";
import { badBody, readJsonObject, respond } from "@/lib/services/http";
import { createServer } from "@/lib/services/servers";

export const dynamic = "force-dynamic";

/** Every registered server, secrets omitted. */
async function getHandler() {
  return Response.json({ servers: await listServers() }, { headers: { "Cache-Control": "no-store" } });
}

/** GET, for callers with at least the viewer role (401 / 403 otherwise). */
export async function GET(req: Request) {
  return withRole(req, "viewer", () => getHandler());
}

/** Registers a server; the response carries the stored server and the connection test. */
async function postHandler(req: Request, caller: Caller) {
  const body = await readJsonObject(req);
  if (!body) return badBody();
  return respond(await createServer(body, caller), 201, (v) => ({ ...v.server, check: v.check }));
}

/** POST, for callers with at least the admin role (401 / 403 otherwise). */
export async function POST(req: Request) {
  return withCaller(req, "admin", (caller) => postHandler(req, caller));
}
