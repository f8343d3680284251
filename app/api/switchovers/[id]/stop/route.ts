// POST asks a running switchover to stop before its point of no return (it then undoes what it did).
import { respond } from "@/lib/services/http";
import { stopSwitchover } from "@/lib/services/switchover";
import { actorOf, withRole } from "@/lib/services/session";

/** 200 `{ id }`, or 409 when it is not running or already past the point of no return. */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return withRole(req, "operator", async (p, address) => {
    const id = (await ctx.params).id;
    return respond(await stopSwitchover(id, { actor: actorOf(p), address }));
  });
}
