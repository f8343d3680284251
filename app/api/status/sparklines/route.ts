// GET /api/status/sparklines: every server's lag over the last 15 minutes, one value per minute (null where unknown).
import { withRole } from "@/lib/services/session";
import { overviewSparklines } from "@/lib/services/status";

export const dynamic = "force-dynamic";

/** GET, for callers with at least the viewer role. */
export async function GET(req: Request) {
  return withRole(req, "viewer", async () => Response.json(await overviewSparklines(), { headers: { "Cache-Control": "no-store" } }));
}
