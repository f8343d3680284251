// GET /api/status: every server's health, lag (null when unknown) with its source, problems and channels.
import { withRole } from "@/lib/services/session";
import { cachedStatusBody } from "@/lib/services/status";

export const dynamic = "force-dynamic";

/** The on-call view as JSON, worst first. */
async function getHandler() {
  return new Response(await cachedStatusBody(), { headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
}

/** GET, for callers with at least the viewer role (401 / 403 otherwise). */
export async function GET(req: Request) {
  return withRole(req, "viewer", () => getHandler());
}
