// POST /api/alert-channels/:id/test: send a test notification now → { ok, detail }.
import { withCaller } from "@/lib/services/session";
import { respond } from "@/lib/services/http";
import { testAlertChannel } from "@/lib/services/alerts/channel-admin";

export const dynamic = "force-dynamic";

/** POST, admin only; 200 { ok, detail } whether or not the receiver accepted it, 404 when unknown. */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return withCaller(req, "admin", async (caller) => respond(await testAlertChannel((await ctx.params).id, caller)));
}
