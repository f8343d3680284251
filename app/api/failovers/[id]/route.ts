// GET one failover: status, steps with their logs, the new source and the report.
import { respond } from "@/lib/services/http";
import { getFailover } from "@/lib/services/failover";
import { withRole } from "@/lib/services/session";

export const dynamic = "force-dynamic";

/** `{ id, status: "running"|"done"|"failed", newSourceId, steps, logs, report }`. */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return withRole(req, "viewer", async () => respond(await getFailover((await ctx.params).id)));
}
