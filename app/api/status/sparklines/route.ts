// GET /api/status/sparklines[?ids=a,b,…]: lag over the last 15 minutes, one value per minute (null where unknown), of
// every server or of the listed ones (the overview asks for the rows it draws).
import { withRole } from "@/lib/services/session";
import { overviewSparklines } from "@/lib/services/status";

export const dynamic = "force-dynamic";

/** At most this many ids per request (the overview splits longer lists). */
const MAX_IDS = 500;

/** GET, for callers with at least the viewer role. */
export async function GET(req: Request) {
  const raw = new URL(req.url).searchParams.get("ids");
  const ids = raw === null ? undefined : raw.split(",").filter(Boolean).slice(0, MAX_IDS);
  return withRole(req, "viewer", async () => Response.json(await overviewSparklines(15, ids), { headers: { "Cache-Control": "no-store" } }));
}
