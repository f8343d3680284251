// GET /api/status/overview: the overview's slim rows (what a row shows), worst first — what the overview polls.
import { overviewStatusBody } from "@/lib/services/overview";
import { withRole } from "@/lib/services/session";

export const dynamic = "force-dynamic";

/** GET, for callers with at least the viewer role (401 / 403 otherwise). */
export async function GET(req: Request) {
  return withRole(req, "viewer", async () => new Response(await overviewStatusBody(), { headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } }));
}
