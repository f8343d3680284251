// POST /api/alerts/:id/ack: acknowledge an alert (stops repeat notifications; records who).
import { withCaller } from "@/lib/services/session";
import { respond } from "@/lib/services/http";
import { acknowledgeAlert } from "@/lib/services/alerts/alerts";

export const dynamic = "force-dynamic";

/** POST, for callers with at least the operator role (401 / 403 otherwise); 404 unknown, 409 already resolved. */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return withCaller(req, "operator", async (caller) => respond(await acknowledgeAlert((await ctx.params).id, caller)));
}
