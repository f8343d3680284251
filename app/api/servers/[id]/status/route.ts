// GET /api/servers/:id/status: the server's full normalised status, problems and freshness.
import { withRole } from "@/lib/services/session";
import { serverStatusDetail } from "@/lib/services/status";

export const dynamic = "force-dynamic";

/** `ServerStatusResponse`: `{ report, status, heartbeatError }`; 404 for an unknown server. */
async function getHandler(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const detail = await serverStatusDetail((await params).id);
  if (!detail) return Response.json({ error: "No such server." }, { status: 404 });
  return Response.json(detail, { headers: { "Cache-Control": "no-store" } });
}

/** GET, for callers with at least the viewer role (401 / 403 otherwise). */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return withRole(req, "viewer", () => getHandler(req, ctx));
}
