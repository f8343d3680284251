// POST /api/servers/:id/test runs a connection test now and stores its outcome.
import { withRole } from "@/lib/services/session";
import { respond } from "@/lib/services/http";
import { testServer } from "@/lib/services/servers";

/** `{ status, detail, flavor?, version? }` — status is ok, access_denied, unknown_host, refused, timeout, not_mysql, tls or error. */
async function postHandler(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return respond(await testServer((await params).id), 200, (v) => v.check);
}

/** POST, for callers with at least the operator role (401 / 403 otherwise). */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return withRole(req, "operator", () => postHandler(req, ctx));
}
