// GET /api/status/overview?q=…&state=…&view=problems&open=…&limit=…: one page of the overview (counts per state and
// cluster, the drawn rows only, slim), worst first — what the overview polls.
import { parsePageRequest } from "@/lib/domain/overview/page";
import { overviewStatusBody } from "@/lib/services/overview";
import { withRole } from "@/lib/services/session";

export const dynamic = "force-dynamic";

/** GET, for callers with at least the viewer role (401 / 403 otherwise). */
export async function GET(req: Request) {
  const page = parsePageRequest(new URL(req.url).searchParams);
  return withRole(req, "viewer", async () => new Response(await overviewStatusBody(page), { headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } }));
}
