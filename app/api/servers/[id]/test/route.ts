// POST /api/servers/:id/test runs a connection test now and stores its outcome.
import type { Caller } from "@/lib/domain/auth";
import { withCaller } from "@/lib/services/session";
import { respond } from "@/lib/services/http";
import { testServer } from "@/lib/services/servers";

/** `{ status, detail, flavor?, version? }` — status is ok, access_denied, unknown_host, refused, timeout, not_mysql, tls or error. */
async function postHandler(_req: Request, { params }: { params: Promise<{ id: string }> }, caller: Caller) {
  return respond(await testServer((await params).id, caller), 200, (v) => v.check);
}

/** POST, for callers with at least the operator role (401 / 403 otherwise). */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return withCaller(req, "operator", (caller) => postHandler(req, ctx, caller));
}
