// GET /api/servers/:id/lag?range=hour|day|week: lag samples for charts (lagSeconds null where unknown).
import { respond } from "@/lib/services/http";
import { lagHistory } from "@/lib/services/lag";
import { withRole } from "@/lib/services/session";

export const dynamic = "force-dynamic";

/** `LagResponse`: `{ from, to, samples: [{ channel, at, lagSeconds, source }] }`; 404 unknown server, 400 unknown range. */
async function getHandler(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return respond(await lagHistory((await params).id, new URL(req.url).searchParams.get("range") ?? "hour"));
}

/** GET, for callers with at least the viewer role (401 / 403 otherwise). */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return withRole(req, "viewer", () => getHandler(req, ctx));
}
