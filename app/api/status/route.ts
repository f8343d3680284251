// GET /api/status: every server's health, lag (null when unknown) with its source, problems and channels.
import { withRole } from "@/lib/services/session";
import { type StatusResponse, statusReport } from "@/lib/services/status";

export const dynamic = "force-dynamic";

/** The on-call view as JSON, worst first. */
async function getHandler() {
  const { checkedAt, servers, staleAfterSeconds } = await statusReport();
  return Response.json({ checkedAt, servers, staleAfterSeconds } satisfies StatusResponse, { headers: { "Cache-Control": "no-store" } });
}

/** GET, for callers with at least the viewer role (401 / 403 otherwise). */
export async function GET(req: Request) {
  return withRole(req, "viewer", () => getHandler());
}
