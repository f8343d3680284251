// GET one switchover: steps with their logs, status, error and where each server stands.
import { respond } from "@/lib/services/http";
import { getSwitchover } from "@/lib/services/switchover";
import { withRole } from "@/lib/services/session";

export const dynamic = "force-dynamic";

/** The run (no secrets). */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return withRole(req, "viewer", async () => respond(await getSwitchover((await ctx.params).id)));
}
