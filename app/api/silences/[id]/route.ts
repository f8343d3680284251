// DELETE /api/silences/:id: end a silence now (operator).
import { withCaller } from "@/lib/services/session";
import { respond } from "@/lib/services/http";
import { removeSilence } from "@/lib/services/alerts/alerts";

export const dynamic = "force-dynamic";

/** DELETE, for callers with at least the operator role; 404 when unknown. */
export async function DELETE(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return withCaller(req, "operator", async (caller) => respond(await removeSilence((await ctx.params).id, caller)));
}
