// GET /api/status/summary: servers per state, stale count and newest check (what the tab title and favicon show).
import { withRole } from "@/lib/services/session";
import { statusSummary } from "@/lib/services/status";

export const dynamic = "force-dynamic";

/** GET, for callers with at least the viewer role. */
export async function GET(req: Request) {
  return withRole(req, "viewer", async () => Response.json(await statusSummary(), { headers: { "Cache-Control": "no-store" } }));
}
